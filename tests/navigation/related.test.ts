import { describe, expect, it } from "vitest";
import { CANDIDATES_PER_TAG, relatedArticles, relatedDigest, tagKey, type RelatedInput } from "../../src/navigation/related.ts";

const day = 86_400_000;
/** An article `n` days after the epoch, in section `s`, with `tags`. */
const a = (url: string, n: number, tags: string[], s = "politics"): RelatedInput => ({ url, date: n * day, sectionId: s, tags });
const urlsOf = (articles: RelatedInput[], of: number) => relatedArticles(articles).related[of].map((i) => articles[i].url);

describe("relatedArticles", () => {
  it.each<[string, RelatedInput[], string[]]>([
    ["no shared tag: nothing related", [a("/me/", 5, ["x"]), a("/b/", 4, ["y"])], []],
    ["no tags at all", [a("/me/", 5, []), a("/b/", 4, [])], []],
    ["more shared tags first", [a("/me/", 5, ["x", "y"]), a("/one/", 4, ["x"]), a("/two/", 3, ["x", "y"])], ["/two/", "/one/"]],
    [
      "a rarer tag weighs more than a common one",
      [a("/me/", 9, ["rare", "common"]), a("/c1/", 8, ["common"]), a("/c2/", 7, ["common"]), a("/c3/", 6, ["common"]), a("/r/", 1, ["rare"])],
      ["/r/", "/c1/", "/c2/", "/c3/"],
    ],
    ["equal tags: the same section first", [a("/me/", 5, ["x"]), a("/other/", 4, ["x"], "sport"), a("/same/", 3, ["x"])], ["/same/", "/other/"]],
    ["equal tags and section: the most recent first", [a("/me/", 5, ["x"]), a("/old/", 1, ["x"]), a("/new/", 4, ["x"])], ["/new/", "/old/"]],
    ["everything equal: by URL", [a("/me/", 5, ["x"]), a("/b/", 4, ["x"]), a("/a/", 4, ["x"])], ["/a/", "/b/"]],
    ["tags differing in case and accents are one", [a("/me/", 5, ["Élection"]), a("/b/", 4, ["election"])], ["/b/"]],
    [
      "at most five",
      [a("/me/", 9, ["x"]), ...[1, 2, 3, 4, 5, 6, 7].map((n) => a(`/n${n}/`, n, ["x"]))],
      ["/n7/", "/n6/", "/n5/", "/n4/", "/n3/"],
    ],
  ])("%s", (_, articles, expected) => {
    expect(urlsOf(articles, 0)).toEqual(expected);
  });

  it("does not depend on the input order", () => {
    const articles = [a("/me/", 5, ["x", "y"]), a("/b/", 4, ["x"]), a("/c/", 4, ["x"]), a("/d/", 3, ["y"]), a("/e/", 2, ["x", "y"], "sport")];
    const reversed = [...articles].reverse();
    const forward = relatedArticles(articles).related.map((list, i) => [articles[i].url, list.map((j) => articles[j].url)]);
    const backward = relatedArticles(reversed).related.map((list, i) => [reversed[i].url, list.map((j) => reversed[j].url)]);
    expect(new Map(backward as [string, string[]][])).toEqual(new Map(forward as [string, string[]][]));
  });

  it("ranks as every pair scored and sorted would, over random archives", () => {
    // Uncapped (perTag above the archive's size), the inverted index must give exactly what
    // scoring every pair gives: the reference below, written the plain way.
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    for (let round = 0; round < 30; round++) {
      const n = 5 + Math.floor(random() * 60);
      const tagPool = ["Élection", "election", "port", "Rail", "rail ", "budget", "school", "storm", "", "court"];
      const articles = Array.from({ length: n }, (_, i) =>
        a(`/${round}-${i}/`, Math.floor(random() * 20), Array.from({ length: Math.floor(random() * 4) }, () => pick(tagPool)), pick(["politics", "sport", "city"])),
      );
      const keys = articles.map((x) => [...new Set(x.tags.map(tagKey).filter(Boolean))].sort());
      const counts = new Map<string, number>();
      for (const list of keys) for (const key of list) counts.set(key, (counts.get(key) ?? 0) + 1);
      const newer = (i: number, j: number) => articles[j].date - articles[i].date || (articles[i].url < articles[j].url ? -1 : 1);
      const expected = articles.map((me, i) => {
        const scored = articles
          .map((_, j) => ({ j, score: j === i ? 0 : keys[i].reduce((sum, key) => (keys[j].includes(key) ? sum + Math.log(1 + n / counts.get(key)!) : sum), 0) }))
          .filter(({ score }) => score > 0);
        scored.sort((x, y) => y.score - x.score || Number(articles[y.j].sectionId === me.sectionId) - Number(articles[x.j].sectionId === me.sectionId) || newer(x.j, y.j));
        return scored.slice(0, 5).map(({ j }) => j);
      });
      expect(relatedArticles(articles, { perTag: 2 * n + 2 }).related).toEqual(expected);
    }
  });

  it("handles a tag shared by 10,000 articles without looking at every pair", () => {
    const n = 10_000;
    const articles = Array.from({ length: n }, (_, i) => a(`/a${String(i).padStart(5, "0")}/`, i, ["everywhere", `pair-${i >> 1}`]));
    const started = performance.now();
    const { related, visits } = relatedArticles(articles);
    const elapsed = performance.now() - started;
    // All pairs would be 10^8 visits; the cap bounds them by articles × tags × (cap + 1).
    expect(visits).toBeLessThanOrEqual(n * 2 * (CANDIDATES_PER_TAG + 1));
    expect(elapsed).toBeLessThan(5_000);
    // The rare pair tag wins; the rest are the nearest in time among the common tag's.
    expect(related[10]).toHaveLength(5);
    expect(related[10][0]).toBe(11);
    expect(related[10].slice(1).every((i) => Math.abs(i - 10) <= CANDIDATES_PER_TAG / 2)).toBe(true);
  });
});

describe("tagKey", () => {
  it.each([
    ["Élection", "election"],
    [" Council ", "council"],
    ["Straße", "straße"],
  ])("%j → %j", (tag, key) => expect(tagKey(tag)).toBe(key));
});

describe("relatedDigest", () => {
  const base = [a("/me/", 5, ["x", "y"]), a("/b/", 4, ["x"], "sport")];
  it.each<[string, RelatedInput[], string, boolean]>([
    ["the same inputs", [a("/me/", 5, ["x", "y"]), a("/b/", 4, ["x"], "sport")], "key", true],
    ["another URL", [a("/you/", 5, ["x", "y"]), base[1]], "key", false],
    ["another section", [base[0], a("/b/", 4, ["x"])], "key", false],
    ["another date", [a("/me/", 6, ["x", "y"]), base[1]], "key", false],
    ["another tag", [a("/me/", 5, ["x", "z"]), base[1]], "key", false],
    ["the tags in another order", [a("/me/", 5, ["y", "x"]), base[1]], "key", false],
    ["tags joined differently", [a("/me/", 5, ["x,y"]), base[1]], "key", false],
    ["the articles in another order", [base[1], base[0]], "key", false],
    ["one article fewer", [base[0]], "key", false],
    ["another salt (the build's key)", base, "other key", false],
  ])("%s: %s", (_, inputs, salt, same) => {
    expect(relatedDigest(inputs, salt) === relatedDigest(base, "key")).toBe(same);
  });

  it("names the limits too", () => {
    expect(relatedDigest(base, "key", { limit: 3 })).not.toBe(relatedDigest(base, "key"));
    expect(relatedDigest(base, "key", { perTag: 10 })).not.toBe(relatedDigest(base, "key"));
  });

  it("is the same for an archive hashed in several chunks", () => {
    const many = Array.from({ length: 3000 }, (_, n) => a(`/story-${n}/`, n, [`tag ${n % 7}`]));
    expect(relatedDigest(many, "key")).toBe(relatedDigest(many.map((x) => ({ ...x })), "key"));
    expect(relatedDigest(many, "key")).not.toBe(relatedDigest([...many.slice(0, 2999), a("/story-2999/", 2999, ["tag 0"])], "key"));
  });
});
