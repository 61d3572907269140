/**
 * The merge manifest the search page loads (`/search/shards.json`): the shards newest first,
 * each with its bundle's folder. The first is Pagefind's primary index, the others are merged
 * into it (`mergeIndex`). Each entry carries its cache key, so the next warm build can tell
 * which bundles in the output folder are still current.
 */

/** The search page's URL. */
export const SEARCH_PAGE_URL = "/search/";

/** The manifest's path in the output folder. */
export const MANIFEST_PATH = "search/shards.json";

/** One shard in the manifest. */
export interface ManifestShard {
  id: string;
  /** Site-relative folder of its Pagefind bundle, e.g. `/search/2023/`. */
  bundle: string;
  /** Articles indexed in it. */
  pages: number;
  /** Its cache key (see shard-key.ts). */
  key: string;
}

/** The manifest. */
export interface SearchManifest {
  format: 1;
  pagefind: string;
  shards: ManifestShard[];
}

/**
 * The folder of a shard's bundle, relative to the output folder.
 * @example shardFolder("2023") // "search/2023"
 */
export function shardFolder(id: string): string {
  return `search/${id}`;
}

/**
 * The manifest's text: stable JSON, so the same shards give the same bytes.
 * @example manifestText({ format: 1, pagefind: "1.6.0", shards: [] }) // '{"format":1,"pagefind":"1.6.0","shards":[]}\n'
 */
export function manifestText(manifest: SearchManifest): string {
  return `${JSON.stringify(manifest)}\n`;
}

/**
 * Reads a manifest's text back; undefined for anything else.
 * @example parseManifest('{"format":1,"pagefind":"1.6.0","shards":[]}')?.shards // []
 */
export function parseManifest(text: string | undefined): SearchManifest | undefined {
  if (text === undefined) return undefined;
  try {
    const manifest = JSON.parse(text) as Partial<SearchManifest>;
    return manifest.format === 1 && Array.isArray(manifest.shards) ? (manifest as SearchManifest) : undefined;
  } catch {
    return undefined;
  }
}
