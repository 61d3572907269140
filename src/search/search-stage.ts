/**
 * The search step as the build calls it: one call after the listing pages (like
 * writeSyndication), which adds the search files to the build's outputs and its report.
 */
import { DEFAULT_CACHE } from "../build/work-folders.ts";
import type { BuildOptions, StagedBuild } from "../build/build-site.ts";
import { DEFAULT_SHARD_PAGES } from "./shard-plan.ts";
import { writeSearch, type SearchReport } from "./write-search.ts";
import { saveSearchPlan, searchPlanFile } from "./search-plan.ts";

/**
 * The search setting of a build's options, for the cache key: false with `--no-search`, else
 * the shard size.
 * @example searchOption({ content: "c", out: "o" }) // 2000
 */
export function searchOption(options: Pick<BuildOptions, "noSearch" | "searchShardPages">): number | false {
  return options.noSearch ? false : (options.searchShardPages ?? DEFAULT_SHARD_PAGES);
}

/**
 * Indexes the staged build's articles (unless search is off) and records the search files as
 * outputs of the build, so a later build removes those that are gone.
 * @example await searchStage(staged, options) // { shards: 3, indexed: 1, … }
 */
export async function searchStage(staged: StagedBuild, options: BuildOptions): Promise<SearchReport | undefined> {
  const maxPages = searchOption(options);
  if (maxPages === false) return undefined;
  const { files } = staged.manifest;
  const { outputs, report, plan } = await writeSearch({
    articles: staged.prepared.archive.articles,
    hashes: (file) => files[file].hash,
    buildKey: staged.manifest.key,
    staging: staged.staging,
    out: staged.out,
    warm: staged.previous !== undefined,
    cache: options.cache === false ? false : (options.cache ?? DEFAULT_CACHE),
    settings: { maxPages },
  });
  staged.manifest.outputs = [...staged.manifest.outputs, ...outputs].sort();
  staged.report.search = report;
  if (staged.manifestFile) saveSearchPlan(searchPlanFile(staged.manifestFile), staged.manifest.digest, { shards: plan, outputs });
  return report;
}
