/**
 * `gazette check`: validate the archive and report every problem, writing nothing.
 */
import { loadArchive, SKIP_REASONS, type SkippedFile } from "../content/load-archive.ts";
import { hasErrors } from "../issues/content-issue.ts";
import { defineCommand } from "./command.ts";
import { failed, reportIssues } from "./report-issues.ts";
import { CONTENT, DRAFTS, QUIET, STRICT } from "./shared-options.ts";
import { strictIssues } from "../build/render-pass.ts";
import { EXIT } from "./usage.ts";

/** The `check` command. */
export const checkCommand = defineCommand({
  name: "check",
  summary: "Validate every article and report every problem, writing nothing",
  description: "Validates site.yml and every article and reports every problem in every file, without writing anything.",
  options: { content: CONTENT, drafts: DRAFTS, strict: STRICT, quiet: QUIET },
  async run({ values }) {
    const loaded = await loadArchive(values.content, { drafts: values.drafts });
    const { filesRead, skipped } = loaded;
    const issues = values.strict ? strictIssues(loaded.issues) : loaded.issues;
    reportIssues(issues, values.content);
    if (hasErrors(issues)) return failed(issues);
    if (!values.quiet) process.stdout.write(`gazette: ${filesRead} articles checked, ${describeSkipped(skipped)}, no errors.\n`);
    return EXIT.ok;
  },
});

/**
 * What was passed over and why, for the closing line.
 * @example describeSkipped([{ file: "notes.txt", reason: "not Markdown" }]) // "1 file skipped (1 not Markdown: notes.txt)"
 */
export function describeSkipped(skipped: readonly SkippedFile[]): string {
  if (!skipped.length) return "0 files skipped";
  const byReason = new Map<string, string[]>(SKIP_REASONS.map((reason) => [reason, []]));
  for (const { file, reason } of skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), file]);
  const parts = [...byReason].filter(([, files]) => files.length).map(([reason, files]) => `${files.length} ${reason}: ${files.slice(0, 5).join(", ")}${files.length > 5 ? ", …" : ""}`);
  return `${skipped.length} file${skipped.length === 1 ? "" : "s"} skipped (${parts.join(", ")})`;
}
