/**
 * Putting a build's files into the output folder without ever leaving it half-written: a cold
 * build's staging folder replaces the output in one rename; a warm build moves each new file
 * into place with a rename (atomic per file) and then removes pages that no longer exist.
 */
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";

/**
 * A fresh staging folder beside `out` (on the same file system, so renames are atomic).
 * @example stagingFolder("/srv/_site") // "/srv/._site.staging-1234"
 */
export function stagingFolder(out: string): string {
  const staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return staging;
}

/**
 * Replaces `out` with `staging` as a whole.
 * @example swapInto("/srv/._site.staging-1", "/srv/_site")
 */
export function swapInto(staging: string, out: string): void {
  const previous = join(dirname(out), `.${basename(out)}.previous-${process.pid}`);
  const exists = statSync(out, { throwIfNoEntry: false }) !== undefined;
  if (exists) renameSync(out, previous);
  renameSync(staging, out);
  if (exists) rmSync(previous, { recursive: true, force: true });
}

/**
 * Moves every file of `staging` to the same place in `out`, then removes `staging`.
 * @example mergeInto("/srv/._site.staging-1", "/srv/_site")
 */
export function mergeInto(staging: string, out: string): void {
  const made = new Set<string>();
  for (const file of filesBelow(staging)) {
    const target = join(out, file);
    const dir = dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    renameSync(join(staging, file), target);
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Deletes files (relative to `out`) and then any folders they leave empty, so the folder
 * looks exactly as a cold build would have left it.
 * @example removeOutputs("/srv/_site", ["2023/02/18/old/index.html"])
 */
export function removeOutputs(out: string, files: readonly string[]): void {
  for (const file of files) {
    rmSync(join(out, file), { force: true });
    let dir = dirname(join(out, file));
    while (dir.startsWith(out + sep) && readdirSync(dir).length === 0) {
      rmdirSync(dir);
      dir = dirname(dir);
    }
  }
}

/**
 * Every file below `root`, relative to it with `/` separators, sorted.
 * @example filesBelow("_site") // ["404.html", "assets/gazette.css", …]
 */
export function filesBelow(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(root);
  return found.sort();
}
