/**
 * Aliases that collide: with a page the site has (an article, a tombstone, a listing page, a
 * feed) or with another alias. Each collision is an error naming both files, since either one
 * may be the mistake.
 */
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import { aliasKey } from "./alias-paths.ts";

/** An alias and the article file that declares it. */
export interface DeclaredAlias {
  alias: string;
  file: string;
  /** 1-based line of the alias in the file, when known. */
  line?: number;
}

/** A file the site writes, and what writes it: an article file, or a description such as "site.yml (section politics)". */
export interface OwnedPath {
  /** Relative to the output folder, e.g. `politics/index.html`. */
  path: string;
  owner: string;
  /** The page's URL, for the message. */
  url: string;
}

/**
 * One `alias-collision` issue per alias that names a page of the site or the same address as
 * an earlier alias (articles in file order, so the report is stable).
 * @example aliasCollisions([{ alias: "/politics/", file: "a.md" }], [{ path: "politics/index.html", owner: "site.yml (section politics)", url: "/politics/" }])[0].message
 * // "The alias /politics/ is the address of the page /politics/ of site.yml (section politics)."
 */
export function aliasCollisions(aliases: readonly DeclaredAlias[], pages: readonly OwnedPath[], withEachOther = true): ContentIssue[] {
  const owners = new Map(pages.map((page) => [page.path, page]));
  const seen = new Map<string, DeclaredAlias>();
  const issues: ContentIssue[] = [];
  const sorted = [...aliases].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  for (const declared of sorted) {
    const key = aliasKey(declared.alias);
    const where = { file: declared.file, line: declared.line ?? 1, column: 1, field: "aliases" };
    const page = owners.get(key);
    const earlier = seen.get(key);
    if (page) {
      issues.push(contentIssue("alias-collision", where, `The alias ${declared.alias} is the address of the page ${page.url} of ${page.owner}.`));
    } else if (earlier && withEachOther) {
      const same = earlier.file === declared.file;
      issues.push(contentIssue("alias-collision", where, `The alias ${declared.alias} is also an alias (${earlier.alias}) in ${same ? "this file" : earlier.file}.`));
      if (!same) {
        const there = { file: earlier.file, line: earlier.line ?? 1, column: 1, field: "aliases" };
        issues.push(contentIssue("alias-collision", there, `The alias ${earlier.alias} is also an alias (${declared.alias}) in ${declared.file}.`));
      }
    } else {
      seen.set(key, declared);
    }
  }
  return issues;
}
