/**
 * Atom 1.0, RSS 2.0 and JSON Feed 1.1 documents from feed entries: Atom and RSS written as
 * strings by xml-feeds.ts, JSON Feed with JSON.stringify. Atom and RSS carry titles and
 * summaries as HTML, so text from front matter is escaped first: nothing that a page escapes
 * becomes live markup in a reader.
 */
import type { DateTime } from "luxon";
import type { FeedEntry } from "./feed-entries.ts";
import { atomFeed, rssFeed } from "./xml-feeds.ts";

/** What a feed says about itself. */
export interface FeedMeta {
  title: string;
  description?: string;
  language: string;
  /** Absolute URL of the page the feed stands for. */
  home: string;
  /** Absolute URLs of the feed in each format. */
  links: { atom: string; rss: string; json: string };
  /** The feed's own time: its newest entry's, so it never depends on the clock. */
  updated: DateTime;
  /** Absolute URL of the site's logo or image, if any. */
  image?: string;
  copyright: string;
}

/** The three documents of one feed. */
export interface FeedDocuments {
  atom: string;
  rss: string;
  json: string;
}

/**
 * Writes one feed in all three formats.
 * @example feedDocuments(meta, entries).atom // '<?xml version="1.0" encoding="utf-8"?>\n<feed …'
 */
export function feedDocuments(meta: FeedMeta, entries: readonly FeedEntry[]): FeedDocuments {
  return { atom: atomFeed(meta, entries), rss: rssFeed(meta, entries), json: jsonFeed11(meta, entries) };
}

/**
 * JSON Feed 1.1, serialised by JSON.stringify: several authors, a language, and no names
 * outside the format's own (extensions would have to start with "_").
 * @example JSON.parse(jsonFeed11(meta, [])).version // "https://jsonfeed.org/version/1.1"
 */
export function jsonFeed11(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    home_page_url: meta.home,
    feed_url: meta.links.json,
    ...(meta.description ? { description: meta.description } : {}),
    ...(meta.image ? { icon: meta.image } : {}),
    language: meta.language,
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_html: entry.contentHtml,
      ...(entry.summary ? { summary: entry.summary } : {}),
      ...(entry.image ? { image: entry.image } : {}),
      date_published: entry.published.toJSDate().toISOString(),
      date_modified: entry.updated.toJSDate().toISOString(),
      ...(entry.authors.length ? { authors: entry.authors.map((name) => ({ name })) } : {}),
      tags: [entry.section.title, ...entry.tags],
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
