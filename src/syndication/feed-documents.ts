/**
 * Atom 1.0, RSS 2.0 and JSON Feed 1.1 documents from feed entries: Atom and RSS written with the
 * `feed` library, JSON Feed with JSON.stringify. Atom and RSS carry titles and summaries as HTML, so text from front matter is
 * escaped first: nothing that a page escapes becomes live markup in a reader.
 */
import { Feed, type Item } from "feed";
import type { DateTime } from "luxon";
import { escapeHtml } from "../../layouts/html.ts";
import type { FeedEntry } from "./feed-entries.ts";

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

// CDATA cannot hold "]]>"; the renderer escapes ">" in text, so this only guards the contract.
const cdataSafe = (text: string) => text.replace(/]]>/g, "]]&gt;");

function item(entry: FeedEntry): Item {
  const text = (value: string) => cdataSafe(escapeHtml(value));
  return {
    title: text(entry.title),
    id: entry.id,
    guid: entry.id,
    link: entry.url,
    date: entry.updated.toJSDate(),
    published: entry.published.toJSDate(),
    ...(entry.summary ? { description: text(entry.summary) } : {}),
    content: cdataSafe(entry.contentHtml),
    ...(entry.authors.length ? { author: entry.authors.map((name) => ({ name })) } : {}),
    category: [
      { term: entry.section.id, name: entry.section.title, domain: entry.section.id },
      ...entry.tags.map((tag) => ({ term: tag, name: tag })),
    ],
    extensions: entry.authors.length ? [{ name: "dc:creator", objects: entry.authors.map((name) => ({ _text: name })) }] : [],
  };
}

function feedOf(meta: FeedMeta, entries: readonly FeedEntry[]): Feed {
  const feed = new Feed({
    id: meta.home,
    title: meta.title,
    ...(meta.description ? { description: meta.description } : {}),
    link: meta.home,
    language: meta.language,
    updated: meta.updated.toJSDate(),
    generator: "Gazette",
    feedLinks: meta.links,
    ...(meta.image ? { image: meta.image } : {}),
    copyright: meta.copyright,
  });
  for (const entry of entries) feed.addItem(item(entry));
  return feed;
}

/**
 * Writes one feed in all three formats.
 * @example feedDocuments(meta, entries).atom // '<?xml version="1.0" encoding="utf-8"?>\n<feed …'
 */
export function feedDocuments(meta: FeedMeta, entries: readonly FeedEntry[]): FeedDocuments {
  const xmlFeed = feedOf(meta, entries);
  // RSS's description is required; a channel without one repeats its title.
  const rssFeed = meta.description ? xmlFeed : feedOf({ ...meta, description: meta.title }, entries);
  return { atom: `${xmlFeed.atom1()}\n`, rss: `${rssFeed.rss2()}\n`, json: jsonFeed11(meta, entries) };
}

/**
 * JSON Feed 1.1, serialised by JSON.stringify. The library writes only 1.0 (one author, no
 * language) and copies RSS extensions such as dc:creator into items, where JSON Feed allows
 * only names starting with "_"; going through it and back also cost more than the feed itself.
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
      content_html: cdataSafe(entry.contentHtml),
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
