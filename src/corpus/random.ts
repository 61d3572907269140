/**
 * A small seeded PRNG for the benchmark corpus. Benchmarks are only comparable when the corpus
 * is byte-identical from run to run, so nothing in src/bench may touch Math.random.
 */

const TWO_POW_32 = 0x1_0000_0000;

/**
 * Mixes any number of integers into one 32-bit hash (murmur3 finaliser per part), so nearby
 * seeds and indices give unrelated streams.
 * @example hash32(42, 7) === hash32(42, 7) // true; hash32(42, 7) !== hash32(42, 8)
 */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    // Fold in both halves so seeds above 2^32 still differ from their low 32 bits.
    h = mix(h, part >>> 0);
    h = mix(h, Math.floor(part / TWO_POW_32) >>> 0);
  }
  return h >>> 0;
}

function mix(h: number, word: number): number {
  let x = Math.imul(h ^ word, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

function splitmix32(state: number): number {
  let z = Math.imul(state ^ (state >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * sfc32: four 32-bit words of state, fast in plain JS, and much better statistics than an LCG.
 * @example new Random(1).int(1, 6) // the same die roll every run
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a single seed over the four state words.
    let s = seed >>> 0;
    s = (s + 0x9e3779b9) | 0;
    this.a = splitmix32(s);
    s = (s + 0x9e3779b9) | 0;
    this.b = splitmix32(s);
    s = (s + 0x9e3779b9) | 0;
    this.c = splitmix32(s);
    s = (s + 0x9e3779b9) | 0;
    this.d = splitmix32(s);
    // A short warm-up decorrelates the first outputs of related seeds.
    for (let i = 0; i < 8; i++) this.uint32();
  }

  /**
   * An independent stream for one item (e.g. article `index` of corpus `seed`), so any item can be
   * regenerated on its own without replaying the ones before it.
   * @example Random.derive(42, 3).uint32() === Random.derive(42, 3).uint32() // true
   */
  static derive(...parts: number[]): Random {
    return new Random(hash32(...parts));
  }

  /**
   * The next raw 32-bit unsigned integer.
   * @example new Random(5).uint32() // an integer in [0, 2^32)
   */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /**
   * A float in [0, 1).
   * @example new Random(5).float() < 1 // true
   */
  float(): number {
    return this.uint32() / TWO_POW_32;
  }

  /**
   * An integer in [min, max], both inclusive. (The modulo-free float scaling has a bias below
   * 2^-20 for our ranges, which is irrelevant for test data.)
   * @example new Random(5).int(500, 900) // e.g. 731
   */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /**
   * True with probability `p`.
   * @example new Random(5).chance(0.3) // true about 30% of the time across seeds
   */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /**
   * An integer in [0, length), for picking by position.
   * @example new Random(5).index(3) // 0, 1 or 2
   */
  index(length: number): number {
    return Math.floor(this.float() * length);
  }

  /**
   * One element, uniformly.
   * @example new Random(5).pick(["a", "b", "c"])
   */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() from an empty list");
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /**
   * One element, with probability proportional to its weight.
   * @example new Random(5).weighted(["news", "opinion"], [9, 1]) // "news" 90% of the time
   */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError("weighted() needs one weight per item");
    }
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /**
   * `count` distinct elements in random order (rejection sampling: cheap when count ≪ length,
   * and it avoids copying a 400-entry pool per article).
   * @example new Random(5).sample(["a", "b", "c", "d"], 2) // e.g. ["c", "a"]
   */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count > items.length) throw new RangeError("sample() larger than the list");
    if (count * 2 > items.length) return this.shuffle([...items]).slice(0, count);
    const seen = new Set<number>();
    const out: T[] = [];
    while (out.length < count) {
      const i = Math.floor(this.float() * items.length);
      if (seen.has(i)) continue;
      seen.add(i);
      out.push(items[i] as T);
    }
    return out;
  }

  /**
   * Fisher–Yates, in place; returns the same array for chaining.
   * @example new Random(5).shuffle([1, 2, 3]) // e.g. [3, 1, 2]
   */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}
