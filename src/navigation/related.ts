/**
 * Related articles: up to five per article, ranked by the tags they share (a rarer tag
 * weighs more: inverse document frequency), then by being in the same section, then by
 * being more recent; ties by URL, so the order never depends on input order.
 *
 * Computed through an inverted index (tag → articles in archive order), never over all
 * pairs. A tag shared by thousands of articles would still make the work quadratic, so each
 * article looks at no more than {@link CANDIDATES_PER_TAG} articles of each tag: the ones
 * nearest to it in time (half newer, half older). Such a tag weighs little anyway; the cap
 * keeps the whole pass at O(articles × tags × cap). Only articles that share at least one tag
 * are related: filling the list with "latest in the section" would change every page of a
 * section whenever one article is added, and warm rebuilds would re-render them all.
 *
 * The ranking is a pure function of the inputs, which an edit to an article's text, headline or
 * summary leaves as they were: {@link relatedDigest} names them, so that a build can keep the
 * last result (src/build/related-cache.ts) instead of ranking 100,000 articles again.
 */
import { createHash } from "node:crypto";

/** One article as the ranking sees it. */
export interface RelatedInput {
  url: string;
  sectionId: string;
  /** Publication time, epoch milliseconds. */
  date: number;
  tags: readonly string[];
}

/** Articles listed as related on a page. */
export const RELATED_LIMIT = 5;

/** Articles of one tag looked at per article, nearest in time first (see the module comment). */
export const CANDIDATES_PER_TAG = 100;

/** The related articles of each input (indices into the input, best first), and the work done. */
export interface RelatedResult {
  related: number[][];
  /** Candidate visits summed over all articles: bounded by articles × tags × cap. */
  visits: number;
}

/**
 * The key two spellings of one tag share: case and accents ignored, as topic pages do.
 * @example tagKey("Élection ") // "election"
 */
export function tagKey(tag: string): string {
  return tag.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/**
 * Ranks related articles for every article of `articles`.
 * @example relatedArticles([{ url: "/a/", sectionId: "s", date: 2, tags: ["x"] }, { url: "/b/", sectionId: "s", date: 1, tags: ["x"] }]).related // [[1], [0]]
 */
export function relatedArticles(
  articles: readonly RelatedInput[],
  options: { limit?: number; perTag?: number } = {},
): RelatedResult {
  const limit = options.limit ?? RELATED_LIMIT;
  const half = Math.max(1, Math.floor((options.perTag ?? CANDIDATES_PER_TAG) / 2));
  const n = articles.length;
  // Ranks in archive order (newest first, then URL): postings are kept in this order, so the
  // articles nearest in time to one article are its neighbours in each posting list.
  const order = [...articles.keys()].sort((a, b) => articles[b].date - articles[a].date || compare(articles[a].url, articles[b].url));
  const rank = new Int32Array(n);
  order.forEach((index, r) => (rank[index] = r));
  // Tags and sections as small integers: the loop below, run for every visit, then compares
  // and indexes numbers only (a third of the time of string keys in maps, at 20,000 articles).
  const keyIds = new Map<string, number>();
  const sectionIds = new Map<string, number>();
  const section = new Int32Array(n);
  const keys = articles.map((a, index) => {
    section[index] = idOf(sectionIds, a.sectionId);
    return [...new Set(a.tags.map(tagKey).filter(Boolean))].sort().map((key) => idOf(keyIds, key));
  });
  const postings: number[][] = Array.from({ length: keyIds.size }, () => []);
  for (const index of order) for (const key of keys[index]) postings[key].push(index);
  const weight = new Float64Array(keyIds.size);
  for (let key = 0; key < postings.length; key++) weight[key] = Math.log(1 + n / postings[key].length);

  const score = new Float64Array(n);
  const touched = new Int32Array(n);
  const related: number[][] = [];
  let visits = 0;
  for (let self = 0; self < n; self++) {
    let count = 0;
    for (const key of keys[self]) {
      const list = postings[key];
      const w = weight[key];
      const at = positionOf(list, rank[self], rank);
      const start = Math.max(0, at - half);
      const end = Math.min(list.length, at + half + 1);
      for (let i = start; i < end; i++) {
        const other = list[i];
        if (other === self) continue;
        if (score[other] === 0) touched[count++] = other;
        score[other] += w;
      }
      visits += end - start;
    }
    const ranking: Ranking = { score, section, own: section[self], rank };
    // The best few by insertion: sorting every candidate would cost more than scoring them.
    const best: number[] = [];
    for (let c = 0; c < count; c++) {
      const other = touched[c];
      if (best.length === limit && better(ranking, other, best[limit - 1]) >= 0) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && better(ranking, other, best[at - 1]) < 0) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = other;
    }
    related.push(best);
    for (let c = 0; c < count; c++) score[touched[c]] = 0;
  }
  return { related, visits };
}

/**
 * A digest of everything the ranking of `articles` depends on: each input, in order, the
 * limits, and `salt` (the build's key, which names this code).
 * @example relatedDigest([{ url: "/a/", sectionId: "s", date: 2, tags: ["x"] }], "key") // "5b1f…" (40 hex digits)
 */
export function relatedDigest(articles: readonly RelatedInput[], salt: string, options: { limit?: number; perTag?: number } = {}): string {
  const hash = createHash("sha1").update(`${salt}\n${options.limit ?? RELATED_LIMIT} ${options.perTag ?? CANDIDATES_PER_TAG}\n`);
  // In chunks: one update per article would cost more than the hashing itself.
  let chunk = "";
  for (const a of articles) {
    chunk += `${JSON.stringify([a.url, a.sectionId, a.date, a.tags])}\n`;
    if (chunk.length > 1 << 16) {
      hash.update(chunk);
      chunk = "";
    }
  }
  return hash.update(chunk).digest("hex");
}

/** Where the article of rank `r` sits in a posting list sorted by rank (binary search). */
function positionOf(list: readonly number[], r: number, rank: Int32Array): number {
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rank[list[mid]] < r) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** What one article's candidates are ranked by: their scores, their sections against its own, their ranks. */
interface Ranking {
  score: Float64Array;
  section: Int32Array;
  own: number;
  rank: Int32Array;
}

/** Negative when `a` ranks before `b`: more shared weight, then the same section, then newer. */
function better({ score, section, own, rank }: Ranking, a: number, b: number): number {
  return score[b] - score[a] || Number(section[b] === own) - Number(section[a] === own) || rank[a] - rank[b];
}

/** The number standing for `name` in `ids`, given the next one when it has none yet. */
function idOf(ids: Map<string, number>, name: string): number {
  let id = ids.get(name);
  if (id === undefined) ids.set(name, (id = ids.size));
  return id;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
