/**
 * The path a built folder expects to be served under, read from what the build wrote: the
 * canonical link of its front page carries the site's url (site.yml's, or `--base-url`'s).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The base path in a front page's HTML, `""` for a site at the root, or undefined when the
 * page has no canonical link.
 * @example basePathInFrontPage('<link rel="canonical" href="https://example.org/archive/">') // "/archive"
 */
export function basePathInFrontPage(html: string): string | undefined {
  const found = /<link rel="canonical" href="([^"]+)">/.exec(html);
  if (!found) return undefined;
  try {
    return new URL(found[1].replace(/&amp;/g, "&")).pathname.replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}

/**
 * The base path of the site built into `dir` (`""` when it cannot be told).
 * @example builtBasePath("_site") // "/archive"
 */
export function builtBasePath(dir: string): string {
  try {
    return basePathInFrontPage(readFileSync(join(dir, "index.html"), "utf8")) ?? "";
  } catch {
    return "";
  }
}
