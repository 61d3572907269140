/**
 * Writing a file so that a reader (or a build running at the same time) sees the old text or
 * the new, never half of it: a temporary file beside the target, then a rename.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync, writevSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes `text` to `path` atomically, creating its folder; the temporary name starts with a
 * dot, so an archive scan running meanwhile ignores it. `text` may be parts, written in order
 * (slices of a file read before, say, without copying them into one buffer).
 * @example writeFileAtomic("content/2023/02/18/a.md", "---\n…")
 */
export function writeFileAtomic(path: string, text: string | Uint8Array | readonly Uint8Array[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    if (typeof text === "string" || text instanceof Uint8Array) writeFileSync(temp, text);
    else writeParts(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a cache file with {@link writeFileAtomic}, and never throws: a cache file that cannot
 * be written is only work the next build does again (slower, never wrong), so it must not fail
 * the build that has already put its output in place. True when it was written.
 * @example writeCacheFile(".gazette/cache/build-1a2b.related.json", JSON.stringify(file)) // true
 */
export function writeCacheFile(path: string, text: string | Uint8Array | readonly Uint8Array[]): boolean {
  try {
    writeFileAtomic(path, text);
    return true;
  } catch {
    return false;
  }
}

/** Most buffers one writev takes (IOV_MAX is 1,024 on Linux). */
const PARTS_PER_WRITE = 1024;

function writeParts(path: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(path, "w");
  try {
    for (let i = 0; i < parts.length; i += PARTS_PER_WRITE) {
      const batch = parts.slice(i, i + PARTS_PER_WRITE);
      const total = batch.reduce((sum, part) => sum + part.length, 0);
      let written = writevSync(fd, batch);
      if (written === total) continue;
      // A short write (rare, on some file systems) goes on from where it stopped.
      const whole = Buffer.concat(batch);
      while (written < total) written += writeSync(fd, whole, written, total - written);
    }
  } finally {
    closeSync(fd);
  }
}
