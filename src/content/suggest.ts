/**
 * "Did you mean …?" for misspelt ids: the nearest candidate by edit distance, if it is near enough.
 */

/**
 * Levenshtein distance between two strings.
 * @example editDistance("politcs", "politics") // 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate nearest to `value`: an exact last-segment match first (`europe` → `world/europe`),
 * then the smallest edit distance within a third of the length (at least 2).
 * @example nearest("politcs", ["politics", "world"]) // "politics"
 * @example nearest("zzz", ["politics"])              // undefined
 */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const lowered = value.toLowerCase();
  const bySegment = candidates.find((c) => c.split("/").pop() === lowered || c === lowered);
  if (bySegment) return bySegment;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lowered, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
