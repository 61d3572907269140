import { describe, expect, it } from "vitest";
import { packUnits, planShards, type PlannedArticle } from "../../src/search/shard-plan.ts";
import { mayStartAnother, searchablePage, withinBudget } from "../../src/search/write-search.ts";
import { shardKey } from "../../src/search/shard-key.ts";

/** `count` articles on one day. */
function onDay(year: number, month: number, day: number, count = 1): PlannedArticle[] {
  return Array.from({ length: count }, (_, i) => ({ url: `/${year}/${month}/${day}/a${i}/`, year, month, day }));
}

describe("planShards", () => {
  it.each<[string, PlannedArticle[], number, [string, number][]]>([
    ["no articles, no shards", [], 2000, []],
    ["one shard per year, newest first", [...onDay(2021, 3, 1), ...onDay(2023, 1, 1, 2), ...onDay(2022, 12, 31)], 2000, [["2023", 2], ["2022", 1], ["2021", 1]]],
    ["a year at the limit stays whole", onDay(2023, 5, 5, 3), 3, [["2023", 3]]],
    [
      "a larger year is split into runs of months, newest run first",
      [...onDay(2023, 1, 2, 2), ...onDay(2023, 2, 2, 1), ...onDay(2023, 3, 3, 2), ...onDay(2023, 7, 1, 1)],
      3,
      [["2023-03-to-07", 3], ["2023-01-to-02", 3]],
    ],
    ["a single month is its own shard", [...onDay(2023, 1, 2, 3), ...onDay(2023, 2, 2, 1)], 3, [["2023-02", 1], ["2023-01", 3]]],
    [
      "a month too large alone is split into runs of days",
      [...onDay(2023, 4, 1, 2), ...onDay(2023, 4, 9, 1), ...onDay(2023, 4, 30, 2), ...onDay(2023, 5, 1, 1)],
      3,
      [["2023-05", 1], ["2023-04-30", 2], ["2023-04-01-to-09", 3]],
    ],
    ["a day too large alone is one shard above the limit", [...onDay(2023, 4, 1, 5), ...onDay(2023, 4, 2, 1)], 3, [["2023-04-02", 1], ["2023-04-01", 5]]],
  ])("%s", (_, articles, maxPages, expected) => {
    expect(planShards(articles, maxPages).map((s) => [s.id, s.articles.length])).toEqual(expected);
  });

  it("puts every article in exactly one shard, in its given order", () => {
    const articles = [...onDay(2023, 9, 9, 2), ...onDay(2023, 1, 1, 3), ...onDay(2020, 6, 6, 2)];
    const shards = planShards(articles, 2);
    expect(shards.flatMap((s) => s.articles).sort((a, b) => (a.url < b.url ? -1 : 1))).toEqual([...articles].sort((a, b) => (a.url < b.url ? -1 : 1)));
    for (const shard of shards) expect(shard.articles).toEqual(articles.filter((a) => shard.articles.includes(a)));
  });

  it("keeps other years' shards when one year changes (their keys stay)", () => {
    const before = planShards([...onDay(2022, 1, 1, 2), ...onDay(2021, 1, 1)]);
    const after = planShards([...onDay(2022, 1, 1, 2), ...onDay(2022, 2, 2), ...onDay(2021, 1, 1)]);
    expect(after.find((s) => s.id === "2021")).toEqual(before.find((s) => s.id === "2021"));
  });
});

describe("packUnits", () => {
  it.each<[string, [string, number[]][], string[]]>([
    ["months that fit together", [["2023-01", [1]], ["2023-02", [2]]], ["2023-01-to-02"]],
    ["a run closes when the next month does not fit", [["2023-01", [1, 2]], ["2023-02", [3, 4]]], ["2023-01", "2023-02"]],
    ["months and days never share a shard", [["2023-01", [1]], ["2023-02-01", [2]]], ["2023-01", "2023-02-01"]],
  ])("%s", (_, units, ids) => {
    expect(packUnits(units, 3).map((s) => s.id)).toEqual(ids);
  });
});

describe("shardKey", () => {
  const base = { shardId: "2023", articles: [["/2023/01/02/a/", "h1"]] as const, buildKey: "k", settings: { maxPages: 2000 }, pagefindVersion: "1.6.0" };
  it.each<[string, Partial<typeof base> | object]>([
    ["an article's content", { articles: [["/2023/01/02/a/", "h2"]] }],
    ["an article's URL", { articles: [["/2023/01/03/a/", "h1"]] }],
    ["one more article", { articles: [["/2023/01/02/a/", "h1"], ["/2023/01/02/b/", "h3"]] }],
    ["the build's key", { buildKey: "k2" }],
    ["the search settings", { settings: { maxPages: 1000 } }],
    ["Pagefind's version", { pagefindVersion: "1.7.0" }],
    ["the shard's id", { shardId: "2023-01" }],
  ])("changes with %s", (_, change) => {
    expect(shardKey({ ...base })).toBe(shardKey(base));
    expect(shardKey({ ...base, ...change } as typeof base)).not.toBe(shardKey(base));
  });
});

describe("withinBudget", () => {
  it.each([1, 2, 5])("runs at most %i at once (a generous budget) and keeps the order", async (limit) => {
    let running = 0;
    let most = 0;
    const results = await withinBudget([5, 1, 4, 2, 3], limit, 1e9, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      running--;
      return { value: n * 10, peakRssMb: 1 };
    });
    expect(results.map((r) => r.value)).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(Math.min(limit, 5));
  });

  it("runs one at a time when the budget leaves no room for a second", async () => {
    let running = 0;
    let most = 0;
    await withinBudget([1, 2, 3], 2, 1, async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return { peakRssMb: 1 };
    });
    expect(most).toBe(1);
  });

  it("fails with the first failure", async () => {
    await expect(withinBudget([1, 2], 2, 1e9, async (n) => (n === 2 ? Promise.reject(new Error("boom")) : { peakRssMb: 1 }))).rejects.toThrow("boom");
  });
});

describe("mayStartAnother", () => {
  it.each([
    { state: { running: 0, limit: 2, ownMb: 9000, estimateMb: 900, budgetMb: 2560 }, expected: true },
    { state: { running: 2, limit: 2, ownMb: 100, estimateMb: 100, budgetMb: 2560 }, expected: false },
    { state: { running: 1, limit: 2, ownMb: 1000, estimateMb: 480, budgetMb: 2560 }, expected: true },
    { state: { running: 1, limit: 2, ownMb: 2400, estimateMb: 480, budgetMb: 2560 }, expected: false },
    // Before any run is measured, one is taken to need 500 MB.
    { state: { running: 1, limit: 2, ownMb: 1500, estimateMb: 0, budgetMb: 2560 }, expected: true },
    { state: { running: 1, limit: 2, ownMb: 1600, estimateMb: 0, budgetMb: 2560 }, expected: false },
  ])("$state → $expected", ({ state, expected }) => {
    expect(mayStartAnother(state)).toBe(expected);
  });
});

describe("searchablePage", () => {
  const shell = (body: string) => `<!doctype html>\n<html lang="de">\n<head><title>x</title></head><body><header>Masthead</header>${body}<footer>f</footer></body></html>`;
  it.each<[string, string, string]>([
    ["keeps only the story, with the page's language", shell('<main><article class="story" data-pagefind-body>Story</article></main>'), '<article class="story" data-pagefind-body>Story</article>'],
    ["keeps articles nested in the story", shell('<article class="story">A<article class="teaser">T</article>B</article>'), '<article class="story">A<article class="teaser">T</article>B</article>'],
    ["leaves out articles after the story", shell('<article class="story">A</article><aside><article class="teaser">Related</article></aside>'), '<article class="story">A</article>'],
  ])("%s", (_, page, story) => {
    expect(searchablePage(page)).toBe(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title></title></head><body>${story}</body></html>`);
  });

  it("returns a page without a story as it is", () => {
    expect(searchablePage(shell("<p>no story</p>"))).toBe(shell("<p>no story</p>"));
  });
});
