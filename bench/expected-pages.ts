/**
 * How many pages a build of a corpus must write, computed from the corpus alone, so each
 * tool's output can be checked against the same independent number.
 */
import { lineageOf } from "../src/archive/sections.ts";

/**
 * Articles per section including those of its descendants (a parent section lists its
 * children's articles too), for every declared section, empty ones included.
 * @example sectionTotals(["world", "world/europe"], new Map([["world/europe", 3]])) // Map { "world" => 3, "world/europe" => 3 }
 */
export function sectionTotals(sectionIds: readonly string[], articlesBySection: ReadonlyMap<string, number>): Map<string, number> {
  const totals = new Map<string, number>(sectionIds.map((id) => [id, 0]));
  for (const [id, count] of articlesBySection) {
    for (const ancestor of lineageOf(id)) {
      if (totals.has(ancestor)) totals.set(ancestor, (totals.get(ancestor) ?? 0) + count);
    }
  }
  return totals;
}

/**
 * Pages of all section indexes: every section has at least one page, even when empty.
 * @example sectionPageCount(new Map([["a", 61], ["b", 0]]), 30) // 3 + 1 = 4
 */
export function sectionPageCount(totals: ReadonlyMap<string, number>, perPage: number): number {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  let pages = 0;
  for (const count of totals.values()) pages += Math.max(1, Math.ceil(count / perPage));
  return pages;
}
