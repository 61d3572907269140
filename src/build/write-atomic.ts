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
export function writeFileAtomic(path: string, text: string): void {
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
