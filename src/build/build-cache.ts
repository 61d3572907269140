/**
 * The build cache: what the last successful build of an archive into an output folder saw
 * and wrote. With it, a rebuild reads and renders only the articles whose content changed,
 * and removes the pages that no longer exist. Everything besides the articles that could
 * change the output — the site config, the stylesheet, the generator's code and dependencies,
 * Node's locale and time-zone data, the output options — is part of the cache's key; when the
 * key differs, the cache is ignored and the build starts cold. The cache is also ignored when
 * the output folder is no longer the one it describes (see {@link trustedManifest}).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "./project-root.ts";
import type { ArticleRecord } from "../archive/article-record.ts";
import type { ContentIssue } from "../issues/content-issue.ts";
import type { ArticleLink } from "../navigation/body-links.ts";
import { readOutputMarker } from "./output-marker.ts";
import type { ArticleNav } from "../navigation/article-nav.ts";
import { readStoredManifest, writeStoredManifest, type ManifestIndex, type StoredBase } from "./manifest-store.ts";
import type { QuickFacts } from "./quick-facts.ts";
import type { PublishingState } from "../publishing/publishing-state.ts";

/** The stat fields change detection compares, as git's index does. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What the cache remembers of one article file. */
export interface CacheEntry extends FileStamp {
  hash: string;
  issues: ContentIssue[];
  record?: ArticleRecord;
  /** The digest of `record`, made where the record was (listing-signatures.ts identifies teasers by it). */
  recordSignature?: string;
  dateline?: string;
  /** The links of its text, for the link check and links between articles. */
  links?: ArticleLink[];
  /** The render digest of its page as last written (see src/build/render-pass.ts). */
  rendered?: string;
  /** What its page was last rendered with, besides the file: a quick rebuild renders it again from this alone. */
  view?: PageView;
}

/** What an article page shows besides its file (render-pass.ts): its navigation, its resolved links, its kind and publishing state. */
export interface PageView {
  nav: ArticleNav;
  resolved: Record<string, string>;
  page: "article" | "preview" | "tombstone";
  state: PublishingState;
}

/** The cache of one (content folder, output folder) pair. */
export interface BuildManifest {
  format: 3;
  key: string;
  /** Wall-clock time just before the build looked at the first file (see {@link isUnchanged}). */
  scannedAtMs: number;
  /** "Now" of the embargo decisions of this build: a later build re-renders articles whose state changed since. */
  embargoNowMs?: number;
  files: Record<string, CacheEntry>;
  /** Every file the build wrote, relative to the output folder. */
  outputs: string[];
  /** The digest in the output folder's marker after this build (see output-marker.ts). */
  digest: string;
  /** The outputs' hash in that digest: of the outputs before the search files joined them. */
  outputsHash?: string;
  /** What a quick rebuild checks before it patches this build (quick-facts.ts). */
  quick?: QuickFacts;
  /** The generation of each entry shard on disk (manifest-store.ts), when the manifest was read from or written to disk. */
  shards?: string[];
  /** The generation of the outputs file `outputs` was read from, when the manifest was read from disk. */
  outputsGeneration?: string;
  /** The base file the stamps were read from, when the manifest was read from disk (manifest-store.ts). */
  base?: StoredBase;
}

/** The build options that change the output; each is part of the cache key. */
export interface OutputOptions {
  drafts: boolean;
  /** `--base-url`, or null for site.yml's url. */
  baseUrl?: string | null;
  /** Whether the static hosts' files are written. */
  hostFiles?: boolean;
  /** Whether feeds, sitemaps and robots.txt are written. */
  feeds?: boolean;
  /** The News sitemap's "now" in epoch ms, or null for the newest publication. */
  now?: number | null;
  sitemapThreshold?: number;
  /** Articles per search shard, or false without search. */
  search?: number | false;
}

const PROJECT = PROJECT_ROOT;
/** Single files of the project, besides src/ and layouts/, that shape the output. */
const PROJECT_FILES = [".eleventy.ts", "bin/gazette.mjs", "package.json", "package-lock.json", "node_modules/.package-lock.json"];
const fingerprints = new Map<string, string>();

/**
 * A hash of the generator's own code and dependencies under `root`: every file below src/ and
 * layouts/, .eleventy.ts, the launcher, package.json and the resolved dependency versions
 * (package-lock.json and npm's record of what is installed). Memoised per root: it describes
 * the code this process has loaded.
 * @example codeFingerprint() // "3f1c…"
 */
export function codeFingerprint(root = PROJECT): string {
  const known = fingerprints.get(root);
  if (known) return known;
  const hash = createHash("sha256");
  const add = (path: string): void => void hash.update(path.slice(root.length)).update("\0").update(readFileSync(path)).update("\0");
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) add(path);
    }
  };
  walk(join(root, "src"));
  walk(join(root, "layouts"));
  for (const file of PROJECT_FILES) if (existsSync(join(root, file))) add(join(root, file));
  const digest = hash.digest("hex");
  fingerprints.set(root, digest);
  return digest;
}

/**
 * The versions of Node and of the data it formats dates and text with (ICU, CLDR, Unicode,
 * time zones): a new tz database moves an article's local time, a new CLDR its wording.
 * @example runtimeVersions({ node: "20.20.0", icu: "77.1", tz: "2025b" }) // "node=20.20.0;v8=;icu=77.1;…"
 */
export function runtimeVersions(versions: Partial<Record<string, string>> = process.versions): string {
  return ["node", "v8", "icu", "cldr", "unicode", "tz"].map((name) => `${name}=${versions[name] ?? ""}`).join(";");
}

/** Everything besides the articles that a build's output depends on. */
export interface KeyParts {
  siteText: string;
  stylesheet: string;
  options: OutputOptions;
  /** Defaults to {@link codeFingerprint}. */
  code?: string;
  /** Defaults to {@link runtimeVersions}. */
  runtime?: string;
}

/**
 * The key of a build: a hash of every part of {@link KeyParts}.
 * @example cacheKey({ siteText, stylesheet: css, options: { drafts: false } })
 */
export function cacheKey(parts: KeyParts): string {
  const options = Object.entries(parts.options).sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash("sha256")
    .update(JSON.stringify([parts.code ?? codeFingerprint(), parts.runtime ?? runtimeVersions(), options, parts.siteText, parts.stylesheet]))
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
 * Reads the manifest at `path` if it exists, is readable and has `key` (its index and base
 * already read as `index`, when given).
 * @example readManifest(path, key)?.files["2023/a.md"]?.hash
 */
export function readManifest(path: string, key: string, index?: ManifestIndex): BuildManifest | undefined {
  return readStoredManifest(path, key, index);
}

/**
 * The manifest, when the output folder `out` is still what it describes: its marker carries
 * the manifest's digest. Any other build into `out` in between — with `--no-cache`, other
 * options, or another working directory's cache — leaves another digest, so the cache is
 * not trusted and the build starts cold.
 * @example trustedManifest(readManifest(path, key), "_site")
 */
export function trustedManifest(manifest: BuildManifest | undefined, out: string): BuildManifest | undefined {
  return manifest && readOutputMarker(out)?.digest === manifest.digest ? manifest : undefined;
}

/**
 * The outputs the manifest lists that are no longer in `out` (deleted by hand), to be
 * rendered again. One stat per page: cheap next to reading the articles.
 * @example missingOutputs(manifest, "_site") // Set { "2023/01/02/story/index.html" }
 */
export function missingOutputs(manifest: BuildManifest, out: string): Set<string> {
  return new Set(manifest.outputs.filter((file) => !existsSync(join(out, file))));
}

/**
 * How close to the previous scan a file's timestamps may be before they prove nothing. File
 * systems stamp times from a coarse clock (a few milliseconds on Linux, 2 s on FAT), so a
 * file changed in the same tick as it was read keeps its recorded stamp.
 */
export const RACY_MARGIN_MS = 3000;

/**
 * True when a file's stat proves it unchanged since the cache recorded `entry`: size, mtime,
 * ctime and inode all equal (an edit that keeps size and mtime, as `cp -p` or `rsync -a`
 * make it, still changes ctime or the inode), and the recorded stamp is older than the
 * previous scan by more than {@link RACY_MARGIN_MS} — otherwise the file is "racily clean"
 * and must be hashed.
 * @example isUnchanged(entry, statSync(path), manifest.scannedAtMs) // true
 */
export function isUnchanged(entry: FileStamp, stats: FileStamp, scannedAtMs: number): boolean {
  const same = stats.size === entry.size && stats.mtimeMs === entry.mtimeMs && stats.ctimeMs === entry.ctimeMs && stats.ino === entry.ino;
  return same && Math.max(entry.mtimeMs, entry.ctimeMs) < scannedAtMs - RACY_MARGIN_MS;
}

/**
 * Writes the manifest (manifest-store.ts): the entry shards that changed since `previous`, the
 * manifest this build started from, then the index. A build interrupted while saving leaves a
 * manifest that is not used (the next build starts cold), never a mixture.
 * @example writeManifest(path, { format: 3, key, scannedAtMs, files, outputs, digest }, previous)
 */
export function writeManifest(path: string, manifest: BuildManifest, previous?: BuildManifest): void {
  writeStoredManifest(path, manifest, previous);
}
