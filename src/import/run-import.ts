/**
 * One import from start to end, whatever the source: find the target site, plan the
 * conversion, check it whole, write it, report it.
 */
import { existsSync } from "node:fs";
import { contentIssue, hasErrors, type ContentIssue } from "../issues/content-issue.ts";
import { applyPlan, type ImportOutcome, type ImportPlan } from "./import-plan.ts";
import { importReport } from "./import-report.ts";
import type { TargetSite } from "./site-file.ts";

/** A planned import and the site it is for, or the problems that stopped it. */
export interface Planned {
  plan?: ImportPlan;
  target?: TargetSite;
  issues: ContentIssue[];
}

/** The outcome of a whole import: the report to print, and every issue. */
export interface ImportRun {
  report?: string;
  outcome?: ImportOutcome;
  issues: ContentIssue[];
  ok: boolean;
}

/**
 * Runs `planner` over `source` and writes the result into `content`.
 * @example await runImport("wire.txt", "content", { force: false }, () => planned)
 */
export async function runImport(source: string, content: string, options: { force: boolean }, planner: () => Promise<Planned> | Planned): Promise<ImportRun> {
  if (!existsSync(source)) {
    return { ok: false, issues: [contentIssue("import-source-missing", { file: source }, `${source} does not exist.`)] };
  }
  const { plan, target, issues } = await planner();
  if (!plan || !target || hasErrors(issues)) return { ok: false, issues: [...issues, ...(plan?.issues ?? [])] };
  const outcome = applyPlan(content, plan, target, options);
  const ok = !hasErrors(outcome.issues);
  return { ok, outcome, issues: [...issues, ...outcome.issues], report: ok ? importReport(plan, outcome, content) : undefined };
}
