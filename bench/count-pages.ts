/** Counting the pages a build wrote: its `index.html` files. */
import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Counts `index.html` files below `root`, leaving out those whose site-relative path (with `/`)
 * `skip` rejects. Iterative, so a deep or huge tree cannot overflow the stack.
 * @example countIndexPages("_site") // 1047
 * @example countIndexPages("public", (p) => p.endsWith("/page/1/index.html")) // without Hugo's redirects
 */
export function countIndexPages(root: string, skip?: (path: string) => boolean): number {
  let count = 0;
  const pending = [""];
  while (pending.length) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(path);
      else if (entry.name === "index.html" && !skip?.(`/${path}`)) count++;
    }
  }
  return count;
}
