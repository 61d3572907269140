/**
 * `gazette import wordpress`: a WXR export, streamed, becomes articles. Published posts are
 * articles and drafts and pending posts `draft: true`; pages, attachments, menu items and
 * other kinds are skipped and counted. Categories become sections nested by their parents.
 */
import { DateTime } from "luxon";
import { articleUrl } from "../archive/permalinks.ts";
import { isoDateTime, readDate } from "../content/dates.ts";
import { slugFromFileName } from "../content/slugs.ts";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { SectionDeclaration } from "../model.ts";
import { articlePath, slugField } from "./article-path.ts";
import { articleText } from "./front-matter-writer.ts";
import { htmlToMarkdown } from "./html-to-markdown.ts";
import type { ImportPlan, PlannedArticle, SkippedItem } from "./import-plan.ts";
import type { Planned } from "./run-import.ts";
import { captionsToFigures, findShortcodes } from "./shortcodes.ts";
import { targetSite, type TargetSite } from "./site-file.ts";
import { headlineSlug } from "./wire-copy.ts";
import { wpautop } from "./wpautop.ts";
import { readWxr, WxrError, type WxrChannel, type WxrItem } from "./wxr-reader.ts";

const MAPPING = [
  "post_date_gmt → date (shown in the site's zone; post_date, read in that zone, for drafts without one)",
  "title → title; post_name → slug (the file name); excerpt → summary (HTML removed)",
  "first category → section (nested by its parents, e.g. news/county-council); further categories and tags → tags",
  "dc:creator → authors (the author's display name)",
  "status publish → published; draft, pending, future → draft: true; private, trash → skipped",
  "content → Markdown (wpautop paragraphs, [caption] → image with its caption, other shortcodes kept as text)",
  "link → aliases, when the old path differs from the new URL (recorded for the redirects feature)",
  "post_type page, attachment, nav_menu_item and others → skipped; comments, post meta, guid, menu order → dropped",
];

const SKIPPED_TYPES: Record<string, string> = { page: "a page", attachment: "an attachment", nav_menu_item: "a menu item", revision: "a revision" };
const DRAFT_STATUSES = new Set(["draft", "pending", "future", "auto-draft"]);

/**
 * Reads the export at `source` and plans its articles for the content folder.
 * @example await planWordpress("export.xml", "content", "Europe/Berlin")
 */
export async function planWordpress(source: string, content: string, timeZone: string | undefined): Promise<Planned> {
  const articles: PlannedArticle[] = [];
  const skipped: SkippedItem[] = [];
  const issues: ContentIssue[] = [];
  const sections = new Map<string, string>();
  let target: TargetSite | undefined;
  let channel: WxrChannel | undefined;
  try {
    await readWxr(
      source,
      (found) => {
        channel = found;
        const result = targetSite(content, { title: found.title, url: found.link, language: found.language, timeZone });
        issues.push(...result.issues);
        target = result.target;
      },
      (item) => {
        if (!target || !channel) return;
        const converted = convertItem(item, channel, target.site.timeZone, source, issues, sections);
        if ("reason" in converted) skipped.push(converted);
        else articles.push(converted);
      },
    );
  } catch (error) {
    if (!(error instanceof WxrError)) throw error;
    return { issues: [contentIssue("import-export-invalid", { file: source, line: error.line, column: error.column }, `The export cannot be read: ${error.message}.`)] };
  }
  const declarations: SectionDeclaration[] = [...sections].map(([id, title]) => ({ id, title }));
  const plan: ImportPlan = { kind: "wordpress", articles, skipped, mapping: MAPPING, sections: declarations, issues: [] };
  return { plan, target, issues };
}

function convertItem(item: WxrItem, channel: WxrChannel, zone: string, file: string, issues: ContentIssue[], sections: Map<string, string>): PlannedArticle | SkippedItem {
  const label = `${item.type || "item"} ${item.id} "${item.title.trim()}"`;
  if (item.type !== "post") return { source: label, reason: SKIPPED_TYPES[item.type] ?? `a ${item.type || "item of no type"}` };
  if (!DRAFT_STATUSES.has(item.status) && item.status !== "publish") return { source: label, reason: `status ${item.status || "none"}` };
  const date = postDate(item, zone);
  if (!date) {
    issues.push(contentIssue("import-date-invalid", { file, field: `${label} post_date_gmt` }, `${label} has no usable date (post_date_gmt "${item.dateGmt}", post_date "${item.date}").`));
    return { source: label, reason: "no usable date" };
  }
  const categories = item.terms.filter((t) => t.domain === "category");
  const section = categories.length ? sectionOf(categories[0].nicename, channel, sections, categories[0].name) : addSection(sections, "uncategorized", "Uncategorized");
  const tags = [...categories.slice(1).map((t) => t.name), ...item.terms.filter((t) => t.domain === "post_tag").map((t) => t.name)].filter(Boolean);
  const slug = slugFromFileName(safeDecode(item.name)) || headlineSlug(item.title) || `post-${item.id}`;
  const url = articleUrl(date, slug);
  const oldPath = oldPathOf(item.link);
  const withCaptions = captionsToFigures(item.content);
  for (const shortcode of findShortcodes(withCaptions)) {
    issues.push(contentIssue("import-markup-kept", { file }, `${label}: the shortcode ${shortcode.text} was kept as text.`));
  }
  const fields = {
    title: item.title.trim(),
    date: isoDateTime(date),
    section,
    slug: slugField(slug),
    summary: plainText(item.excerpt) || undefined,
    authors: item.creator.trim() ? [channel.authors.get(item.creator.trim()) ?? item.creator.trim()] : [],
    tags: [...new Set(tags)],
    draft: item.status !== "publish",
    aliases: oldPath && oldPath !== url && item.status === "publish" ? [oldPath] : [],
  };
  return { source: label, path: articlePath(date, slug), text: articleText(fields, htmlToMarkdown(wpautop(withCaptions))) };
}

function postDate(item: WxrItem, zone: string): DateTime | undefined {
  const gmt = item.dateGmt.trim();
  if (gmt && !gmt.startsWith("0000")) {
    const utc = DateTime.fromSQL(gmt, { zone: "utc" });
    return utc.isValid ? utc.setZone(zone) : undefined;
  }
  const local = readDate(item.date.trim().replace(" ", "T"), zone);
  return local.ok ? local.value : undefined;
}

/** The section id of a category: its nicename below its parents' (`news/county-council`). */
function sectionOf(nicename: string, channel: WxrChannel, sections: Map<string, string>, name: string): string {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let at: string | undefined = nicename; at && !seen.has(at); at = channel.categories.get(at)?.parent) {
    seen.add(at);
    chain.unshift(at);
  }
  const ids = chain.map(sectionWord);
  ids.forEach((_, i) => addSection(sections, ids.slice(0, i + 1).join("/"), channel.categories.get(chain[i])?.name ?? (i === ids.length - 1 ? name : chain[i])));
  return ids.join("/");
}

function addSection(sections: Map<string, string>, id: string, title: string): string {
  if (!sections.has(id)) sections.set(id, decodeEntities(title).trim() || id);
  return id;
}

/**
 * One word of a section id from a category's nicename: lowercase, `-` between, starting with a letter.
 * @example sectionWord("county-council") // "county-council"
 */
export function sectionWord(nicename: string): string {
  const word = slugFromFileName(safeDecode(nicename)).replace(/[._]+/g, "-").replace(/^-+|-+$/g, "");
  return /^[a-z]/.test(word) ? word : `c-${word || "x"}`;
}

function oldPathOf(link: string): string | undefined {
  try {
    const url = new URL(link.trim());
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

function plainText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return named[name.toLowerCase()] ?? whole;
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.trim());
  } catch {
    return text.trim();
  }
}
