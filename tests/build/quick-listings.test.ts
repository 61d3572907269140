/**
 * The pure parts of the quick rebuild of a headline edit (src/build/quick-listings.ts): which
 * record changes are a headline or summary alone, and navigation links with new headlines.
 */
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../../src/archive/article-record.ts";
import { retitled, teaserOnly } from "../../src/build/quick-listings.ts";
import type { ArticleNav, NavLink } from "../../src/navigation/article-nav.ts";

const base: ArticleRecord = {
  file: "2023/02/18/floods-hit-valley.md",
  title: "Floods hit the valley",
  slug: "floods-hit-valley",
  date: 1_676_709_000_000,
  dateHasTime: true,
  sectionId: "world/europe",
  summary: "Rivers burst their banks across the valley overnight.",
  authors: ["Ana Díaz", "Tom Okafor"],
  tags: ["floods", "weather"],
  draft: false,
  updates: [{ at: 1_676_720_000_000, kind: "correction", text: "An earlier version misnamed the river." }],
  url: "/2023/02/18/floods-hit-valley/",
  image: { src: "/media/floods-1200.jpg", alt: "A flooded street", credit: "Reuters" },
};

/** The base record without its summary, as a record of an article with none is stored. */
const { summary: _summary, ...withoutSummary } = base;

describe("teaserOnly", () => {
  const cases: [name: string, before: ArticleRecord, now: ArticleRecord, expected: boolean][] = [
    ["the headline alone changed", base, { ...base, title: "Floods recede in the valley" }, true],
    ["the summary alone changed", base, { ...base, summary: "The water is going down." }, true],
    ["both changed", base, { ...base, title: "Floods recede", summary: "The water is going down." }, true],
    ["a summary added where there was none", withoutSummary, base, true],
    ["the summary removed", base, withoutSummary, true],
    ["the summary emptied", base, { ...base, summary: "" }, true],
    ["nothing changed (the same object)", base, base, false],
    ["nothing changed (a copy)", base, structuredClone(base), false],
    ["nothing changed, neither with a summary", withoutSummary, { ...withoutSummary }, false],
    ["the headline and the tags", base, { ...base, title: "New", tags: ["floods"] }, false],
    ["the headline and the date", base, { ...base, title: "New", date: base.date + 60_000 }, false],
    ["the headline and the URL", base, { ...base, title: "New", url: "/2023/02/18/new/" }, false],
    ["the headline and the section", base, { ...base, title: "New", sectionId: "world/asia" }, false],
    ["the headline and the authors", base, { ...base, title: "New", authors: ["Ana Díaz"] }, false],
    ["the headline and the slug", base, { ...base, title: "New", slug: "new" }, false],
    ["the headline and the image", base, { ...base, title: "New", image: { ...base.image!, alt: "Another street" } }, false],
    ["the headline and an update", base, { ...base, title: "New", updates: [] }, false],
    ["the headline and draft", base, { ...base, title: "New", draft: true }, false],
    ["the headline and aliases added", base, { ...base, title: "New", aliases: ["/old/"], aliasLines: [4] }, false],
    ["the summary and an embargo added", base, { ...base, summary: "New", embargo: base.date }, false],
    ["the summary and a withdrawal", base, { ...base, summary: "New", withdrawn: { at: base.date, reason: "Legal" } }, false],
    ["the tags alone", base, { ...base, tags: ["floods", "weather", "rescue"] }, false],
    ["the date alone", base, { ...base, date: 0 }, false],
  ];
  it.each(cases)("%s → %s", (_, before, now, expected) => {
    expect(teaserOnly(before, now)).toBe(expected);
    // Either way round.
    expect(teaserOnly(now, before)).toBe(expected);
  });
});

describe("retitled", () => {
  const older: NavLink = { url: "/2023/02/17/older/", title: "Older headline", date: 1_676_600_000_000 };
  const newer: NavLink = { url: "/2023/02/19/newer/", title: "Newer headline", date: 1_676_800_000_000 };
  const rel1: NavLink = { url: "/2023/01/05/related-one/", title: "Related one", date: 1_672_900_000_000 };
  const rel2: NavLink = { url: "/2022/12/24/related-two/", title: "Related two", date: 1_671_900_000_000 };

  const cases: [name: string, nav: ArticleNav, titles: [string, string][], expected: ArticleNav][] = [
    ["no new headlines", { previous: older, next: newer, related: [rel1, rel2] }, [], { previous: older, next: newer, related: [rel1, rel2] }],
    ["the previous article's", { previous: older, next: newer, related: [rel1] }, [[older.url, "Older, renamed"]], { previous: { ...older, title: "Older, renamed" }, next: newer, related: [rel1] }],
    ["the next article's", { previous: older, next: newer, related: [] }, [[newer.url, "Newer, renamed"]], { previous: older, next: { ...newer, title: "Newer, renamed" }, related: [] }],
    ["a related article's, keeping its place", { related: [rel1, rel2] }, [[rel2.url, "Two, renamed"]], { related: [rel1, { ...rel2, title: "Two, renamed" }] }],
    [
      "an article linked as next and related",
      { previous: older, next: newer, related: [newer, rel1] },
      [[newer.url, "Newer, renamed"]],
      { previous: older, next: { ...newer, title: "Newer, renamed" }, related: [{ ...newer, title: "Newer, renamed" }, rel1] },
    ],
    [
      "several at once",
      { previous: older, next: newer, related: [rel1, rel2] },
      [
        [older.url, "A"],
        [rel1.url, "B"],
        [rel2.url, "C"],
      ],
      { previous: { ...older, title: "A" }, next: newer, related: [{ ...rel1, title: "B" }, { ...rel2, title: "C" }] },
    ],
    ["an article not linked", { previous: older, related: [rel1] }, [["/2020/01/01/elsewhere/", "Elsewhere"]], { previous: older, related: [rel1] }],
    ["a headline in unicode", { related: [rel1] }, [[rel1.url, "Zürich — 東京"]], { related: [{ ...rel1, title: "Zürich — 東京" }] }],
  ];
  it.each(cases)("%s", (_, nav, titles, expected) => {
    const before = structuredClone(nav);
    const result = retitled(nav, new Map(titles));
    expect(result).toEqual(expected);
    // Absent previous and next stay absent, not undefined keys.
    expect(Object.keys(result).sort()).toEqual(Object.keys(expected).sort());
    // The nav given, and its links, are as they were.
    expect(nav).toEqual(before);
    expect(result).not.toBe(nav);
    expect(result.related).not.toBe(nav.related);
    // A link not renamed is the very same object.
    const renamed = new Set(titles.map(([url]) => url));
    const pairs: [NavLink | undefined, NavLink | undefined][] = [[nav.previous, result.previous], [nav.next, result.next], ...nav.related.map((link, i): [NavLink, NavLink] => [link, result.related[i]])];
    for (const [given, got] of pairs) {
      if (!given) continue;
      if (renamed.has(given.url)) {
        expect(got).not.toBe(given);
        expect(got).toEqual({ ...given, title: new Map(titles).get(given.url) });
      } else expect(got).toBe(given);
    }
  });

  it("does not change the links it copies", () => {
    const link: NavLink = { url: "/a/", title: "Old", date: 0 };
    const nav: ArticleNav = { previous: link, related: [link] };
    const result = retitled(nav, new Map([["/a/", "New"]]));
    expect(link.title).toBe("Old");
    expect(nav.previous).toBe(link);
    expect(nav.related[0]).toBe(link);
    expect(result.previous?.title).toBe("New");
    expect(result.related[0].title).toBe("New");
  });

  it("keeps a nav without previous and next without those keys", () => {
    const result = retitled({ related: [] }, new Map([["/a/", "New"]]));
    expect(result).toEqual({ related: [] });
    expect("previous" in result).toBe(false);
    expect("next" in result).toBe(false);
  });
});
