/**
 * The registry of syndication outputs: each names the files it writes (known before anything
 * is written, so the build's list of outputs, stale-file removal and the cache know them) and
 * writes them in groups ("units": one feed's documents, the sitemap and its parts …). A unit
 * with a signature — a digest of everything its files are written from, computed without
 * writing them — is left alone by a warm build when the signature is unchanged
 * (unit-signatures.ts). Feeds, the updates feed, sitemaps, the News sitemap, robots.txt.
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
import type { BodySource } from "./body-cache.ts";
import { articleEntry, noteEntry, type FeedEntry } from "./feed-entries.ts";
import { feedDocuments, type FeedMeta } from "./feed-documents.ts";
import { FEED_SIZE, feedScopes, feedUrls, UPDATES_FEED, type FeedScope } from "./feed-scopes.ts";
import { newsArticles, newsNow, newsSitemap } from "./news-sitemap.ts";
import { robotsTxt } from "./robots.ts";
import { sitemapFiles, sitemapPaths, sitemapUrls, type OutputFile } from "./sitemap.ts";
import { instant, signature } from "./unit-signatures.ts";
import { storeFeed, type StoredFeed } from "./stored-feeds.ts";

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
  /** The rendered bodies feeds carry, rendered or taken from the build cache on demand. */
  bodies: BodySource;
}

/** A group of files written together. */
export interface OutputUnit {
  /** Unique among all units, e.g. `feed /world/`. */
  id: string;
  /** The files it writes, relative to the output folder. */
  paths: readonly string[];
  /** A digest of everything the files are written from; none: always written. */
  signature?: string;
  files(): OutputFile[];
  /** A full-text feed as plain data, for a quick rebuild that changes one of its bodies (stored-feeds.ts); none when a body has no name. */
  stored?(): StoredFeed | undefined;
}

/** One kind of syndication file. */
export interface SyndicationOutput {
  name: string;
  /** The files it writes, relative to the output folder. */
  paths(input: Omit<SyndicationInput, "bodies" | "ctx">): string[];
  units(input: SyndicationInput): OutputUnit[];
}

const path = (url: string) => outputPathFor(url);

// The build asks for the sitemap's paths when it lists its outputs and for its files later:
// the list of 20,000 URLs (a lastmod for each listing page) is made once per build.
const urlsByListings = new WeakMap<readonly ListingPage[], { archive: Archive; urls: ReturnType<typeof sitemapUrls> }>();
function sitemapUrlsOnce(archive: Archive, listings: readonly ListingPage[]): ReturnType<typeof sitemapUrls> {
  const known = urlsByListings.get(listings);
  if (known?.archive === archive) return known.urls;
  const urls = sitemapUrls(archive, listings);
  urlsByListings.set(listings, { archive, urls });
  return urls;
}

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

/** The articles a feed lists: its scope's newest. */
const feedEntriesOf = (scope: FeedScope): readonly ArticleSummary[] => scope.articles.slice(0, FEED_SIZE);

/** The notes the updates feed lists: the newest updates and corrections. */
const updatesFeedNotes = (archive: Archive) => updateNotes(archive).slice(0, FEED_SIZE);

/** The articles the News sitemap lists. */
function newsSitemapArticles(archive: Archive, settings: SyndicationSettings): ArticleSummary[] {
  const given = settings.nowMs === undefined ? undefined : DateTime.fromMillis(settings.nowMs, { zone: archive.site.timeZone });
  return newsArticles(archive, newsNow(archive, given));
}

/**
 * Every article a syndication file shows more of than its URL and dates (a title, a summary):
 * the entries of every feed and of the updates feed, and the News sitemap's articles. The
 * sitemaps show URLs and dates alone. A quick rebuild of a headline edit (src/build/quick-listings.ts)
 * writes no syndication file, so it takes none of these articles.
 * @example syndicatedArticles(archive, settings).has(archive.articles[0]) // true
 */
export function syndicatedArticles(archive: Archive, settings: SyndicationSettings): Set<ArticleSummary> {
  const shown = new Set<ArticleSummary>();
  for (const scope of feedScopes(archive)) for (const article of feedEntriesOf(scope)) shown.add(article);
  for (const note of updatesFeedNotes(archive)) shown.add(note.article);
  for (const article of newsSitemapArticles(archive, settings)) shown.add(article);
  return shown;
}

/** The articles whose bodies the feeds carry: the newest of the site and of each section (topic and author feeds carry summaries). */
export function feedArticles(archive: Archive) {
  return feedScopes(archive).flatMap((scope) => (scope.fullText === false ? [] : feedEntriesOf(scope)));
}

/**
 * A feed's signature: its meta and entries with times as instants and each body by its id; none when a body has no id.
 * @example feedSignature("feed", meta, entries, ["9c1e…", …]) // "5b1f…"
 */
export function feedSignature(kind: string, meta: FeedMeta, entries: readonly FeedEntry[], bodyIds: readonly (string | undefined)[]): string | undefined {
  if (bodyIds.includes(undefined)) return undefined;
  return signature([kind, { ...meta, updated: instant(meta.updated) }, entries.map(entryPart), bodyIds]);
}

// An article is an entry of several feeds (site, section, topics, author): its part of their
// signatures is serialised once per build.
const entryParts = new WeakMap<FeedEntry, string>();
function entryPart(entry: FeedEntry): string {
  let part = entryParts.get(entry);
  if (part === undefined) {
    part = JSON.stringify({ ...entry, published: instant(entry.published), updated: instant(entry.updated) });
    entryParts.set(entry, part);
  }
  return part;
}

/** Each article's feed entry (without its body), made once per build however many feeds list it. */
function entriesOnce(input: SyndicationInput): (article: ArticleSummary) => FeedEntry {
  const made = new Map<ArticleSummary, FeedEntry>();
  return (article) => {
    let entry = made.get(article);
    if (!entry) {
      entry = articleEntry(article, "", input.ctx);
      made.set(article, entry);
    }
    return entry;
  };
}

/** The registry: one line per output. */
export const SYNDICATION_OUTPUTS: readonly SyndicationOutput[] = [
  {
    name: "feeds",
    paths: ({ archive }) => feedScopes(archive).flatMap((s) => Object.values(feedUrls(s.url)).map(path)),
    units: (input) => {
      const entryOf = entriesOnce(input);
      return feedScopes(input.archive).map((scope) => {
        const articles = feedEntriesOf(scope);
        const bare = articles.map(entryOf);
        // Topic and author feeds carry summaries (full text in hundreds of them costs more than it gives).
        const summaryOf = (a: ArticleSummary) => (a.summary ? `<p>${escapeHtml(a.summary)}</p>` : "");
        const urls = feedUrls(scope.url);
        const feedMeta = meta(input, scope.url, scope.title, scope.description, urls, bare);
        const paths = [path(urls.atom), path(urls.rss), path(urls.json)];
        // Each body by its id in the body cache, named once for the signature and the stored feed.
        const bodyIds = scope.fullText === false ? undefined : articles.map((a) => input.bodies.id(a));
        return {
          id: `feed ${scope.url}`,
          paths,
          signature: feedSignature("feed", feedMeta, bare, bodyIds ?? articles.map((a) => `summary ${summaryOf(a)}`)),
          stored: () =>
            bodyIds && !bodyIds.includes(undefined) ? storeFeed(`feed ${scope.url}`, paths, feedMeta, bare, articles.map((a) => a.file), bodyIds as string[]) : undefined,
          files: () => {
            const entries = bare.map((entry, i) => ({ ...entry, contentHtml: scope.fullText === false ? summaryOf(articles[i]) : input.bodies.get(articles[i]) }));
            const docs = feedDocuments(feedMeta, entries);
            return [
              { path: paths[0], text: docs.atom },
              { path: paths[1], text: docs.rss },
              { path: paths[2], text: docs.json },
            ];
          },
        };
      });
    },
  },
  {
    name: "updates-feed",
    paths: () => [path(UPDATES_FEED.atom), path(UPDATES_FEED.json)],
    units: (input) => {
      const { ctx } = input;
      const targets = linkTargets(input.archive);
      const notes = updatesFeedNotes(input.archive);
      const bare = notes.map((note) => noteEntry(note, "", ctx, ctx.labels.noteTitle(note.update.kind, note.article.title)));
      const links = { atom: UPDATES_FEED.atom, rss: UPDATES_FEED.atom, json: UPDATES_FEED.json };
      const feedMeta = meta(input, "/", `${ctx.labels.updatesHeading} – ${input.archive.site.title}`, input.archive.site.description, links, bare);
      // A note's content is its Markdown text rendered against its article's URL (links between
      // articles resolved as on the page): fifty short texts, rendered for the signature too.
      const content = notes.map((note) => absoluteUrls(ctx.markdown.render(note.update.text, articleLinkEnv(note.article.file, targets)), ctx.absolute(note.article.url)));
      return [
        {
          id: "updates-feed",
          paths: [path(UPDATES_FEED.atom), path(UPDATES_FEED.json)],
          signature: feedSignature("updates-feed", feedMeta, bare, content),
          files: () => {
            const entries = bare.map((entry, i) => ({ ...entry, contentHtml: content[i] }));
            const docs = feedDocuments(feedMeta, entries);
            return [
              { path: path(UPDATES_FEED.atom), text: docs.atom },
              { path: path(UPDATES_FEED.json), text: docs.json },
            ];
          },
        },
      ];
    },
  },
  {
    name: "sitemap",
    paths: ({ archive, listings, settings }) => sitemapPaths(sitemapUrlsOnce(archive, listings).length, settings.sitemapThreshold),
    units: ({ archive, listings, settings, ctx }) => {
      const urls = sitemapUrlsOnce(archive, listings);
      const paths = sitemapPaths(urls.length, settings.sitemapThreshold);
      const listed = urls.map((u) => (u.lastmod ? `${u.url} ${instant(u.lastmod)}` : u.url));
      return [{ id: "sitemap", paths, signature: signature([paths, listed]), files: () => sitemapFiles(urls, settings.sitemapThreshold, ctx.absolute) }];
    },
  },
  {
    name: "news-sitemap",
    paths: () => ["news-sitemap.xml"],
    units: ({ archive, settings, ctx }) => [
      {
        id: "news-sitemap",
        paths: ["news-sitemap.xml"],
        files: () => {
          return [{ path: "news-sitemap.xml", text: newsSitemap(archive.site, newsSitemapArticles(archive, settings), ctx.absolute) }];
        },
      },
    ],
  },
  { name: "robots", paths: () => ["robots.txt"], units: ({ ctx }) => [{ id: "robots", paths: ["robots.txt"], files: () => [{ path: "robots.txt", text: robotsTxt(ctx.absolute) }] }] },
];
