/**
 * Writing a file so that a reader (or a build running at the same time) sees the old text or
 * the new, never half of it: a temporary file beside the target, then a rename.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes `text` to `path` atomically, creating its folder; the temporary name starts with a
 * dot, so an archive scan running meanwhile ignores it.
 * @example writeFileAtomic("content/2023/02/18/a.md", "---\n…")
 */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(temp, text);
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
export function writeCacheFile(path: string, text: string | Uint8Array): boolean {
  try {
    writeFileAtomic(path, text);
    return true;
  } catch {
    return false;
  }
}
