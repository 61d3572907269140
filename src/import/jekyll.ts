/**
 * `gazette import jekyll DIR`: the posts in `DIR/_posts/` (`YYYY-MM-DD-slug.md`, `.markdown`
 * or `.html`) become articles; categories give the section (`news county-council` →
 * `news/county-council`), `last_modified_at` an update, `redirect_from` and the old permalink aliases.
 */
import { join } from "node:path";
import { slugFromFileName } from "../content/slugs.ts";
import type { ContentIssue } from "../issues/content-issue.ts";
import type { ImportPlan, PlannedArticle, SkippedItem } from "./import-plan.ts";
import type { Planned } from "./run-import.ts";
import { targetSite } from "./site-file.ts";
import { listField } from "./source-front-matter.ts";
import { filesBelow, readConfig, siteFacts } from "./static-site.ts";
import { convertStaticPost, declareLineage, droppedLines, readPostOrReport, REVISED_TEXT } from "./static-post.ts";
import { sectionWord } from "./wordpress.ts";

const POST_NAME = /^(?:.*\/)?(\d{4}-\d{2}-\d{2})-(.+)\.(md|markdown|html)$/i;

const MAPPING = [
  "file name YYYY-MM-DD-slug → date (when the front matter has none) and slug; date → date (read in the site's zone)",
  "categories (or category) → section, nested in order (news county-council → news/county-council); none → uncategorized",
  "title → title; tags → tags; author(s) → authors; excerpt or description → summary; published: false → draft: true",
  `last_modified_at → an update ("${REVISED_TEXT}") at that time`,
  "redirect_from, permalink and the old URL (/categories/YYYY/MM/DD/slug.html) → aliases (recorded for the redirects feature)",
  "Markdown body kept as written (.html posts converted to Markdown); Liquid tags kept as text and reported",
];

/**
 * Plans the import of the Jekyll site in `dir`.
 * @example planJekyll("blog", "content", undefined)
 */
export function planJekyll(dir: string, content: string, timeZone: string | undefined): Planned {
  const config = readConfig(dir, ["_config.yml", "_config.yaml"]);
  const { target, issues } = targetSite(content, siteFacts(config, { title: "title", url: "url", language: "lang", zone: "timezone" }, timeZone));
  if (!target) return { issues };
  const zone = target.site.timeZone;
  const articles: PlannedArticle[] = [];
  const skipped: SkippedItem[] = [];
  const problems: ContentIssue[] = [];
  const sections = new Map<string, string>();
  const dropped = new Map<string, number>();
  for (const name of filesBelow(join(dir, "_posts"))) {
    const file = `_posts/${name}`;
    const match = POST_NAME.exec(name);
    if (!match) {
      skipped.push({ source: file, reason: "not named YYYY-MM-DD-slug.md" });
      continue;
    }
    const post = readPostOrReport(join(dir, file), file, problems);
    if (!post) continue;
    const written = listField(post.data.categories ?? post.data.category);
    const categories = written.map(sectionWord);
    const section = categories.length ? categories.join("/") : "uncategorized";
    declareLineage(sections, categories);
    if (!categories.length) sections.set("uncategorized", "Uncategorized");
    const slug = typeof post.data.slug === "string" && post.data.slug.trim() ? slugFromFileName(post.data.slug) : slugFromFileName(`${match[2]}.md`);
    const oldCategories = written.map((c) => encodeURIComponent(c.toLowerCase())).join("/");
    const oldUrl = `/${oldCategories ? `${oldCategories}/` : ""}${match[1].replace(/-/g, "/")}/${match[2]}.html`;
    const converted = convertStaticPost(
      { file, data: post.data, body: post.body, html: /html$/i.test(match[3]), section, slug, fallbackDate: match[1], oldUrl, extraTags: [], used: ["categories", "category", "slug"], modifiedKey: "last_modified_at", aliasesKey: "redirect_from" },
      zone,
      problems,
      dropped,
    );
    if (converted) articles.push(converted);
  }
  const plan: ImportPlan = { kind: "jekyll", articles, skipped, mapping: [...MAPPING, ...droppedLines(dropped)], sections: [...sections].map(([id, title]) => ({ id, title })), issues: problems };
  return { plan, target, issues };
}
