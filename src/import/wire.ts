/**
 * `gazette import wire`: every piece of copy in a file or folder becomes an article, with its
 * section words mapped through `--section-map` or site.yml's `sectionMap`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readDate } from "../content/dates.ts";
import { slugFromFileName } from "../content/slugs.ts";
import type { ContentIssue } from "../issues/content-issue.ts";
import { articlePath, slugField } from "./article-path.ts";
import { articleText } from "./front-matter-writer.ts";
import type { ImportPlan, PlannedArticle } from "./import-plan.ts";
import { titleFromId, type TargetSite } from "./site-file.ts";
import { SECTION_ID } from "../archive/sections.ts";
import { parseWireCopy } from "./wire-copy.ts";

const MAPPING = [
  "date line: date → date (a day, read in the site's zone); section words → section (through --section-map or sectionMap)",
  "paragraphs before the headline → summary",
  "\"Update from <weekday>, <month> <day>, <time>:\" paragraphs → updates (at in the site's zone, label dropped); \"Correction from …\" → kind: correction",
  "first short line without a closing full stop → title; slug from it",
  "leading \"CITY –\" of the first paragraph → dateline",
  "other short lines → ## subheads; other paragraphs → Markdown paragraphs (Markdown characters escaped)",
  "trailing initials \"(tt)\" → authors",
];

/**
 * Section words to id, case and spacing ignored: the command line's pairs win over site.yml's.
 * @example sectionMapper(["Home page politics=politics"], {}, new Set(["politics"]))("home page  politics") // "politics"
 */
export function sectionMapper(pairs: readonly string[], fromSite: unknown, declared: ReadonlySet<string>): (words: string) => string | undefined {
  const key = (words: string) => words.trim().replace(/\s+/g, " ").toLowerCase();
  const map = new Map<string, string>();
  if (fromSite && typeof fromSite === "object" && !Array.isArray(fromSite)) {
    for (const [words, id] of Object.entries(fromSite)) if (typeof id === "string") map.set(key(words), id);
  }
  for (const pair of pairs) {
    const at = pair.lastIndexOf("=");
    if (at > 0) map.set(key(pair.slice(0, at)), pair.slice(at + 1).trim());
  }
  return (words) => {
    const mapped = map.get(key(words))?.replace(/^\/+|\/+$/g, "");
    if (mapped) return SECTION_ID.test(mapped) ? mapped : undefined;
    const guess = slugFromFileName(words);
    return declared.has(guess) ? guess : undefined;
  };
}

/**
 * The wire-copy files of `source`: the file itself, or every `.txt` below the folder, sorted.
 * @example wireFiles("wire/") // ["wire/a.txt", "wire/b.txt"]
 */
export function wireFiles(source: string): string[] {
  if (!statSync(source).isDirectory()) return [source];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.txt$/i.test(entry.name)) found.push(path);
    }
  };
  walk(source);
  return found;
}

/**
 * Converts the copy in `source` for `target`.
 * @example planWire("wire/", target, ["Home page politics=politics"]).articles.length // 2
 */
export function planWire(source: string, target: TargetSite, sectionMap: readonly string[]): ImportPlan {
  const declared = new Set(target.site.sections.map((s) => s.id));
  const sectionFor = sectionMapper(sectionMap, target.raw.sectionMap, declared);
  const articles: PlannedArticle[] = [];
  const issues: ContentIssue[] = [];
  const skipped = [];
  for (const path of wireFiles(source)) {
    const label = relative(process.cwd(), path) || path;
    const text = readFileSync(path, "utf8");
    if (!text.trim()) {
      skipped.push({ source: label, reason: "empty file" });
      continue;
    }
    const result = parseWireCopy(text, label, { timeZone: target.site.timeZone, sectionFor });
    issues.push(...result.issues);
    if (!result.article) continue;
    const { fields, body, slug } = result.article;
    const date = readDate(fields.date, target.site.timeZone);
    if (!date.ok) continue;
    articles.push({ source: label, path: articlePath(date.value, slug), text: articleText({ ...fields, slug: slugField(slug) }, body) });
  }
  const used = [...new Set(articles.map((a) => /\nsection: (.*)\n/.exec(a.text)?.[1] ?? ""))].filter(Boolean);
  return { kind: "wire", articles, skipped, mapping: MAPPING, sections: used.map((id) => ({ id, title: titleFromId(id) })), issues };
}
