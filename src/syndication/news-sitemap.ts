/**
 * `/news-sitemap.xml`, as Google News reads it: only articles first published within the 48
 * hours before "now", at most 1,000, newest first. "Now" is the newest publication in the
 * archive unless the build is given one, so the file never depends on the clock.
 */
import type { DateTime } from "luxon";
import { isoDateTime } from "../content/dates.ts";
import type { Archive, ArticleSummary } from "../model.ts";
import { xmlText } from "./xml-text.ts";

/** The protocol's window and cap. */
export const NEWS_LIMITS = { hours: 48, urls: 1000 } as const;

/**
 * The instant the News sitemap counts back from.
 * @example newsNow(archive) // the newest article's date
 */
export function newsNow(archive: Pick<Archive, "articles">, given?: DateTime): DateTime | undefined {
  return given ?? archive.articles[0]?.date;
}

/**
 * The articles the News sitemap lists: published in [now − 48 h, now], newest first, at most 1,000.
 * @example newsArticles(archive, now).length // ≤ 1000
 */
export function newsArticles(archive: Pick<Archive, "articles">, now: DateTime | undefined): ArticleSummary[] {
  if (!now) return [];
  const end = now.toMillis();
  const start = end - NEWS_LIMITS.hours * 3_600_000;
  const listed: ArticleSummary[] = [];
  for (const article of archive.articles) {
    const at = article.date.toMillis();
    if (at > end) continue;
    if (at < start || listed.length === NEWS_LIMITS.urls) break;
    listed.push(article);
  }
  return listed;
}

/**
 * The publication's language as Google News wants it: ISO 639 (zh-cn and zh-tw for Chinese).
 * @example newsLanguage("en-GB") // "en"
 * @example newsLanguage("zh-Hant-TW") // "zh-tw"
 */
export function newsLanguage(language: string): string {
  const [primary, ...rest] = language.toLowerCase().split("-");
  if (primary !== "zh") return primary;
  return rest.includes("hant") || rest.includes("tw") || rest.includes("hk") ? "zh-tw" : "zh-cn";
}

/**
 * The News sitemap's text; an empty `<urlset>` when nothing qualifies.
 * @example newsSitemap(site, articles, absolute) // '<?xml …><urlset …><url><loc>…</loc><news:news>…'
 */
export function newsSitemap(site: Archive["site"], articles: readonly ArticleSummary[], absolute: (url: string) => string): string {
  const name = xmlText(site.publisher?.name ?? site.title);
  const language = newsLanguage(site.language);
  const urls = articles.map(
    (a) =>
      `<url><loc>${xmlText(absolute(a.url))}</loc><news:news><news:publication><news:name>${name}</news:name><news:language>${language}</news:language></news:publication><news:publication_date>${isoDateTime(a.date)}</news:publication_date><news:title>${xmlText(a.title)}</news:title></news:news></url>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join("")}</urlset>\n`;
}
