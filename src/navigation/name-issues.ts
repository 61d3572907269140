/**
 * The index-time check of tags and bylines: two different names that would share one topic or
 * author page, and names that make no URL at all, are errors naming the files.
 */
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import { nameCollisions } from "./name-groups.ts";

/** What the check needs of an article. */
export interface NamedArticle {
  file: string;
  tags: readonly string[];
  authors: readonly string[];
}

const quote = (spellings: readonly string[]) => spellings.map((s) => `"${s}"`).join(" / ");
const list = (files: readonly string[]) => (files.length > 3 ? `${files.slice(0, 3).join(", ")} and ${files.length - 3} more` : files.join(", "));

/**
 * One issue per file that uses a name colliding with another name's slug (naming the other
 * name's files), and one per name with an empty slug.
 * @example nameIssues([{ file: "a.md", tags: ["C++"], authors: [] }, { file: "b.md", tags: ["C"], authors: [] }]).map((i) => i.code) // ["tag-slug-collision", "tag-slug-collision"]
 */
export function nameIssues(articles: readonly NamedArticle[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const field of ["tags", "authors"] as const) {
    const code = field === "tags" ? "tag-slug-collision" : "author-slug-collision";
    const base = field === "tags" ? "/topics/" : "/authors/";
    const { collisions, empty } = nameCollisions(articles.map((a) => ({ file: a.file, names: a[field] })));
    for (const { slug, names } of collisions) {
      names.forEach((name, i) => {
        const others = names.filter((_, j) => j !== i).map((o) => `${quote(o.spellings)} in ${list(o.files)}`).join("; ");
        for (const file of name.files) {
          issues.push(contentIssue(code, { file, field }, `${field === "tags" ? "The tag" : "The author"} ${quote(name.spellings)} would have the page ${base}${slug}/, as would ${others}.`));
        }
      });
    }
    for (const { file, name } of empty) {
      issues.push(contentIssue("name-slug-empty", { file, field }, `${field === "tags" ? "The tag" : "The author"} "${name}" has no letters or digits to make its page's URL from.`));
    }
  }
  return issues;
}
