/**
 * Which articles go into which search shard. Pagefind over a whole archive runs out of memory
 * and cannot index incrementally, so the index is split: one shard per year of publication (in
 * the newsroom's zone), and a year with more than `maxPages` articles is split into runs of
 * whole months (a month that alone is too large, into runs of whole days). Shards cover
 * disjoint spans of time, newest first, so a date-sorted search can read them in order.
 */

/** What the plan needs of an article. */
export interface PlannedArticle {
  /** Site-relative URL, e.g. `/2023/02/18/slug/`. */
  url: string;
  year: number;
  month: number;
  day: number;
}

/** One search shard: an id that is also its folder under `/search/`, and its articles. */
export interface Shard<A extends PlannedArticle = PlannedArticle> {
  /** `2023`, or for a split year `2023-01-to-06`, `2023-03` or `2023-03-01-to-15`. */
  id: string;
  articles: A[];
}

/** Pages per shard before a year is split: a year of about this size indexes in ~2 s under 400 MB. */
export const DEFAULT_SHARD_PAGES = 2000;

/**
 * Splits `articles` into shards, newest first; articles keep their given order inside a shard.
 * @example planShards([{ url: "/a/", year: 2023, month: 2, day: 18 }]).map((s) => s.id) // ["2023"]
 */
export function planShards<A extends PlannedArticle>(articles: readonly A[], maxPages = DEFAULT_SHARD_PAGES): Shard<A>[] {
  const years = groupBy(articles, (a) => String(a.year).padStart(4, "0"));
  const shards: Shard<A>[] = [];
  for (const [year, inYear] of [...years].sort(([a], [b]) => (a < b ? 1 : -1))) {
    if (inYear.length <= maxPages) {
      shards.push({ id: year, articles: inYear });
      continue;
    }
    const months = groupBy(inYear, (a) => `${year}-${pad(a.month)}`);
    const units: [string, A[]][] = [];
    for (const [month, inMonth] of [...months].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (inMonth.length <= maxPages) units.push([month, inMonth]);
      else units.push(...[...groupBy(inMonth, (a) => `${month}-${pad(a.day)}`)].sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    shards.push(...packUnits(units, maxPages).reverse());
  }
  return shards;
}

/**
 * Packs consecutive units (months or days, oldest first) greedily into shards of at most
 * `maxPages` articles; a single unit larger than that is a shard of its own.
 * @example packUnits([["2023-01", a], ["2023-02", b]], 2000)[0].id // "2023-01-to-02" (when a and b fit together)
 */
export function packUnits<A>(units: readonly [string, A[]][], maxPages: number): Shard<A & PlannedArticle>[] {
  const shards: { first: string; last: string; articles: A[] }[] = [];
  for (const [unit, articles] of units) {
    const open = shards.at(-1);
    if (open && open.articles.length + articles.length <= maxPages && sameParent(open.first, unit)) {
      open.last = unit;
      open.articles.push(...articles);
    } else shards.push({ first: unit, last: unit, articles: [...articles] });
  }
  return shards.map((s) => ({ id: s.first === s.last ? s.first : `${s.first}-to-${s.last.slice(s.last.lastIndexOf("-") + 1)}`, articles: s.articles as (A & PlannedArticle)[] }));
}

/** Months pack with months, and days only with days of the same month: ids stay readable. */
function sameParent(a: string, b: string): boolean {
  return a.length === b.length && a.slice(0, a.lastIndexOf("-")) === b.slice(0, b.lastIndexOf("-"));
}

function groupBy<A>(items: readonly A[], key: (item: A) => string): Map<string, A[]> {
  const groups = new Map<string, A[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
