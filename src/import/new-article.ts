/**
 * What `gazette new` writes: an article file for a headline, in its section, dated now (or
 * when told), at `YYYY/MM/DD/<slug>.md` with a slug no other article of the archive has.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { listArticleFiles } from "../content/load-archive.ts";
import { slugFromFileName } from "../content/slugs.ts";

/**
 * Every slug the archive's articles use: from their file names, or their explicit `slug:`.
 * @example archiveSlugs("content").has("harbour-budget") // true
 */
export function archiveSlugs(content: string): Set<string> {
  const slugs = new Set<string>();
  for (const file of listArticleFiles(content)) {
    let explicit: string | undefined;
    try {
      const head = readFileSync(join(content, file), "utf8").slice(0, 64 * 1024);
      const block = /^\uFEFF?---[^\n]*\n([\s\S]*?)\n---/.exec(head)?.[1] ?? "";
      explicit = /^slug:[ \t]*["']?([^"'\n#]*?)["']?[ \t]*$/m.exec(block)?.[1];
    } catch {
      explicit = undefined;
    }
    slugs.add(explicit || slugFromFileName(basename(file)));
  }
  return slugs;
}

/**
 * `slug`, or `slug-2`, `slug-3` … : the first that `taken` lacks.
 * @example uniqueSlug("vote", new Set(["vote", "vote-2"])) // "vote-3"
 */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}
