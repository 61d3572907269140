/**
 * Records, the plain data summaries travel as (src/archive/article-record.ts): a summary
 * restored from one is the summary it was made from, and every restored summary has one shape.
 */
import { describe, expect, it } from "vitest";
import { fromRecord, toRecord, type ArticleRecord } from "../../src/archive/article-record.ts";

const plain: ArticleRecord = {
  file: "2023/a.md",
  title: "A plain story",
  slug: "a",
  date: Date.UTC(2023, 1, 18, 9, 30),
  dateHasTime: true,
  sectionId: "politics",
  authors: [],
  tags: [],
  draft: false,
  updates: [],
  url: "/2023/02/18/a/",
};
const full: ArticleRecord = {
  ...plain,
  file: "2023/b.md",
  slug: "b",
  slugLine: 4,
  summary: "Everything a record can carry.",
  authors: ["Ana Ruiz"],
  tags: ["budget", "Élections"],
  draft: true,
  updates: [
    { at: Date.UTC(2023, 1, 20, 8), kind: "correction", text: "A date was wrong." },
    { at: Date.UTC(2023, 1, 19, 8), kind: "update", text: "Added a reaction." },
  ],
  url: "/2023/02/18/b/",
  image: { src: "/media/b-1200.jpg", alt: "A harbour", caption: "The harbour", credit: "A. Ruiz" },
  embargo: Date.UTC(2023, 1, 18, 6),
  withdrawn: { at: Date.UTC(2023, 2, 1), reason: "Legal advice." },
  aliases: ["/old/b/"],
  aliasLines: [12],
  media: [{ source: "2023/b.jpg", hash: "0123456789ab", width: 2400, height: 1600, format: "jpg", stamp: { size: 1000, mtimeMs: 1 } }],
};
const records: [string, ArticleRecord][] = [
  ["no optional field", plain],
  ["every optional field", full],
  ["a summary only", { ...plain, summary: "Only a summary." }],
  ["an image only", { ...plain, image: { src: "https://example.org/x.jpg", alt: "" } }],
  ["aliases without their lines", { ...plain, aliases: ["/x/"] }],
  ["an embargo only", { ...plain, embargo: Date.UTC(2023, 1, 18, 6) }],
];

describe("fromRecord", () => {
  it.each(records)("%s: toRecord gives the record back", (_, record) => {
    expect(toRecord(fromRecord(record, "Europe/Berlin"))).toEqual(record);
  });

  it.each(records)("%s: dates in the site's zone", (_, record) => {
    const summary = fromRecord(record, "Europe/Berlin");
    expect(summary.date.zoneName).toBe("Europe/Berlin");
    expect(summary.date.toMillis()).toBe(record.date);
    expect(summary.lastUpdated?.toMillis()).toBe(record.updates[0]?.at);
    expect(summary.embargo?.toMillis()).toBe(record.embargo);
    expect(summary.withdrawn?.at.toMillis()).toBe(record.withdrawn?.at);
  });

  it("gives every summary the same keys in the same order, whatever the record leaves out", () => {
    const shapes = new Set(records.map(([, record]) => Object.keys(fromRecord(record, "UTC")).join(",")));
    expect(shapes.size).toBe(1);
  });

  it("writes a summary as JSON without the fields its record leaves out", () => {
    const json = JSON.parse(JSON.stringify(fromRecord(plain, "UTC")));
    expect(Object.keys(json).sort()).toEqual(["authors", "date", "dateHasTime", "draft", "file", "sectionId", "slug", "tags", "title", "updates", "url"]);
  });
});
