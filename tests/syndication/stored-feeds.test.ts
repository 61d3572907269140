/**
 * Feeds stored as plain data (src/syndication/stored-feeds.ts): what a quick rebuild writes
 * from them must be what the feed writer writes from the model, and their signature the same.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { feedDocuments, type FeedMeta } from "../../src/syndication/feed-documents.ts";
import type { FeedEntry } from "../../src/syndication/feed-entries.ts";
import { feedSignature } from "../../src/syndication/outputs.ts";
import { readStoredFeeds, restampStoredFeeds, restoreFeed, saveStoredFeeds, storedFeedFiles, storeFeed } from "../../src/syndication/stored-feeds.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { join } from "node:path";

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });
const META: FeedMeta = {
  title: `Tom & Jerry's "Daily" <News>`,
  language: "de",
  home: "https://x.org/",
  links: { atom: "https://x.org/feed.xml", rss: "https://x.org/rss.xml", json: "https://x.org/feed.json" },
  updated: at("2024-03-10T12:00:00", "Europe/Berlin"),
  copyright: "© Tom & Jerry",
};
const entry = (n: number, zone: string, extra: Partial<FeedEntry> = {}): FeedEntry => ({
  id: `https://x.org/${n}/`,
  url: `https://x.org/${n}/`,
  title: `Story ${n} & ]]> more`,
  published: at(`2024-03-0${n}T09:30:00`, zone),
  updated: at(`2024-03-0${n}T11:00:00`, zone),
  authors: ["Mara & Co"],
  section: { id: "r&d", title: "R&D" },
  tags: ["M&A"],
  contentHtml: "",
  ...extra,
});
const BODIES = ["<p>One ]]> &amp; two</p>", "<p>Three</p>", ""];

describe("a stored feed", () => {
  const cases: [name: string, entries: FeedEntry[]][] = [
    ["entries in the site's zone", [entry(1, "Europe/Berlin"), entry(2, "Europe/Berlin")]],
    ["entries with a summary and an image (keys after the body's)", [entry(1, "UTC", { summary: "Sum & <b>x</b>", image: "https://x.org/a.jpg?w=1&h=2" })]],
    ["entries in another zone than the feed's", [entry(3, "America/New_York"), entry(1, "Asia/Kolkata")]],
  ];

  it.each(cases)("with %s gives the documents and the signature the model gives", (_, entries) => {
    const ids = entries.map((_, i) => `body-${i}`);
    const feed = JSON.parse(JSON.stringify(storeFeed("feed /", ["feed.xml", "rss.xml", "feed.json"], META, entries, entries.map((_, i) => `f${i}.md`), ids)));
    const docs = feedDocuments(META, entries.map((e, i) => ({ ...e, contentHtml: BODIES[i] })));
    expect(storedFeedFiles(feed, (i) => BODIES[i]).map((f) => f.text)).toEqual([docs.atom, docs.rss, docs.json]);
    const restored = restoreFeed(feed, () => "");
    expect(feedSignature("feed", restored.meta, restored.entries, ids)).toBe(feedSignature("feed", META, entries, ids));
  });

  it("is read back only under the digest it was saved or restamped with", () => {
    const path = join(tempDir("gazette-feeds-"), "build-1.feeds.json");
    const feed = storeFeed("feed /", ["feed.xml", "rss.xml", "feed.json"], META, [entry(1, "UTC")], ["a.md"], ["b1"]);
    saveStoredFeeds(path, "d1", [feed]);
    expect(readStoredFeeds(path, "d1")).toHaveLength(1);
    expect(readStoredFeeds(path, "d2")).toBeUndefined();
    restampStoredFeeds(path, "d0", "d2");
    expect(readStoredFeeds(path, "d2")).toBeUndefined();
    restampStoredFeeds(path, "d1", "d2");
    expect(readStoredFeeds(path, "d2")?.[0].bodies).toEqual(["b1"]);
  });
});
