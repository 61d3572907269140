/**
 * The full-text feeds (the site's and each section's) as plain data: their meta, their entries
 * without bodies, and the name of each entry's body in the body cache. A full build saves them
 * beside the manifest (stamped with its output digest, like the signatures); a quick rebuild
 * (src/build/quick-rebuild.ts) writes a feed again from them when it changes one article's
 * text, without the archive's index: the same documents a full build would write, since a
 * feed's documents are a function of exactly this data (feed-documents.ts).
 */
import { readFileSync } from "node:fs";
import { writeCacheFile } from "../build/write-atomic.ts";
import { DateTime } from "luxon";
import type { FeedEntry } from "./feed-entries.ts";
import { feedDocuments, type FeedMeta } from "./feed-documents.ts";

/** An instant with the zone it is shown in. */
type StoredTime = { ms: number; zone: string };

/** One full-text feed, stored. */
export interface StoredFeed {
  /** The unit's id in the signatures (`feed /world/`). */
  id: string;
  /** Its Atom, RSS and JSON Feed files, relative to the output folder. */
  paths: string[];
  meta: Omit<FeedMeta, "updated"> & { updated: StoredTime };
  /** Each entry as the feed's signature sees it: its body empty. */
  entries: (Omit<FeedEntry, "published" | "updated"> & { published: StoredTime; updated: StoredTime })[];
  /** The article file of each entry, and the name of its body in the body cache. */
  files: string[];
  bodies: string[];
}

interface StoredFeedsFile {
  format: 1;
  digest: string;
  feeds: StoredFeed[];
}

const stored = (time: DateTime): StoredTime => ({ ms: time.toMillis(), zone: time.zoneName ?? "UTC" });
const restored = (time: StoredTime): DateTime => DateTime.fromMillis(time.ms, { zone: time.zone });

/**
 * A feed as plain data.
 * @example storeFeed("feed /", paths, meta, entries, files, bodyIds).entries[0].published // { ms: 1676709000000, zone: "UTC" }
 */
export function storeFeed(id: string, paths: readonly string[], meta: FeedMeta, entries: readonly FeedEntry[], files: readonly string[], bodies: readonly string[]): StoredFeed {
  return {
    id,
    paths: [...paths],
    meta: { ...meta, updated: stored(meta.updated) },
    // Each key keeps its place (the signature is their JSON), the body emptied as the signature has it.
    entries: entries.map((entry) => ({ ...entry, published: stored(entry.published), updated: stored(entry.updated), contentHtml: "" })),
    files: [...files],
    bodies: [...bodies],
  };
}

/**
 * The feed's meta and entries again, each entry with the body `bodyOf` gives for its position.
 * @example restoreFeed(feed, (i) => html[i]).entries.length // 50
 */
export function restoreFeed(feed: StoredFeed, bodyOf: (i: number) => string): { meta: FeedMeta; entries: FeedEntry[] } {
  const meta = { ...feed.meta, updated: restored(feed.meta.updated) };
  const entries = feed.entries.map((entry, i) => ({ ...entry, published: restored(entry.published), updated: restored(entry.updated), contentHtml: bodyOf(i) }));
  return { meta, entries };
}

/**
 * The feed's three documents, as a full build writes them.
 * @example storedFeedFiles(feed, (i) => html[i])[0].path // "feed.xml"
 */
export function storedFeedFiles(feed: StoredFeed, bodyOf: (i: number) => string): { path: string; text: string }[] {
  const { meta, entries } = restoreFeed(feed, bodyOf);
  const docs = feedDocuments(meta, entries);
  return [
    { path: feed.paths[0], text: docs.atom },
    { path: feed.paths[1], text: docs.rss },
    { path: feed.paths[2], text: docs.json },
  ];
}

/**
 * Where the stored feeds of the build whose manifest is `manifestFile` live.
 * @example storedFeedsFile(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.feeds.json"
 */
export function storedFeedsFile(manifestFile: string): string {
  return manifestFile.replace(/\.json$/, ".feeds.json");
}

/**
 * The stored feeds at `path`, when they are stamped with `digest` (the output folder's); else undefined.
 * @example readStoredFeeds(path, index.digest)?.length // 12
 */
export function readStoredFeeds(path: string, digest: string): StoredFeed[] | undefined {
  try {
    const file = JSON.parse(readFileSync(path, "utf8")) as StoredFeedsFile;
    return file.format === 1 && file.digest === digest && Array.isArray(file.feeds) ? file.feeds : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves the feeds stamped with `digest`, atomically. Never throws: without the file, the next
 * edit of a feed article's text goes the full way.
 * @example saveStoredFeeds(path, manifest.digest, feeds)
 */
export function saveStoredFeeds(path: string, digest: string, feeds: readonly StoredFeed[]): void {
  writeCacheFile(path, JSON.stringify({ format: 1, digest, feeds: [...feeds] } satisfies StoredFeedsFile));
}

/**
 * Stamps the stored feeds at `path` with `to` when they are stamped with `from`, replaced by
 * `feeds` when given (a quick rebuild that wrote some of them again). Never throws.
 * @example restampStoredFeeds(path, previous.digest, digest)
 */
export function restampStoredFeeds(path: string, from: string, to: string, feeds?: readonly StoredFeed[]): void {
  const current = feeds ?? readStoredFeeds(path, from);
  if (current) saveStoredFeeds(path, to, current);
}

