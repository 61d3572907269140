/**
 * `gazette check`: validate the archive and report every problem, writing nothing. As text
 * (`path:line:column  severity  code  message` with the expectation and hint, on standard
 * error) or, with `--format json`, as one JSON array of ContentIssue on standard output.
 */
import { SKIP_REASONS, type SkippedFile } from "../content/skip-reasons.ts";
import type { ContentIssue } from "../issues/content-issue.ts";
import { defineCommand } from "./command.ts";
import { CONTENT, DRAFTS, NOW, nowOption, QUIET, STRICT } from "./shared-options.ts";
import { EXIT, UsageError } from "./usage.ts";

/** The report formats of `check`. */
export const CHECK_FORMATS = ["text", "json"] as const;

/** The `check` command. */
export const checkCommand = defineCommand({
  name: "check",
  summary: "Validate every article and report every problem, writing nothing",
  description: "Validates site.yml and every article and reports every problem in every file, without writing anything.",
  options: {
    content: CONTENT,
    drafts: DRAFTS,
    now: NOW,
    strict: STRICT,
    format: { type: "string", value: "FORMAT", default: "text", help: "text (lines for people) or json (an array of issues for editors and CI, on standard output)" },
    quiet: QUIET,
  },
  async run({ values }) {
    // Loaded when the command runs, not when the CLI starts: every other command, and --help, skips them.
    const { loadArchive } = await import("../content/load-archive.ts");
    const { hasErrors } = await import("../issues/content-issue.ts");
    const { promoteWarnings } = await import("../issues/strict.ts");
    const { failed, reportIssues } = await import("./report-issues.ts");
    if (!(CHECK_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format must be text or json, not "${values.format}".`, "check");
    const nowMs = nowOption(values.now, "check");
    const loaded = await loadArchive(values.content, { drafts: values.drafts, ...(nowMs === undefined ? {} : { nowMs }) });
    const { filesRead, skipped } = loaded;
    const issues = promoteWarnings(loaded.issues, values.strict);
    if (values.format === "json") {
      process.stdout.write(`${issuesJson(issues)}\n`);
      return hasErrors(issues) ? EXIT.contentErrors : EXIT.ok;
    }
    reportIssues(issues, values.content);
    if (hasErrors(issues)) return failed(issues);
    const warnings = issues.length;
    if (!values.quiet) process.stdout.write(`gazette: ${filesRead} articles checked, ${describeSkipped(skipped)}, no errors${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}.\n`);
    return EXIT.ok;
  },
});

/**
 * The issues as a JSON array of ContentIssue (fields in a fixed order, absent ones left out).
 * @example issuesJson([]) // "[]"
 */
export function issuesJson(issues: readonly ContentIssue[]): string {
  const fields = ["code", "severity", "file", "line", "column", "field", "message", "expected", "hint"] as const;
  const ordered = issues.map((issue) => Object.fromEntries(fields.filter((f) => issue[f] !== undefined).map((f) => [f, issue[f]])));
  return JSON.stringify(ordered, null, 2);
}

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
