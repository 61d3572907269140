/**
 * Feeds as a feed reader sees them: every feed of a built fixture parsed with a real XML
 * parser and with @rowanmanning/feed-parser, field by field; JSON Feed against its required
 * fields; the updates feed; Atom's raw-HTML policy.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, MAP_VARIANT, readOut, RICH } from "./syndication-fixture.ts";

const ORIGIN = "https://tribune.example.org";
const ny = (local: string) => DateTime.fromISO(local, { zone: "America/New_York" }).toJSDate().toISOString();
let out: string;
beforeAll(async () => {
  out = await buildFixture();
});

const FEEDS = ["feed.xml", "rss.xml", "politics/feed.xml", "politics/rss.xml", "world/feed.xml", "world/rss.xml", "world/europe/feed.xml", "world/europe/rss.xml", "sport/feed.xml", "sport/rss.xml", "updates.xml"];

describe("every XML feed", () => {
  it.each(FEEDS)("%s is well-formed XML that a feed reader parses", (path) => {
    const text = readOut(out, path);
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = parseFeed(text).toJSON();
    expect(feed.title).toBeTruthy();
    for (const item of feed.items) expect(item.url).toMatch(/^https:\/\/tribune\.example\.org\//);
  });
});

describe("the site's Atom feed", () => {
  it("lists every article newest first with published, updated, authors, categories, summary and content", () => {
    const feed = parseFeed(readOut(out, "feed.xml")).toJSON();
    expect(feed.items.map((i) => i.url)).toEqual([`${ORIGIN}${RICH}`, `${ORIGIN}/2024/03/09/script-title/`, `${ORIGIN}/2024/03/08/world-lead/`, `${ORIGIN}/2023/01/05/sport-old/`]);
    const rich = feed.items[0];
    expect(rich.title).toBe("Council approves the harbour budget");
    expect(rich.published).toBe(ny("2024-03-10T09:30:00"));
    expect(rich.updated).toBe(ny("2024-03-12T18:45:30"));
    expect(rich.authors.map((a) => a.name)).toEqual(["Mara Keller", "Elif Şahin"]);
    expect(rich.categories[0]).toMatchObject({ term: "politics", label: "Politics" });
    expect(rich.categories.slice(1).map((c) => c.term)).toEqual(["budget", "harbour"]);
    expect(rich.description).toBe("The vote was 19 to 12.");
    expect(feed.updated).toBe(ny("2024-03-12T18:45:30"));
  });

  it("carries the body with absolute links and images, and sanitised raw HTML (the script removed)", () => {
    // The HTML a reader renders is the element's text once XML is parsed (feed-parser decodes
    // entities in its content for display, so the markup itself is read with an XML parser).
    const content: string = new XMLParser({ ignoreAttributes: false }).parse(readOut(out, "feed.xml")).feed.entry[0].content["#text"];
    expect(content).toContain(`href="${ORIGIN}/politics/"`);
    expect(content).toContain(`href="${ORIGIN}${RICH}notes/"`);
    // The local image beside the article: a plain <img> of its variant (feed readers do not resolve a srcset).
    expect(content).toMatch(new RegExp(`<img src="${MAP_VARIANT.source}"`));
    expect(content).not.toContain("<script");
    expect(content).not.toContain("alert(1)");
  });

  it("escapes a title that holds markup, so a reader shows it as text", () => {
    const item = parseFeed(readOut(out, "feed.xml")).toJSON().items[1];
    expect(item.title).toBe("Breaking </script><script>alert(1)</script> & more");
    const raw = new XMLParser({ ignoreAttributes: false }).parse(readOut(out, "feed.xml")).feed.entry[1].title["#text"];
    expect(raw).toBe("Breaking &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
  });
});

describe("names with markup characters", () => {
  // Tags are free text from front matter; Atom carries them in attributes, RSS in text.
  const TAGS = ["R&D", 'Q"A <x>'];
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "item", "category"].includes(name) });
  const breaking = (entries: { title: string | { "#text": string } }[]) =>
    entries.find((e) => (typeof e.title === "string" ? e.title : e.title["#text"]).startsWith("Breaking"));

  it.each(["world/europe/feed.xml", "feed.xml"])("%s keeps them exactly in Atom category attributes", (path) => {
    const entry = breaking(parser.parse(readOut(out, path)).feed.entry) as unknown as { category: Record<string, string>[] };
    const categories = entry.category.map((c: Record<string, string>) => [c["@_term"], c["@_label"]]);
    expect(categories.slice(1)).toEqual(TAGS.map((tag) => [tag, tag]));
  });

  it("keeps them exactly in RSS category text", () => {
    const item = breaking(parser.parse(readOut(out, "world/europe/rss.xml")).rss.channel.item) as unknown as { category: unknown[] };
    expect(item.category.slice(1)).toEqual(TAGS);
    expect(parseFeed(readOut(out, "world/europe/rss.xml")).toJSON().items[0].categories.slice(1).map((c) => c.label)).toEqual(TAGS);
  });
});

describe("the RSS feed", () => {
  it("gives items pubDate, category, a permanent guid and dc:creator", () => {
    const rss = new XMLParser({ ignoreAttributes: false }).parse(readOut(out, "rss.xml")).rss;
    expect(rss["@_xmlns:dc"]).toBe("http://purl.org/dc/elements/1.1/");
    const item = rss.channel.item[0];
    expect(new Date(item.pubDate).toISOString()).toBe(ny("2024-03-10T09:30:00"));
    expect(item.guid["#text"]).toBe(`${ORIGIN}${RICH}`);
    expect(item["dc:creator"]).toEqual(["Mara Keller", "Elif Şahin"]);
    expect(item.category[0]["#text"]).toBe("Politics");
    const read = parseFeed(readOut(out, "rss.xml")).toJSON().items[0];
    expect(read.authors.map((a) => a.name)).toEqual(["Mara Keller", "Elif Şahin"]);
    expect(read.published).toBe(ny("2024-03-10T09:30:00"));
  });
});

describe("section feeds", () => {
  it("include the articles of child sections, as the index does", () => {
    expect(parseFeed(readOut(out, "world/feed.xml")).toJSON().items.map((i) => i.title)).toEqual(["Breaking </script><script>alert(1)</script> & more", "World lead"]);
    expect(parseFeed(readOut(out, "world/europe/feed.xml")).toJSON().items.map((i) => i.title)).toEqual(["Breaking </script><script>alert(1)</script> & more"]);
    expect(parseFeed(readOut(out, "politics/feed.xml")).toJSON().url).toBe(`${ORIGIN}/politics/`);
  });
});

describe("JSON Feed 1.1", () => {
  it.each(["feed.json", "world/europe/feed.json", "updates.json"])("%s has the required fields", (path) => {
    const feed = JSON.parse(readOut(out, path));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(typeof feed.title).toBe("string");
    expect(Array.isArray(feed.items)).toBe(true);
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(typeof item.content_html === "string" || typeof item.content_text === "string").toBe(true);
    }
  });

  it("gives items date_published, date_modified, authors, tags and content_html", () => {
    const item = JSON.parse(readOut(out, "feed.json")).items[0];
    expect(item).toMatchObject({
      id: `${ORIGIN}${RICH}`,
      url: `${ORIGIN}${RICH}`,
      title: "Council approves the harbour budget",
      date_published: ny("2024-03-10T09:30:00"),
      date_modified: ny("2024-03-12T18:45:30"),
      authors: [{ name: "Mara Keller" }, { name: "Elif Şahin" }],
      tags: ["Politics", "budget", "harbour"],
      image: `${ORIGIN}/media/harbour.jpg`,
    });
    expect(item.content_html).toContain(`href="${ORIGIN}/politics/"`);
  });
});

describe("the updates feed", () => {
  it("has one entry per update or correction, newest first, linking to the note's anchor, with its text", () => {
    const feed = parseFeed(readOut(out, "updates.xml")).toJSON();
    expect(feed.items.map((i) => [i.title, i.url, i.published])).toEqual([
      ["Update: Council approves the harbour budget", `${ORIGIN}${RICH}#update-3`, ny("2024-03-12T18:45:30")],
      ["Correction: Council approves the harbour budget", `${ORIGIN}${RICH}#correction-2`, ny("2024-03-11T08:00:00")],
      ["Update: Council approves the harbour budget", `${ORIGIN}${RICH}#update-1`, ny("2024-03-10T14:16:00")],
    ]);
    expect(feed.items[1].content).toContain("An earlier version gave the wrong year for the bridge.");
    const json = JSON.parse(readOut(out, "updates.json"));
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(feed.items.map((i) => i.url));
  });

  it("links to anchors the article page has", () => {
    const page = readOut(out, `${RICH.slice(1)}index.html`);
    for (const anchor of ["update-1", "correction-2", "update-3"]) expect(page).toContain(`id="${anchor}"`);
  });
});
