/**
 * next-publish.json: the pending embargoes, earliest first.
 */
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/archive/article-record.ts";
import { nextPublish } from "../../src/publishing/next-publish.ts";

const record = (file: string, date: string, extra: Partial<ArticleRecord> = {}): ArticleRecord => ({
  file,
  title: file,
  slug: file,
  date: Date.parse(date),
  dateHasTime: true,
  sectionId: "politics",
  authors: [],
  tags: [],
  draft: false,
  updates: [],
  url: `/${file}/`,
  ...extra,
});
const NOW = Date.parse("2024-05-01T00:00:00Z");

describe("nextPublish", () => {
  it("names the earliest pending embargo and lists all of them in order, in the site's zone", () => {
    const records = [
      record("later", "2024-04-01T00:00:00Z", { embargo: Date.parse("2024-06-01T08:00:00Z") }),
      record("sooner", "2024-04-01T00:00:00Z", { embargo: Date.parse("2024-05-02T08:00:00Z") }),
      record("future-date", "2024-05-03T10:00:00Z"),
      record("past", "2024-04-01T00:00:00Z", { embargo: Date.parse("2024-04-30T00:00:00Z") }),
      record("draft", "2024-04-01T00:00:00Z", { draft: true, embargo: Date.parse("2024-05-01T01:00:00Z") }),
    ];
    const next = nextPublish(records, NOW, "Europe/Berlin");
    expect(next.next).toBe("2024-05-02T10:00:00+02:00");
    expect(next.nextMs).toBe(Date.parse("2024-05-02T08:00:00Z"));
    expect(next.pending.map((p) => [p.file, p.at])).toEqual([
      ["sooner", "2024-05-02T10:00:00+02:00"],
      ["future-date", "2024-05-03T12:00:00+02:00"],
      ["later", "2024-06-01T10:00:00+02:00"],
    ]);
  });

  it("is null when nothing waits", () => {
    expect(nextPublish([record("past", "2024-04-01T00:00:00Z")], NOW, "UTC")).toEqual({ next: null, nextMs: null, pending: [] });
  });
});
