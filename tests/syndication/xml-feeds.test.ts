/**
 * The XML writer of Atom and RSS feeds: whole documents, with every kind of character that
 * needs escaping, read back by a real XML parser and a feed parser.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { FeedMeta } from "../../src/syndication/feed-documents.ts";
import type { FeedEntry } from "../../src/syndication/feed-entries.ts";
import { atomFeed, rssFeed } from "../../src/syndication/xml-feeds.ts";

const at = (iso: string) => DateTime.fromISO(iso, { zone: "Europe/Berlin" });
const META: FeedMeta = {
  title: `Tom & Jerry's "Daily" <News>`,
  description: "All the news & more",
  language: "de",
  home: "https://x.org/?edition=a&b",
  links: { atom: "https://x.org/feed.xml", rss: "https://x.org/rss.xml", json: "https://x.org/feed.json" },
  updated: at("2024-03-10T12:00:00"),
  image: "https://x.org/logo.png?v=1&w=2",
  copyright: "© Tom & Jerry",
};
const ENTRY: FeedEntry = {
  id: "https://x.org/2024/03/10/a/?q=1&r=2",
  url: "https://x.org/2024/03/10/a/?q=1&r=2",
  title: "Breaking </script> & ]]> more",
  summary: "A <b>summary</b> & more",
  published: at("2024-03-10T09:30:00"),
  updated: at("2024-03-10T11:00:00"),
  authors: ["Mara & Co", "Elif Şahin"],
  section: { id: "r&d", title: "R&D <Lab>" },
  tags: ["M&A", 'Q"A <x>'],
  contentHtml: "<p>Text with ]]> inside &amp; an <a href=\"https://x.org/?a=1&amp;b=2\">link</a></p>",
};
const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, isArray: (name) => ["author", "category", "link", "dc:creator"].includes(name) });

describe("an Atom document", () => {
  const xml = atomFeed(META, [ENTRY, { ...ENTRY, id: "https://x.org/b/", summary: undefined, contentHtml: "", authors: [], tags: [] }]);

  it("is well-formed, and every value reads back as written", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed.title).toBe(META.title);
    expect(feed.link.map((l: Record<string, string>) => l["@_href"])).toEqual([META.home, META.links.atom]);
    expect(feed.rights).toBe(META.copyright);
    const [entry, bare] = feed.entry;
    expect(entry.id).toBe(ENTRY.id);
    expect(entry.title["#text"]).toBe("Breaking &lt;/script&gt; &amp; ]]&gt; more");
    expect(entry.summary["#text"]).toBe("A &lt;b&gt;summary&lt;/b&gt; &amp; more");
    expect(entry.content["#text"]).toBe(ENTRY.contentHtml);
    expect(entry.author.map((a: { name: string }) => a.name)).toEqual(ENTRY.authors);
    expect(entry.category.map((c: Record<string, string>) => [c["@_term"], c["@_label"]])).toEqual([["r&d", "R&D <Lab>"], ["M&A", "M&A"], ['Q"A <x>', 'Q"A <x>']]);
    expect(entry.updated).toBe("2024-03-10T10:00:00.000Z");
    expect(entry.published).toBe("2024-03-10T08:30:00.000Z");
    expect(bare.summary).toBeUndefined();
    expect(bare.content).toBeUndefined();
    expect(bare.author).toBeUndefined();
  });

  it("reads in a feed reader with titles as text", () => {
    const read = parseFeed(xml).toJSON();
    expect(read.title).toBe(META.title);
    expect(read.items[0].title).toBe(ENTRY.title);
    expect(read.items[0].authors.map((a) => a.name)).toEqual(ENTRY.authors);
  });
});

describe("an RSS document", () => {
  const xml = rssFeed({ ...META, description: undefined }, [ENTRY]);

  it("is well-formed, and every value reads back as written", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = parser.parse(xml);
    expect(rss["@_xmlns:dc"]).toBe("http://purl.org/dc/elements/1.1/");
    const { channel } = rss;
    expect(channel.description).toBe(META.title);
    expect(channel.link[0]).toBe(META.home);
    expect(channel.image.url).toBe(META.image);
    const item = channel.item;
    expect(item.link[0]).toBe(ENTRY.url);
    expect(item.guid["#text"]).toBe(ENTRY.id);
    expect(item.guid["@_isPermaLink"]).toBe("false");
    expect(item["content:encoded"]).toBe(ENTRY.contentHtml);
    expect(item.category.map((c: string | Record<string, string>) => (typeof c === "string" ? c : [c["#text"], c["@_domain"]]))).toEqual([["R&D <Lab>", "r&d"], "M&A", 'Q"A <x>']);
    expect(item["dc:creator"]).toEqual(ENTRY.authors);
    expect(new Date(item.pubDate).toISOString()).toBe("2024-03-10T08:30:00.000Z");
  });

  it("reads in a feed reader", () => {
    const read = parseFeed(xml).toJSON();
    expect(read.items[0].title).toBe(ENTRY.title);
    // The parser decodes entities in content for display: the markup arrives whole.
    expect(read.items[0].content).toContain("Text with ]]> inside");
    expect(read.items[0].content).toContain('<a href="https://x.org/?a=1&b=2">link</a>');
  });
});
