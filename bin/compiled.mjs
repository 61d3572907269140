// Whether the JavaScript compiled into dist/ is current: its stamp (written by
// scripts/compile.mjs after a successful compile) is at least as new as every TypeScript
// source. A few hundred stat calls, a few milliseconds: far less than transpiling.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newestSource(dir, newest = 0) {
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else if (/\.(ts|mts|mjs|js)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * True when `root`/dist was compiled after the last change to src/, layouts/ and .eleventy.ts.
 * @example compiledIsCurrent("/path/to/gazette") // true right after `npm run compile`
 */
export function compiledIsCurrent(root) {
  const stamp = join(root, "dist", ".compiled");
  if (!existsSync(stamp)) return false;
  const eleventyConfig = join(root, ".eleventy.ts");
  const newest = Math.max(newestSource(join(root, "src")), newestSource(join(root, "layouts")), existsSync(eleventyConfig) ? statSync(eleventyConfig).mtimeMs : 0);
  return newest <= statSync(stamp).mtimeMs;
}
