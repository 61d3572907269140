/**
 * The build step of the redirect rules: `_redirects` and `redirects.json` at the top of the
 * site, written only when some article has an alias. (The redirect pages are listing pages.)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Archive } from "../model.ts";
import { REDIRECTS_FILE } from "../deploy/redirects-file.ts";
import { REDIRECTS_JSON, redirects, redirectsFileText, redirectsJsonText } from "./redirects.ts";

/**
 * The files this step writes for `archive`, relative to the output folder.
 * @example redirectFilePaths(archive) // ["_redirects", "redirects.json"] when an article has an alias
 */
export function redirectFilePaths(archive: Pick<Archive, "articles" | "withdrawn">): string[] {
  return redirects(archive).length ? [REDIRECTS_FILE, REDIRECTS_JSON] : [];
}

/**
 * Writes `_redirects` and `redirects.json` for `archive` into `dir` (the staging folder).
 * @example writeRedirectFiles(archive, staging, "/archive")
 */
export function writeRedirectFiles(archive: Pick<Archive, "articles" | "withdrawn">, dir: string, basePath: string): void {
  const list = redirects(archive);
  if (!list.length) return;
  writeFileSync(join(dir, REDIRECTS_FILE), redirectsFileText(list, basePath));
  writeFileSync(join(dir, REDIRECTS_JSON), redirectsJsonText(list, basePath));
}
