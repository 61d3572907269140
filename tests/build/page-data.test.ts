/**
 * A listing page's data as text (src/build/page-data.ts): each article it shows a reference to
 * its file, DateTimes as instant and zone, everything else as JSON.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { filesShown, packPage, unpackPage } from "../../src/build/page-data.ts";

/** Plain article summaries, as the listing pages hold them, and the maps both ways. */
function summaries(names: string[]): { items: Record<string, object>; fileOf: (value: object) => string | undefined; articleOf: (file: string) => object } {
  const items: Record<string, object> = {};
  const files = new Map<object, string>();
  const byFile = new Map<string, object>();
  for (const name of names) {
    const file = `2023/02/18/${name}.md`;
    const summary = { file, title: `Headline of ${name}`, summary: `Teaser text of ${name}`, url: `/2023/02/18/${name}/`, tags: ["floods", name] };
    items[name] = summary;
    files.set(summary, file);
    byFile.set(file, summary);
  }
  return {
    items,
    fileOf: (value) => files.get(value),
    articleOf: (file) => {
      const summary = byFile.get(file);
      if (!summary) throw new Error(`no article ${file}`);
      return summary;
    },
  };
}

const { items, fileOf, articleOf } = summaries(["alpha", "beta", "gamma"]);
const { alpha, beta, gamma } = items;

describe("packPage and unpackPage", () => {
  it("gives back the very same summaries in the same places, and the other fields as they were", () => {
    const page = {
      kind: "section",
      url: "/world/",
      title: "World",
      latest: [alpha, beta],
      blocks: [
        { heading: "Europe", articles: [gamma, alpha], more: { href: "/world/europe/", count: 12 } },
        { heading: "Empty", articles: [] },
      ],
      lead: beta,
      grid: [[alpha], [beta, gamma]],
    };
    const back = unpackPage<typeof page>(packPage(page, fileOf), articleOf);
    expect(back).not.toBe(page);
    expect(back.latest[0]).toBe(alpha);
    expect(back.latest[1]).toBe(beta);
    expect(back.blocks[0].articles[0]).toBe(gamma);
    expect(back.blocks[0].articles[1]).toBe(alpha);
    expect(back.lead).toBe(beta);
    expect(back.grid[0][0]).toBe(alpha);
    expect(back.grid[1][0]).toBe(beta);
    expect(back.grid[1][1]).toBe(gamma);
    expect(back.blocks[0].more).toEqual({ href: "/world/europe/", count: 12 });
    expect(back.blocks[1]).toEqual({ heading: "Empty", articles: [] });
    // Deep-equal as a whole too (the summaries being the same objects).
    expect(back).toEqual(page);
  });

  const zones = ["Europe/London", "America/New_York", "UTC", "Asia/Kolkata"];
  it.each(zones)("gives back a DateTime in %s as the same instant in the same zone, alone, in an array and in an object", (zone) => {
    const at = DateTime.fromISO("2023-03-26T00:59:59.123Z").setZone(zone);
    const later = DateTime.fromMillis(1_700_000_000_456, { zone });
    const page = { updated: at, days: [later, at], meta: { generatedAt: later, label: "x" } };
    const back = unpackPage<typeof page>(packPage(page, fileOf), articleOf);
    for (const [got, want] of [
      [back.updated, at],
      [back.days[0], later],
      [back.days[1], at],
      [back.meta.generatedAt, later],
    ] as const) {
      expect(DateTime.isDateTime(got)).toBe(true);
      expect(got.toMillis()).toBe(want.toMillis());
      expect(got.zoneName).toBe(zone);
      expect(got.toISO()).toBe(want.toISO());
    }
    expect(back.meta.label).toBe("x");
  });

  it("writes an object fileOf knows as a reference only, even when it holds a DateTime", () => {
    const date = DateTime.fromMillis(1_676_709_000_000, { zone: "Asia/Kolkata" });
    const dated = { file: "2023/dated.md", title: "A dated headline", date };
    const page = { latest: [dated], at: date };
    const text = packPage(page, (value) => (value === dated ? "2023/dated.md" : undefined));
    expect(text).not.toContain("A dated headline");
    // The page's own DateTime is written once (its instant); the article's date is not written at all.
    expect(text.split(String(date.toMillis())).length - 1).toBe(1);
    expect(JSON.parse(text).latest).toEqual([{ "\u0000article": "2023/dated.md" }]);
    const back = unpackPage<typeof page>(text, (file) => (file === "2023/dated.md" ? dated : {}));
    expect(back.latest[0]).toBe(dated);
    expect(back.at.toMillis()).toBe(date.toMillis());
  });

  it("writes the same text for the same page, without any article field's text", () => {
    const at = DateTime.fromMillis(1_676_709_000_000, { zone: "Europe/London" });
    const make = () => ({ url: "/", latest: [alpha, beta], sections: [{ id: "world", lead: gamma, at }] });
    const text = packPage(make(), fileOf);
    expect(packPage(make(), fileOf)).toBe(text);
    // The same data built again from scratch (a new DateTime of the same instant and zone) writes the same text.
    expect(packPage({ url: "/", latest: [alpha, beta], sections: [{ id: "world", lead: gamma, at: DateTime.fromMillis(at.toMillis(), { zone: "Europe/London" }) }] }, fileOf)).toBe(text);
    for (const summary of [alpha, beta, gamma] as Record<string, unknown>[]) {
      expect(text).not.toContain(summary.title as string);
      expect(text).not.toContain(summary.summary as string);
      expect(text).not.toContain(summary.url as string);
      expect(text).toContain(JSON.stringify(summary.file));
    }
  });

  it("writes a page that is itself an article as a reference", () => {
    expect(packPage(alpha, fileOf)).toBe('{"\\u0000article":"2023/02/18/alpha.md"}');
    expect(unpackPage(packPage(alpha, fileOf), articleOf)).toBe(alpha);
  });

  const plain: [name: string, value: unknown][] = [
    ["null", null],
    ["zero", 0],
    ["a negative fraction", -12.5],
    ["a large integer", 9_007_199_254_740_991],
    ["an empty string", ""],
    ["a string with quotes and unicode", 'Zürich — "東京"\n'],
    ["true", true],
    ["false", false],
    ["an empty array", []],
    ["an empty object", {}],
    ["nested empty arrays", [[], [[]]]],
    ["an array of mixed values", [null, 1, "a", false, { b: [] }]],
  ];
  it.each(plain)("keeps %s", (_, value) => {
    const page = { value, list: [value], nested: { value } };
    expect(unpackPage(packPage(page, fileOf), articleOf)).toEqual(page);
  });
});

describe("filesShown", () => {
  const inner = { file: "2023/inner.md", title: "Inner" };
  const outer = { file: "2023/outer.md", title: "Outer", related: [inner], lead: { story: inner } };
  const known = new Map<object, string>([
    [alpha, "2023/02/18/alpha.md"],
    [beta, "2023/02/18/beta.md"],
    [gamma, "2023/02/18/gamma.md"],
    [inner, "2023/inner.md"],
    [outer, "2023/outer.md"],
  ]);
  const at = DateTime.fromMillis(0, { zone: "UTC" });

  const cases: [name: string, page: object, files: string[]][] = [
    ["a page showing no article", { url: "/", title: "Home", count: 0, at }, []],
    ["an empty array", { latest: [] }, []],
    ["articles in an array, in order", { latest: [beta, alpha] }, ["2023/02/18/beta.md", "2023/02/18/alpha.md"]],
    ["an article shown twice, once", { latest: [alpha, beta, alpha], lead: beta }, ["2023/02/18/alpha.md", "2023/02/18/beta.md"]],
    ["articles in nested objects and arrays, in the order first met", { lead: gamma, blocks: [{ articles: [[alpha]], more: { pick: beta } }] }, ["2023/02/18/gamma.md", "2023/02/18/alpha.md", "2023/02/18/beta.md"]],
    ["a page that is an array", [alpha, [gamma]], ["2023/02/18/alpha.md", "2023/02/18/gamma.md"]],
    ["not an article nested inside another article's fields", { latest: [outer] }, ["2023/outer.md"]],
    ["the inner article when the page shows it as well", { latest: [outer], more: [inner] }, ["2023/outer.md", "2023/inner.md"]],
    ["a page that is an article itself: that article alone", outer, ["2023/outer.md"]],
    ["beside DateTimes and nulls", { at, days: [at, null, alpha], none: null }, ["2023/02/18/alpha.md"]],
  ];
  it.each(cases)("%s", (_, page, files) => {
    expect(filesShown(page, (value) => known.get(value))).toEqual(files);
  });

  it("looks at nothing inside a DateTime or inside an article", () => {
    const page = { at, latest: [outer, alpha], meta: { days: [at] } };
    const seen = new Set<object>();
    const files = filesShown(page, (value) => {
      seen.add(value);
      return known.get(value);
    });
    expect(files).toEqual(["2023/outer.md", "2023/02/18/alpha.md"]);
    // The page, its arrays and plain objects, the DateTime itself and the two articles: nothing else.
    expect([...seen]).toEqual(expect.arrayContaining([page, at, page.latest, outer, alpha, page.meta, page.meta.days]));
    expect(seen.size).toBe(7);
    expect(seen.has(inner)).toBe(false);
    expect(seen.has(outer.related)).toBe(false);
  });
});
