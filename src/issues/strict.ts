/**
 * `--strict`: suspicious input fails the run. Every warning is reported, and counted, as an error.
 */
import type { ContentIssue } from "./content-issue.ts";

/**
 * The issues with every warning made an error (`--strict`); unchanged when `strict` is false.
 * @example promoteWarnings([{ ...issue, severity: "warning" }], true)[0].severity // "error"
 */
export function promoteWarnings(issues: readonly ContentIssue[], strict: boolean): ContentIssue[] {
  return strict ? issues.map((issue) => (issue.severity === "warning" ? { ...issue, severity: "error" } : issue)) : [...issues];
}
