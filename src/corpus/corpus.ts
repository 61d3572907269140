/**
 * The deterministic benchmark corpus behind `gazette bench generate N --seed S --out DIR`.
 * It is a generator so that 100,000 articles stream to disk without ever being held in memory.
 */
import { renderArticle, type Address } from "./article.ts";
import { BENCH_TIME_ZONE, benchSiteYaml } from "./sections.ts";
import { Timeline } from "./timeline.ts";

/** What to generate. */
export interface CorpusOptions {
  /** Number of articles (site.yml comes on top). */
  articles: number;
  seed: number;
  /** First year of the archive; default 2010. */
  startYear?: number;
  /** Years the articles are spread over; default 15. */
  years?: number;
}

/** One file of the corpus. */
export interface CorpusFile {
  /** Relative to the content folder, posix separators. */
  path: string;
  content: string;
}

function checkOptions(articles: number, seed: number, startYear: number, years: number): void {
  if (!Number.isSafeInteger(articles) || articles < 0) throw new RangeError(`articles must be a non-negative integer, got ${articles}`);
  // Seeds are hashed as integers; a fractional seed would silently alias its integer part.
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(startYear) || startYear < 1000 || startYear > 9000) throw new RangeError(`startYear out of range: ${startYear}`);
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`years must be a positive integer, got ${years}`);
}

/**
 * Yields site.yml, then the articles in ascending date order. Same options → byte-identical files.
 * @example [...generateCorpus({ articles: 2, seed: 1 })].map((f) => f.path) // ["site.yml", "2010/…", "2017/…"]
 */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const { articles, seed, startYear = 2010, years = 15 } = options;
  checkOptions(articles, seed, startYear, years);
  yield { path: "site.yml", content: benchSiteYaml() };
  const timeline = new Timeline(startYear, years, articles, BENCH_TIME_ZONE);
  const recent = new Map<number, Address>();
  for (let index = 0; index < articles; index++) yield renderArticle(seed, index, timeline, recent);
}
