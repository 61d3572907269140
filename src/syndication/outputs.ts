/**
 * The registry of syndication outputs: each names the files it writes (known before anything
 * is written, so the build's list of outputs, stale-file removal and the cache know them) and
 * writes them. Feeds, the updates feed, sitemaps, the News sitemap, robots.txt.
 */
import { articleLinkEnv, linkTargets } from "../navigation/article-links.ts";
import { DateTime } from "luxon";
import type { RenderContext } from "../../layouts/context.ts";
import type { Archive, ArticleSummary } from "../model.ts";
import { escapeHtml } from "../../layouts/html.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import { updateNotes } from "../archive/update-notes.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import { absoluteSource, absoluteUrls } from "./absolute-urls.ts";
import { articleEntry, noteEntry, type FeedEntry } from "./feed-entries.ts";
import { feedDocuments, type FeedMeta } from "./feed-documents.ts";
import { FEED_SIZE, feedScopes, feedUrls, UPDATES_FEED } from "./feed-scopes.ts";
import { newsArticles, newsNow, newsSitemap } from "./news-sitemap.ts";
import { robotsTxt } from "./robots.ts";
import { sitemapFiles, sitemapPaths, sitemapUrls, type OutputFile } from "./sitemap.ts";

/** Build settings syndication reads. Plain data. */
export interface SyndicationSettings {
  /** Content folder, to read again the bodies feeds carry. */
  content: string;
  /** "Now" for the News sitemap, epoch ms; default the newest publication. */
  nowMs?: number;
  /** URLs per sitemap file before the sitemap becomes an index. */
  sitemapThreshold: number;
}

/** Everything an output is written from. */
export interface SyndicationInput {
  archive: Archive;
  listings: readonly ListingPage[];
  settings: SyndicationSettings;
  ctx: RenderContext;
  /** Rendered bodies by article URL (only those feeds carry). */
  bodies: ReadonlyMap<string, string>;
}

/** One kind of syndication file. */
export interface SyndicationOutput {
  name: string;
  /** The files it writes, relative to the output folder. */
  paths(input: Omit<SyndicationInput, "bodies" | "ctx">): string[];
  files(input: SyndicationInput): OutputFile[];
}

const path = (url: string) => outputPathFor(url);

function newestChange(entries: readonly FeedEntry[], archive: Archive): DateTime {
  const times = entries.map((e) => e.updated.toMillis());
  const fallback = archive.articles[0]?.date.toMillis() ?? 0;
  return DateTime.fromMillis(times.length ? Math.max(...times) : fallback, { zone: "UTC" });
}

function meta(input: SyndicationInput, home: string, title: string, description: string | undefined, links: FeedMeta["links"], entries: readonly FeedEntry[]): FeedMeta {
  const { site } = input.archive;
  const logo = site.publisher?.logo ?? site.image?.src;
  return {
    title,
    ...(description ? { description } : {}),
    language: site.language,
    home: input.ctx.absolute(home),
    links: { atom: input.ctx.absolute(links.atom), rss: input.ctx.absolute(links.rss), json: input.ctx.absolute(links.json) },
    updated: newestChange(entries, input.archive),
    ...(logo ? { image: absoluteSource(logo, input.ctx.absolute) } : {}),
    copyright: `© ${site.publisher?.name ?? site.title}`,
  };
}

/** The articles whose bodies the feeds carry: the newest of the site and of each section (topic and author feeds carry summaries). */
export function feedArticles(archive: Archive) {
  return feedScopes(archive).flatMap((scope) => (scope.fullText === false ? [] : scope.articles.slice(0, FEED_SIZE)));
}

/** The registry: one line per output. */
export const SYNDICATION_OUTPUTS: readonly SyndicationOutput[] = [
  {
    name: "feeds",
    paths: ({ archive }) => feedScopes(archive).flatMap((s) => Object.values(feedUrls(s.url)).map(path)),
    files: (input) =>
      feedScopes(input.archive).flatMap((scope) => {
        const content = (a: ArticleSummary) => (scope.fullText === false ? (a.summary ? `<p>${escapeHtml(a.summary)}</p>` : "") : (input.bodies.get(a.url) ?? ""));
        const entries = scope.articles.slice(0, FEED_SIZE).map((a) => articleEntry(a, content(a), input.ctx));
        const urls = feedUrls(scope.url);
        const docs = feedDocuments(meta(input, scope.url, scope.title, scope.description, urls, entries), entries);
        return [
          { path: path(urls.atom), text: docs.atom },
          { path: path(urls.rss), text: docs.rss },
          { path: path(urls.json), text: docs.json },
        ];
      }),
  },
  {
    name: "updates-feed",
    paths: () => [path(UPDATES_FEED.atom), path(UPDATES_FEED.json)],
    files: (input) => {
      const { ctx } = input;
      const targets = linkTargets(input.archive);
      const entries = updateNotes(input.archive)
        .slice(0, FEED_SIZE)
        .map((note) => noteEntry(note, absoluteUrls(ctx.markdown.render(note.update.text, articleLinkEnv(note.article.file, targets)), ctx.absolute(note.article.url)), ctx, ctx.labels.noteTitle(note.update.kind, note.article.title)));
      const links = { atom: UPDATES_FEED.atom, rss: UPDATES_FEED.atom, json: UPDATES_FEED.json };
      const docs = feedDocuments(meta(input, "/", `${ctx.labels.updatesHeading} – ${input.archive.site.title}`, input.archive.site.description, links, entries), entries);
      return [
        { path: path(UPDATES_FEED.atom), text: docs.atom },
        { path: path(UPDATES_FEED.json), text: docs.json },
      ];
    },
  },
  {
    name: "sitemap",
    paths: ({ archive, listings, settings }) => sitemapPaths(sitemapUrls(archive, listings).length, settings.sitemapThreshold),
    files: ({ archive, listings, settings, ctx }) => sitemapFiles(sitemapUrls(archive, listings), settings.sitemapThreshold, ctx.absolute),
  },
  {
    name: "news-sitemap",
    paths: () => ["news-sitemap.xml"],
    files: ({ archive, settings, ctx }) => {
      const given = settings.nowMs === undefined ? undefined : DateTime.fromMillis(settings.nowMs, { zone: archive.site.timeZone });
      return [{ path: "news-sitemap.xml", text: newsSitemap(archive.site, newsArticles(archive, newsNow(archive, given)), ctx.absolute) }];
    },
  },
  { name: "robots", paths: () => ["robots.txt"], files: ({ ctx }) => [{ path: "robots.txt", text: robotsTxt(ctx.absolute) }] },
];
