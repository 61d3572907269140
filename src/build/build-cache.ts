/**
 * The build cache: what the last successful build of an archive into an output folder saw
 * and wrote. With it, a rebuild reads and renders only the articles whose content changed,
 * and removes the pages that no longer exist. Anything that could change every page — the
 * site config, the stylesheet, the generator's own code, the drafts option — is part of the
 * cache's key; when the key differs, the cache is ignored and the build starts cold.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleRecord } from "../archive/article-record.ts";
import type { ContentIssue } from "../issues/content-issue.ts";

/** What the cache remembers of one article file. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  issues: ContentIssue[];
  record?: ArticleRecord;
}

/** The cache of one (content folder, output folder) pair. */
export interface BuildManifest {
  format: 1;
  key: string;
  files: Record<string, CacheEntry>;
  /** Every file the build wrote, relative to the output folder. */
  outputs: string[];
  /** The digest in the output folder's marker after this build (see output-marker.ts). */
  digest: string;
}

const PROJECT = fileURLToPath(new URL("../..", import.meta.url));
let fingerprint: string | undefined;

/**
 * A hash of the generator's own source (src/, layouts/, package.json): a new version of the
 * generator never reuses pages rendered by an old one.
 * @example codeFingerprint() // "3f1c…"
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs|css)$/.test(entry.name)) hash.update(path.slice(PROJECT.length)).update(readFileSync(path));
    }
  };
  walk(join(PROJECT, "src"));
  walk(join(PROJECT, "layouts"));
  hash.update(readFileSync(join(PROJECT, "package.json")));
  return (fingerprint = hash.digest("hex"));
}

/**
 * The key of a build: everything besides the articles that its output depends on.
 * @example cacheKey({ siteText, stylesheet: css, drafts: false })
 */
export function cacheKey(parts: { siteText: string; stylesheet: string; drafts: boolean }): string {
  return createHash("sha256")
    .update(codeFingerprint())
    .update("\0")
    .update(parts.siteText)
    .update("\0")
    .update(parts.stylesheet)
    .update(parts.drafts ? "\0drafts" : "\0published")
    .digest("hex");
}

/**
 * Where the cache of building `content` into `out` lives inside `cacheDir`.
 * @example manifestPath(".gazette/cache", "content", "_site") // ".gazette/cache/build-1a2b….json"
 */
export function manifestPath(cacheDir: string, content: string, out: string): string {
  const id = createHash("sha256").update(resolve(content)).update("\0").update(resolve(out)).digest("hex").slice(0, 16);
  return join(cacheDir, `build-${id}.json`);
}

/**
 * Reads the manifest at `path` if it exists, is readable and has `key`.
 * @example readManifest(path, key)?.files["2023/a.md"]?.hash
 */
export function readManifest(path: string, key: string): BuildManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as BuildManifest;
    return manifest.format === 1 && manifest.key === key ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the manifest atomically, so a build interrupted while saving leaves the old one.
 * @example writeManifest(path, { format: 1, key, files, outputs })
 */
export function writeManifest(path: string, manifest: BuildManifest): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, path);
}
