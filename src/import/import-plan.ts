/**
 * What an import means to write, checked whole before anything is written: every converted
 * article is validated by the real validator against the site as it will be, and nothing is
 * written if any has an error. Existing files are never overwritten unless forced, and a file
 * that would get the bytes it already has is left alone, so a second run changes nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSectionTree } from "../archive/sections.ts";
import { validateArticle } from "../content/validate-article.ts";
import { contentIssue, hasErrors, type ContentIssue } from "../issues/content-issue.ts";
import type { SectionDeclaration } from "../model.ts";
import { missingSections, newSiteText, withSections, type TargetSite } from "./site-file.ts";
import { writeFileAtomic } from "../build/write-atomic.ts";

/** One article an import converted. */
export interface PlannedArticle {
  /** Where it came from, for the report, e.g. `post 12 "Harbour budget"` or `_posts/2023-02-18-a.md`. */
  source: string;
  /** Path of the article file, relative to the content folder. */
  path: string;
  text: string;
}

/** One item of the source that was not imported, and why. */
export interface SkippedItem {
  source: string;
  reason: string;
}

/** Everything an importer found: the articles, what it passed over, how fields map, and problems. */
export interface ImportPlan {
  /** `wire`, `wordpress`, `jekyll` or `hugo`. */
  kind: string;
  articles: PlannedArticle[];
  skipped: SkippedItem[];
  /** Lines of the field mapping: `post_date_gmt → date (shown in Europe/Berlin)`, `layout: dropped`. */
  mapping: string[];
  /** Sections the articles use, with their titles. */
  sections: SectionDeclaration[];
  issues: ContentIssue[];
}

/** What applying a plan did, file by file. */
export interface ImportOutcome {
  written: string[];
  unchanged: string[];
  /** Files that exist with other text and were kept (no --force). */
  kept: string[];
  /** Sections added to site.yml; `siteCreated` when site.yml was new. */
  sectionsAdded: SectionDeclaration[];
  siteCreated: boolean;
  issues: ContentIssue[];
}

/**
 * Validates the plan against the target site and, when it has no errors, writes it.
 * @example applyPlan("content", plan, target, { force: false }).written // ["2023/02/18/a.md"]
 */
export function applyPlan(content: string, plan: ImportPlan, target: TargetSite, options: { force: boolean }): ImportOutcome {
  const sectionsAdded = missingSections(target.site.sections, plan.sections);
  const site = { ...target.site, sections: [...target.site.sections, ...sectionsAdded] };
  const issues = [...plan.issues, ...validatePlanned(plan.articles, site)];
  const outcome: ImportOutcome = { written: [], unchanged: [], kept: [], sectionsAdded, siteCreated: target.text === undefined, issues };
  if (hasErrors(issues)) return { ...outcome, sectionsAdded: [], siteCreated: false };
  const siteText = target.text === undefined ? newSiteText(site) : withSections(target.text, sectionsAdded);
  if (siteText !== target.text) writeFileAtomic(join(content, "site.yml"), siteText);
  for (const article of plan.articles) {
    const path = join(content, article.path);
    const existing = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (existing === article.text) outcome.unchanged.push(article.path);
    else if (existing !== undefined && !options.force) outcome.kept.push(article.path);
    else {
      writeFileAtomic(path, article.text);
      outcome.written.push(article.path);
    }
  }
  return outcome;
}

function validatePlanned(articles: readonly PlannedArticle[], site: TargetSite["site"]): ContentIssue[] {
  const context = { site, sections: buildSectionTree(site.sections) };
  const issues: ContentIssue[] = [];
  const paths = new Map<string, string>();
  for (const article of articles) {
    const earlier = paths.get(article.path);
    if (earlier) {
      issues.push(contentIssue("import-result-invalid", { file: article.source }, `${article.source} would be written to ${article.path}, like ${earlier}.`, { hint: "Give one of them another slug or date in the source." }));
      continue;
    }
    paths.set(article.path, article.source);
    for (const issue of validateArticle(article.path, article.text, context).issues) {
      if (issue.severity !== "error") continue;
      issues.push(contentIssue("import-result-invalid", { file: article.source, field: issue.field }, `${article.source} would not be valid as ${article.path}: ${issue.message} (${issue.code})`));
    }
  }
  return issues;
}
