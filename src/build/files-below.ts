/**
 * Listing a folder's files, for comparing and moving whole trees.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Every file below `root`, relative to it with `/` separators, sorted; top-level entries whose
 * names match `skipTop` (a build's own bookkeeping) are left out.
 * @example filesBelow("_site") // ["404.html", "assets/gazette.css", …]
 */
export function filesBelow(root: string, skipTop?: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skipTop && dir === root && skipTop.test(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(root, path).split(sep).join("/"));
    }
  };
  walk(root);
  return found.sort();
}
