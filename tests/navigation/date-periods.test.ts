import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../src/model.ts";
import { datePeriods, dayUrl, dayUrlOf, monthUrl, neighbours, yearUrl } from "../../src/navigation/date-periods.ts";
import { byNewest } from "../../src/archive/archive-index.ts";

const zone = "America/New_York";
const at = (iso: string) => DateTime.fromISO(iso, { zone });
const summary = (iso: string, slug: string): ArticleSummary => ({
  file: `${slug}.md`, title: slug, slug, date: at(iso), dateHasTime: true, sectionId: "politics", authors: [], tags: [], draft: false, updates: [], url: `/x/${slug}/`,
});

describe("URLs of the date archives", () => {
  it.each([
    [yearUrl(2023), "/2023/"],
    [yearUrl(2023, 2), "/2023/page/2/"],
    [monthUrl(2023, 2), "/2023/02/"],
    [monthUrl(2023, 12, 3), "/2023/12/page/3/"],
    [dayUrl(2023, 2, 8), "/2023/02/08/"],
    [dayUrl(2023, 2, 8, 2), "/2023/02/08/page/2/"],
  ])("%s is %s", (url, expected) => expect(url).toBe(expected));

  it.each([
    // 23:30 in New York is 04:30 the next day in UTC: the page is the New York day.
    ["2023-12-31T23:30:00", "/2023/12/31/"],
    ["2024-01-01T00:00:00", "/2024/01/01/"],
    ["2024-03-10T03:30:00", "/2024/03/10/"],
  ])("an article at %s (New York) is on %s", (iso, url) => {
    expect(dayUrlOf(at(iso))).toBe(url);
    expect(dayUrlOf(at(iso).toUTC().setZone(zone))).toBe(url);
  });
});

describe("datePeriods", () => {
  const articles = [
    summary("2023-10-02T09:00", "oct"),
    summary("2023-12-29T12:00", "dec29"),
    summary("2023-12-31T23:30", "eve"),
    summary("2024-01-01T00:10", "newyear"),
    summary("2024-01-01T08:00", "morning"),
  ].sort(byNewest);
  const years = datePeriods(articles);

  it("groups by year, month and day of the site's calendar, newest first, only periods with articles", () => {
    expect(years.map((y) => [y.year, y.articles.map((a) => a.slug)])).toEqual([
      [2024, ["morning", "newyear"]],
      [2023, ["eve", "dec29", "oct"]],
    ]);
    expect(years[1].months.map((m) => [m.url, m.articles.length])).toEqual([
      ["/2023/12/", 2],
      ["/2023/10/", 1],
    ]);
    expect(years.flatMap((y) => y.months.flatMap((m) => m.days.map((d) => [d.url, d.articles.map((a) => a.slug)])))).toEqual([
      ["/2024/01/01/", ["morning", "newyear"]],
      ["/2023/12/31/", ["eve"]],
      ["/2023/12/29/", ["dec29"]],
      ["/2023/10/02/", ["oct"]],
    ]);
  });

  it("has no periods for no articles", () => expect(datePeriods([])).toEqual([]));
});

describe("neighbours: older is previous, newer is next", () => {
  it.each([
    [0, { previous: "b" }],
    [1, { previous: "c", next: "a" }],
    [2, { next: "b" }],
  ])("at %i", (index, expected) => {
    expect(neighbours(["a", "b", "c"], index)).toEqual(expected);
  });
  it("has neither for a single period", () => expect(neighbours(["a"], 0)).toEqual({}));
});
