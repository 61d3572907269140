/**
 * Which syndication files a warm build may leave alone. Each group of files (one feed's three
 * documents, the sitemap and its parts …) has a signature: a digest of everything the files
 * are written from. The build cache keeps the signatures of the files in the output folder,
 * stamped with the digest of the build that left that folder (the one its marker carries);
 * a later build whose signature for a group is the same, and whose files are all still there,
 * does not write the group again. Any doubt — another build in between, a missing stamp,
 * a file deleted by hand — means the group is written.
 */
import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { DateTime } from "luxon";
import { writeCacheFile, writeFileAtomic } from "../build/write-atomic.ts";

/** What the cache file holds. */
interface SignatureFile {
  format: 1;
  /** The output digest of the build that wrote the signatures. */
  digest: string;
  signatures: Record<string, string>;
}

/**
 * A digest of JSON-serialisable parts.
 * @example signature(["feed", "/world/", ["…"]]) // "5b1f…" (40 hex digits)
 */
export function signature(parts: unknown): string {
  return hash("sha1", JSON.stringify(parts));
}

/**
 * A DateTime for a signature: its instant and zone name, which fix its ISO text (the runtime's
 * time-zone data is part of the cache key) without formatting it.
 * @example instant(DateTime.fromISO("2024-01-01T10:00:00Z", { zone: "UTC" })) // "1704103200000@UTC"
 */
export function instant(date: DateTime): string {
  return `${date.toMillis()}@${date.zoneName}`;
}

/**
 * The signatures the output folder's files were written with, when `previousDigest` (the
 * digest of the build that left the folder, from its trusted manifest) is the one they were
 * stamped with; otherwise none.
 * @example trustedSignatures(".gazette/cache/build-1a2b.syndication.json", manifest.digest) // { "feed /": "5b1f…", … }
 */
export function trustedSignatures(path: string, previousDigest: string | undefined): Record<string, string> {
  if (previousDigest === undefined) return {};
  try {
    const file = JSON.parse(readFileSync(path, "utf8")) as SignatureFile;
    return file.format === 1 && file.digest === previousDigest && file.signatures && typeof file.signatures === "object" ? file.signatures : {};
  } catch {
    return {};
  }
}

/**
 * Saves the signatures of this build's syndication files, stamped with the output digest this
 * build will leave (written before the files are put in place: if that fails, the folder keeps
 * the old digest and the stamp no longer matches). Atomic; never throws.
 * @example saveSignatures(path, staged.manifest.digest, { "feed /": "5b1f…" })
 */
export function saveSignatures(path: string, digest: string, signatures: Record<string, string>): void {
  // Without the file the next build writes every group.
  writeCacheFile(path, JSON.stringify({ format: 1, digest, signatures } satisfies SignatureFile));
}

/**
 * Stamps the signatures at `path` with `to` when they are stamped with `from`, with the
 * signatures in `changed` replaced: a quick rebuild (src/build/quick-rebuild.ts) changes the
 * output digest and rewrites few of the files they sign. Never throws; a file stamped
 * otherwise, or none, is left as it is.
 * @example restampSignatures(path, previous.digest, digest, { "feed /": "5b1f…" })
 */
export function restampSignatures(path: string, from: string, to: string, changed: Record<string, string> = {}): void {
  if (!Object.keys(changed).length) return restampText(path, from, to);
  const signatures = trustedSignatures(path, from);
  if (Object.keys(signatures).length) saveSignatures(path, to, { ...signatures, ...changed });
}

// Only the stamp changes: it is replaced in the text saveSignatures wrote (its keys in that
// order), without parsing and serialising the listing pages' signatures (11 MB at 100,000).
function restampText(path: string, from: string, to: string): void {
  const head = (digest: string) => `{"format":1,"digest":${JSON.stringify(digest)},`;
  try {
    const text = readFileSync(path, "utf8");
    if (text.startsWith(head(from))) writeFileAtomic(path, head(to) + text.slice(head(from).length));
  } catch {
    // Without the file the next build writes every group: slower, never wrong.
  }
}
