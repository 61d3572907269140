/**
 * Where a build keeps what is not the site, relative to the working directory. A module of its
 * own so the command line can show these defaults without loading the build.
 */

/** The build's own folder: reports (report.json, next-publish.json) and, below it, the cache. */
export const DEFAULT_REPORT_DIR = ".gazette";

/** The build cache (manifest, media and search caches), unless `--cache` says otherwise. */
export const DEFAULT_CACHE = `${DEFAULT_REPORT_DIR}/cache`;
