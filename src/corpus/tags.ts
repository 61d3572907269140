/** The fixed pool of 400 tag names that articles draw from. */
import { KITS, PLACES } from "./kits.ts";
import { Random } from "./random.ts";

/** Exactly this many distinct tags exist in every benchmark corpus. */
export const TAG_POOL_SIZE = 400;

const MODIFIERS = [
  "energy", "rail", "housing", "water", "digital", "school", "health", "tax", "labour", "climate",
  "transport", "youth", "food", "border", "pension", "data", "tourism", "farm", "port", "road",
];
const NOUNS = [
  "prices", "policy", "strikes", "safety", "funding", "reform", "debate", "crisis", "jobs",
  "planning", "costs", "protests", "investment", "research", "law",
];

// Story topics and places come first so that an article can always be tagged with its own
// topic and place; generated "modifier noun" pairs fill the pool up to exactly 400.
function buildTagPool(): readonly string[] {
  const pool = new Set<string>();
  for (const places of Object.values(PLACES)) for (const place of places) pool.add(place);
  for (const kit of Object.values(KITS)) for (const topic of kit.topics) pool.add(topic);
  if (pool.size > TAG_POOL_SIZE) throw new Error(`Too many base tags: ${pool.size}`);
  const pairs = MODIFIERS.flatMap((m) => NOUNS.map((n) => `${m} ${n}`));
  // A fixed seed: the pool must not depend on the corpus seed, or tag pages would not be comparable.
  for (const pair of new Random(0x7a9_5eed).shuffle(pairs)) {
    if (pool.size === TAG_POOL_SIZE) break;
    pool.add(pair);
  }
  if (pool.size !== TAG_POOL_SIZE) throw new Error(`Tag pool has ${pool.size} entries, expected ${TAG_POOL_SIZE}`);
  return [...pool];
}

/** All 400 tag names, in a fixed order. */
export const TAG_POOL: readonly string[] = buildTagPool();

/**
 * 2–5 distinct tags for a story: usually its topic and place, topped up from the pool.
 * @example pickTags(new Random(1), "ferry timetable", "Lindau") // e.g. ["ferry timetable", "Lindau", "rail costs"]
 */
export function pickTags(rng: Random, topic: string, place: string): string[] {
  const count = rng.int(2, 5);
  const tags = new Set<string>();
  if (rng.chance(0.8)) tags.add(topic);
  if (rng.chance(0.5)) tags.add(place);
  while (tags.size < count) tags.add(rng.pick(TAG_POOL));
  return [...tags];
}
