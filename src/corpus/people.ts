/** The newsroom's staff: a fixed pool of bylines, the same for every seed. */
import { FIRST_NAMES, LAST_NAMES } from "./pools.ts";
import { Random } from "./random.ts";

/** How many bylines the benchmark newsroom has. */
export const AUTHOR_POOL_SIZE = 60;

// A fixed seed (not the corpus seed) keeps the staff list stable across corpora, so author
// pages are comparable between benchmark runs with different seeds.
function buildAuthors(): readonly string[] {
  const rng = new Random(0x5eed_0a07);
  const names = new Set<string>();
  while (names.size < AUTHOR_POOL_SIZE) names.add(`${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`);
  return [...names];
}

/** The 60 author names. */
export const AUTHORS: readonly string[] = buildAuthors();

// Sign-offs for the pool, computed once instead of once per article.
const INITIALS = new Map(AUTHORS.map((name) => [name, initials(name)]));

/**
 * The sign-off initials of a pool author.
 * @example authorInitials(AUTHORS[0] as string).length // 2
 */
export function authorInitials(name: string): string {
  return INITIALS.get(name) ?? initials(name);
}

/**
 * Lower-case initials for the sign-off at the end of an article.
 * @example initials("Łukasz Müller") // "łm"
 */
export function initials(name: string): string {
  return name
    .split(" ")
    .map((part) => part.charAt(0).toLowerCase())
    .join("");
}
