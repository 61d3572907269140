/**
 * The last build's related articles, kept beside its manifest: ranking them is one of the
 * steps of a full build that grows with the whole archive (about 2 s at 100,000 articles), and
 * an edit that leaves every article's URL, section, date and tags as they were (a headline, a
 * summary, a body that adds a link) leaves the ranking as it was. The file is named by what the
 * ranking read (relatedDigest: the inputs in order and the build's key); any other digest, or
 * a result that does not fit the archive, ranks again.
 */
import { readFileSync } from "node:fs";
import { relatedArticles, relatedDigest } from "../navigation/related.ts";
import type { RankRelated } from "../navigation/article-nav.ts";
import { writeCacheFile } from "./write-atomic.ts";

/** What the file holds. */
interface RelatedFile {
  format: 1;
  digest: string;
  related: number[][];
}

/**
 * Where the related articles of the build whose manifest is `manifestFile` are kept.
 * @example relatedCacheFile(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.related.json"
 */
export function relatedCacheFile(manifestFile: string): string {
  return `${manifestFile.replace(/\.json$/, "")}.related.json`;
}

/**
 * A ranking that reuses the result kept at `path` when its digest is the inputs', and
 * otherwise ranks and keeps the result there. `onRanked` is told which it did.
 * @example articleNavigation(archive, keptRanking(relatedCacheFile(manifestFile), key))
 */
export function keptRanking(path: string, salt: string, onRanked?: (reused: boolean) => void): RankRelated {
  return (inputs) => {
    const digest = relatedDigest(inputs, salt);
    const kept = readKept(path, digest, inputs.length);
    onRanked?.(kept !== undefined);
    if (kept) return kept;
    const { related } = relatedArticles(inputs);
    // Without the file the next build ranks again.
    writeCacheFile(path, JSON.stringify({ format: 1, digest, related } satisfies RelatedFile));
    return related;
  };
}

/**
 * The ranking kept at `path` when it was made from inputs of `digest` and fits `count`
 * articles (every index a whole number below it, none its own article's); otherwise undefined.
 * @example readKept(path, digest, 3) // [[1, 2], [0], []]
 */
export function readKept(path: string, digest: string, count: number): number[][] | undefined {
  let file: RelatedFile;
  try {
    file = JSON.parse(readFileSync(path, "utf8")) as RelatedFile;
  } catch {
    return undefined;
  }
  if (file?.format !== 1 || file.digest !== digest || !Array.isArray(file.related) || file.related.length !== count) return undefined;
  const fits = file.related.every((list, self) => Array.isArray(list) && list.every((other) => Number.isInteger(other) && other >= 0 && other < count && other !== self));
  return fits ? file.related : undefined;
}
