/**
 * Atom 1.0 and RSS 2.0 written as strings, element by element, in the layout feed readers
 * and people reading the file both expect (an XML declaration, four-space indentation).
 *
 * Why not a library: the `feed` package (through xml-js) left `&` and `<` unescaped in
 * attribute values, so a tag such as "R&D" made a feed no XML parser accepts, and it turned a
 * literal "&amp;" in text into "&"; its serialiser was also two thirds of the time spent on
 * feeds. Here every text node and attribute is escaped; entry titles and summaries, which
 * are plain text, are escaped as HTML and carried with the bodies' HTML in CDATA, so nothing
 * a page escapes becomes live markup in a reader.
 */
import { escapeHtml } from "../../layouts/html.ts";
import type { FeedEntry } from "./feed-entries.ts";
import type { FeedMeta } from "./feed-documents.ts";
import { cdata, xmlAttribute, xmlChars } from "./xml-text.ts";

const INDENT = "    ";
const DC = "http://purl.org/dc/elements/1.1/";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const ATOM = "http://www.w3.org/2005/Atom";
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const iso = (entry: FeedEntry["updated"]) => entry.toJSDate().toISOString();
const utc = (entry: FeedEntry["updated"]) => entry.toJSDate().toUTCString();

/** `<name attr="…">text</name>` at a depth, text escaped; attributes left out when undefined. */
function element(depth: number, name: string, text: string | undefined, attributes: Record<string, string | undefined> = {}): string {
  let attrs = "";
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) attrs += ` ${key}="${xmlAttribute(value)}"`;
  const open = `${INDENT.repeat(depth)}<${name}${attrs}`;
  return text === undefined ? `${open}/>` : `${open}>${text}</${name}>`;
}

/**
 * An Atom 1.0 document: the feed's own elements, then one entry per item.
 * @example atomFeed(meta, []).startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">') // true
 */
export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const lines = [
    DECLARATION,
    `<feed xmlns="${ATOM}">`,
    element(1, "id", xmlChars(meta.home)),
    element(1, "title", xmlChars(meta.title)),
    element(1, "updated", iso(meta.updated)),
    element(1, "generator", "Gazette"),
    element(1, "link", undefined, { rel: "alternate", href: meta.home }),
    element(1, "link", undefined, { rel: "self", href: meta.links.atom }),
  ];
  if (meta.description) lines.push(element(1, "subtitle", xmlChars(meta.description)));
  if (meta.image) lines.push(element(1, "logo", xmlChars(meta.image)));
  lines.push(element(1, "rights", xmlChars(meta.copyright)));
  for (const entry of entries) lines.push(atomEntry(entry));
  lines.push("</feed>");
  return `${lines.join("\n")}\n`;
}

function atomEntry(entry: FeedEntry): string {
  const lines = [
    `${INDENT}<entry>`,
    element(2, "title", cdata(escapeHtml(entry.title)), { type: "html" }),
    element(2, "id", xmlChars(entry.id)),
    element(2, "link", undefined, { href: entry.url }),
    element(2, "updated", iso(entry.updated)),
  ];
  if (entry.summary) lines.push(element(2, "summary", cdata(escapeHtml(entry.summary)), { type: "html" }));
  if (entry.contentHtml) lines.push(element(2, "content", cdata(entry.contentHtml), { type: "html" }));
  for (const name of entry.authors) lines.push(`${INDENT.repeat(2)}<author>`, element(3, "name", xmlChars(name)), `${INDENT.repeat(2)}</author>`);
  lines.push(element(2, "category", undefined, { label: entry.section.title, term: entry.section.id }));
  for (const tag of entry.tags) lines.push(element(2, "category", undefined, { label: tag, term: tag }));
  lines.push(element(2, "published", iso(entry.published)), `${INDENT}</entry>`);
  return lines.join("\n");
}

/**
 * An RSS 2.0 document with the Atom self link, `content:encoded` bodies and `dc:creator`
 * authors (RSS's own `author` must be an e-mail address). A channel without a description
 * repeats its title, since RSS requires one.
 * @example rssFeed(meta, []).includes("<atom:link") // true
 */
export function rssFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const lines = [
    DECLARATION,
    `<rss version="2.0" xmlns:dc="${DC}" xmlns:content="${CONTENT}" xmlns:atom="${ATOM}">`,
    `${INDENT}<channel>`,
    element(2, "title", xmlChars(meta.title)),
    element(2, "link", xmlChars(meta.home)),
    element(2, "description", xmlChars(meta.description ?? meta.title)),
    element(2, "lastBuildDate", utc(meta.updated)),
    element(2, "docs", "https://validator.w3.org/feed/docs/rss2.html"),
    element(2, "generator", "Gazette"),
    element(2, "language", xmlChars(meta.language)),
  ];
  if (meta.image) {
    lines.push(
      `${INDENT.repeat(2)}<image>`,
      element(3, "title", xmlChars(meta.title)),
      element(3, "url", xmlChars(meta.image)),
      element(3, "link", xmlChars(meta.home)),
      `${INDENT.repeat(2)}</image>`,
    );
  }
  lines.push(element(2, "copyright", xmlChars(meta.copyright)));
  lines.push(element(2, "atom:link", undefined, { href: meta.links.rss, rel: "self", type: "application/rss+xml" }));
  for (const entry of entries) lines.push(rssItem(entry));
  lines.push(`${INDENT}</channel>`, "</rss>");
  return `${lines.join("\n")}\n`;
}

function rssItem(entry: FeedEntry): string {
  const lines = [
    `${INDENT.repeat(2)}<item>`,
    element(3, "title", cdata(escapeHtml(entry.title))),
    element(3, "link", xmlChars(entry.url)),
    element(3, "guid", xmlChars(entry.id), { isPermaLink: "false" }),
    element(3, "pubDate", utc(entry.published)),
  ];
  if (entry.summary) lines.push(element(3, "description", cdata(escapeHtml(entry.summary))));
  if (entry.contentHtml) lines.push(element(3, "content:encoded", cdata(entry.contentHtml)));
  lines.push(element(3, "category", xmlChars(entry.section.title), { domain: entry.section.id }));
  for (const tag of entry.tags) lines.push(element(3, "category", xmlChars(tag)));
  for (const name of entry.authors) lines.push(element(3, "dc:creator", xmlChars(name)));
  lines.push(`${INDENT.repeat(2)}</item>`);
  return lines.join("\n");
}
