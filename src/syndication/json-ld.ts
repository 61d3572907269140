/**
 * Structured data (schema.org, typed with schema-dts): `NewsArticle` and `BreadcrumbList` for
 * articles, `WebSite` for the front page, `CollectionPage` for listings. Every date is the
 * same ISO 8601 text with the site's offset that the page's `<time datetime>` shows.
 */
import type { BreadcrumbList, CollectionPage, ImageObject, NewsArticle, Organization, WebSite, WithContext } from "schema-dts";
import { isoDateTime } from "../content/dates.ts";
import type { ArticleImage, ArticleSummary, Section, SiteConfig } from "../model.ts";
import { lastModified } from "../archive/update-notes.ts";
import { absoluteSource } from "./absolute-urls.ts";

/** What the builders need to know about the site. */
export interface LdContext {
  site: SiteConfig;
  sections: ReadonlyMap<string, Section>;
  absolute(url: string): string;
  /** The visible name of the front page in breadcrumbs. */
  homeName: string;
}

/**
 * The publisher as an Organization: site.yml's publisher, or the site's own name.
 * @example publisherLd(ctx).name // "The Test Tribune"
 */
export function publisherLd(ctx: LdContext): Organization {
  const { publisher } = ctx.site;
  return {
    "@type": "Organization",
    name: publisher?.name ?? ctx.site.title,
    url: publisher?.url ?? ctx.absolute("/"),
    ...(publisher?.logo ? { logo: { "@type": "ImageObject", url: absoluteSource(publisher.logo, ctx.absolute) } } : {}),
  };
}

/**
 * An image as an ImageObject with an absolute URL.
 * @example imageLd({ src: "/a.jpg", alt: "A" }, absolute).url // "https://…/a.jpg"
 */
export function imageLd(image: ArticleImage, absolute: (url: string) => string): ImageObject {
  return {
    "@type": "ImageObject",
    url: absoluteSource(image.src, absolute),
    description: image.alt,
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { creditText: image.credit } : {}),
  };
}

/**
 * The article's NewsArticle, with a CorrectionComment for each correction.
 * @example newsArticleLd(ctx, article).dateModified // the newest update, as on the page
 */
export function newsArticleLd(ctx: LdContext, article: ArticleSummary): WithContext<NewsArticle> {
  const section = ctx.sections.get(article.sectionId)!;
  const url = ctx.absolute(article.url);
  const image = article.image ?? ctx.site.image;
  const description = article.summary ?? ctx.site.description;
  const corrections = article.updates.filter((u) => u.kind === "correction").map((u) => ({ "@type": "CorrectionComment" as const, datePublished: isoDateTime(u.at), text: u.text }));
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    datePublished: isoDateTime(article.date),
    dateModified: isoDateTime(lastModified(article)),
    articleSection: section.title,
    author: article.authors.map((name) => ({ "@type": "Person", name })),
    publisher: publisherLd(ctx),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    ...(description ? { description } : {}),
    ...(image ? { image: imageLd(image, ctx.absolute) } : {}),
    inLanguage: ctx.site.language,
    ...(article.tags.length ? { keywords: article.tags.join(", ") } : {}),
    ...(corrections.length ? { correction: corrections } : {}),
  };
}

/**
 * The breadcrumb of a section (and of its articles): the front page, then each section from
 * the top, as the visible breadcrumb shows them.
 * @example breadcrumbLd(ctx, europe).itemListElement // [Home, World, Europe]
 */
export function breadcrumbLd(ctx: LdContext, section: Section): WithContext<BreadcrumbList> {
  const crumbs = [{ name: ctx.homeName, url: "/" }, ...section.lineage.map((id) => ({ name: ctx.sections.get(id)!.title, url: ctx.sections.get(id)!.url }))];
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({ "@type": "ListItem", position: i + 1, name: crumb.name, item: ctx.absolute(crumb.url) })),
  };
}

/**
 * The front page's WebSite.
 * @example webSiteLd(ctx).url // "https://tribune.example.org/"
 */
export function webSiteLd(ctx: LdContext): WithContext<WebSite> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: ctx.site.title,
    url: ctx.absolute("/"),
    inLanguage: ctx.site.language,
    ...(ctx.site.description ? { description: ctx.site.description } : {}),
    publisher: publisherLd(ctx),
  };
}

/**
 * A listing page's CollectionPage (a section's index, the corrections).
 * @example collectionPageLd(ctx, "Europe", "/world/europe/").name // "Europe"
 */
export function collectionPageLd(ctx: LdContext, name: string, url: string): WithContext<CollectionPage> {
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    name,
    url: ctx.absolute(url),
    inLanguage: ctx.site.language,
    isPartOf: { "@type": "WebSite", name: ctx.site.title, url: ctx.absolute("/") },
  };
}
