/**
 * `gazette import hugo DIR`: the pages in `DIR/content/` become articles; their folders give
 * the section (`content/news/county/a.md` → `news/county`), `_index.md` the section's title,
 * `lastmod` an update, `aliases` and the old URL (`/news/county/a/`) aliases. Front matter may
 * be TOML (`+++`) or YAML (`---`).
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

const MAPPING = [
  "folders below content/ → section (content/news/county/ → news/county); _index.md title → the section's title",
  "title → title; date (or publishDate) → date, read in the site's zone; slug (or the file name, or a bundle's folder) → slug",
  "tags and categories → tags; author(s) → authors; summary or description → summary; draft → draft",
  `lastmod → an update ("${REVISED_TEXT}") at that time`,
  "aliases, url and the old URL (/section/slug/) → aliases (recorded for the redirects feature)",
  "TOML (+++) or YAML (---) front matter; Markdown body kept as written; shortcodes {{< >}} kept as text and reported",
];

/**
 * Plans the import of the Hugo site in `dir`.
 * @example planHugo("site", "content", "Europe/Berlin")
 */
export function planHugo(dir: string, content: string, timeZone: string | undefined): Planned {
  const config = readConfig(dir, ["hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml"]);
  const { target, issues } = targetSite(content, siteFacts(config, { title: "title", url: "baseURL", language: "languageCode", zone: "timeZone" }, timeZone));
  if (!target) return { issues };
  const articles: PlannedArticle[] = [];
  const skipped: SkippedItem[] = [];
  const problems: ContentIssue[] = [];
  const sections = new Map<string, string>();
  const titles = new Map<string, string>();
  const dropped = new Map<string, number>();
  const root = join(dir, "content");
  for (const name of filesBelow(root)) {
    const file = `content/${name}`;
    if (!/\.(md|markdown)$/i.test(name)) {
      skipped.push({ source: file, reason: "not Markdown" });
      continue;
    }
    const post = readPostOrReport(join(root, name), file, problems);
    if (!post) continue;
    const parts = name.split("/");
    const base = parts.pop()!;
    if (/^_index\./i.test(base)) {
      if (typeof post.data.title === "string") titles.set(parts.map(sectionWord).join("/"), post.data.title.trim());
      skipped.push({ source: file, reason: "a section's list page (its title names the section)" });
      continue;
    }
    const bundle = /^index\./i.test(base);
    const folders = bundle ? parts.slice(0, -1) : parts;
    if (!folders.length) {
      skipped.push({ source: file, reason: "a page outside any section" });
      continue;
    }
    const ids = folders.map(sectionWord);
    declareLineage(sections, ids);
    const own = typeof post.data.slug === "string" && post.data.slug.trim() ? post.data.slug : bundle ? parts[parts.length - 1] : base;
    const slug = slugFromFileName(own.endsWith(".md") ? own : `${own}.md`);
    const oldUrl = `/${folders.join("/")}/${typeof post.data.slug === "string" ? post.data.slug : bundle ? parts[parts.length - 1] : base.replace(/\.(md|markdown)$/i, "")}/`;
    const data = post.data.date === undefined && post.data.publishDate !== undefined ? { ...post.data, date: post.data.publishDate } : post.data;
    const converted = convertStaticPost(
      { file, data, body: post.body, html: false, section: ids.join("/"), slug, oldUrl, extraTags: listField(post.data.categories, false), used: ["categories", "slug", "publishDate"], modifiedKey: "lastmod", aliasesKey: "aliases" },
      target.site.timeZone,
      problems,
      dropped,
    );
    if (converted) articles.push(converted);
  }
  const declared = [...sections].map(([id, title]) => ({ id, title: titles.get(id) ?? title }));
  const plan: ImportPlan = { kind: "hugo", articles, skipped, mapping: [...MAPPING, ...droppedLines(dropped)], sections: declared, issues: problems };
  return { plan, target, issues };
}
