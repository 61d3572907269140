/**
 * Converting one post of a static site generator (Jekyll, Hugo) once its source has been
 * read: the fields both share, mapped into Gazette's front matter; what is left is reported.
 */
import { readFileSync } from "node:fs";
import { articleUrl } from "../archive/permalinks.ts";
import { isoDateTime } from "../content/dates.ts";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import { articlePath, slugField } from "./article-path.ts";
import { articleText, type UpdateFields } from "./front-matter-writer.ts";
import { htmlToMarkdown } from "./html-to-markdown.ts";
import type { PlannedArticle } from "./import-plan.ts";
import { listField, readSourcePost, sourceDate, type SourcePost } from "./source-front-matter.ts";
import { titleFromId } from "./site-file.ts";

/** What the generator-specific reader found for one post. */
export interface StaticPost {
  /** Path of the source file, for messages. */
  file: string;
  data: Record<string, unknown>;
  body: string;
  /** True when the body is HTML (a Jekyll `.html` post). */
  html: boolean;
  section: string;
  slug: string;
  /** The date when the front matter gives none (Jekyll's file name). */
  fallbackDate?: string;
  /** The post's URL on the old site. */
  oldUrl?: string;
  /** Tags beyond the post's own `tags` (Hugo's categories). */
  extraTags: string[];
  /** The front-matter keys the reader has already used (section, slug …). */
  used: string[];
  /** Key of the "last modified" field (`last_modified_at`, `lastmod`) and of the old paths (`redirect_from`, `aliases`). */
  modifiedKey: string;
  aliasesKey: string;
}

/** Front-matter keys every static post maps; others are dropped and counted. */
const MAPPED = ["title", "date", "tags", "tag", "author", "authors", "excerpt", "description", "summary", "published", "draft", "permalink", "url"];
/** The note an update gets when only the time of a revision is known. */
export const REVISED_TEXT = "The article was revised.";

/**
 * Converts a post; problems are added to `issues`, keys dropped to `dropped` (key → count).
 * @example convertStaticPost(post, "Europe/Berlin", issues, dropped)?.path // "2023/02/18/a.md"
 */
export function convertStaticPost(post: StaticPost, zone: string, issues: ContentIssue[], dropped: Map<string, number>): PlannedArticle | undefined {
  const { data, file } = post;
  const rawDate = data.date ?? post.fallbackDate;
  const read = sourceDate(rawDate, zone);
  if (!read) {
    issues.push(contentIssue("import-date-invalid", { file, field: "date" }, `The date ${JSON.stringify(rawDate ?? null)} cannot be read in ${zone}.`));
    return undefined;
  }
  const updates: UpdateFields[] = [];
  const modified = data[post.modifiedKey] === undefined ? undefined : sourceDate(data[post.modifiedKey], zone);
  if (data[post.modifiedKey] !== undefined && !modified) {
    issues.push(contentIssue("import-date-invalid", { file, field: post.modifiedKey }, `The ${post.modifiedKey} ${JSON.stringify(data[post.modifiedKey])} cannot be read in ${zone}.`));
    return undefined;
  }
  if (modified && modified.date > read.date) updates.push({ at: isoDateTime(modified.date), text: REVISED_TEXT });
  const url = articleUrl(read.date, post.slug);
  const oldPaths = [...listField(data[post.aliasesKey], false), ...listField(data.permalink ?? data.url, false), ...(post.oldUrl ? [post.oldUrl] : [])];
  const aliases = [...new Set(oldPaths.map((p) => (p.startsWith("/") ? p : `/${p}`)))].filter((p) => p !== url);
  for (const key of Object.keys(data)) {
    if (!MAPPED.includes(key) && !post.used.includes(key) && key !== post.modifiedKey && key !== post.aliasesKey) dropped.set(key, (dropped.get(key) ?? 0) + 1);
  }
  const body = post.html ? htmlToMarkdown(post.body) : post.body.trim();
  for (const tag of body.match(/\{%[\s\S]*?%\}|\{\{[<%][\s\S]*?[>%]\}\}/g) ?? []) {
    issues.push(contentIssue("import-markup-kept", { file }, `The template tag ${tag.length > 60 ? `${tag.slice(0, 57)}…` : tag} was kept as text.`));
  }
  const title = typeof data.title === "string" ? data.title.trim() : "";
  const fields = {
    title: title || post.slug.replace(/-/g, " "),
    date: read.hasTime ? isoDateTime(read.date) : read.date.toFormat("yyyy-MM-dd"),
    section: post.section,
    slug: slugField(post.slug),
    summary: firstText(data.summary, data.excerpt, data.description),
    authors: listField(data.authors ?? data.author, false),
    tags: [...new Set([...listField(data.tags ?? data.tag), ...post.extraTags])],
    draft: data.published === false || data.draft === true,
    updates,
    aliases,
  };
  return { source: file, path: articlePath(read.date, post.slug), text: articleText(fields, body) };
}

function firstText(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === "string" && value.trim()) return value.replace(/\s+/g, " ").trim();
  return undefined;
}

/**
 * The mapping lines for dropped keys: `layout: dropped (3 posts)`.
 * @example droppedLines(new Map([["layout", 3]])) // ["layout: dropped (3 posts)"]
 */
export function droppedLines(dropped: ReadonlyMap<string, number>): string[] {
  return [...dropped].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, n]) => `${key}: dropped (${n} post${n === 1 ? "" : "s"})`);
}

/**
 * Reads the post at `path` (shown as `file`); a front matter that cannot be read is added to
 * `issues` as `import-front-matter-invalid` and gives undefined.
 * @example readPostOrReport("site/_posts/2023-02-18-a.md", "_posts/2023-02-18-a.md", issues)?.data.title
 */
export function readPostOrReport(path: string, file: string, issues: ContentIssue[]): SourcePost | undefined {
  const post = readSourcePost(readFileSync(path, "utf8"));
  if (!post.error) return post;
  issues.push(contentIssue("import-front-matter-invalid", { file, line: post.error.line, column: post.error.column }, `The front matter cannot be read: ${post.error.message}.`));
  return undefined;
}

/**
 * Declares the section `ids.join("/")` and each of its ancestors, titled from their ids.
 * @example declareLineage(sections, ["news", "county"]) // sets "news" → "News", "news/county" → "County"
 */
export function declareLineage(sections: Map<string, string>, ids: readonly string[]): void {
  ids.forEach((id, i) => sections.set(ids.slice(0, i + 1).join("/"), titleFromId(id)));
}
