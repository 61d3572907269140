/**
 * How commands print content issues: every issue on standard error as
 * `path:line:column  severity  code  message`, then one closing line that counts them.
 */
import { formatIssue, type ContentIssue } from "../issues/content-issue.ts";
import { EXIT } from "./usage.ts";

/**
 * Prints every issue, located relative to `content`.
 * @example reportIssues(result.issues, "content")
 */
export function reportIssues(issues: readonly ContentIssue[], content: string): void {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue, content)}\n`);
}

/**
 * Prints the closing line of a run with errors and returns the exit code for it; with `out`,
 * says that the output folder was left as it was.
 * @example return failed(result.issues, "_site") // 1
 */
export function failed(issues: readonly ContentIssue[], out?: string): number {
  const errors = issues.filter((i) => i.severity === "error").length;
  // Files with errors: a file with only warnings is not one to fix before the run can pass.
  const files = new Set(issues.filter((i) => i.severity === "error").map((i) => i.file)).size;
  process.stderr.write(
    `gazette: ${errors} error${errors === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}; ${out ? `nothing was written, ${out} is unchanged` : "fix them and run again"}.\n`,
  );
  return EXIT.contentErrors;
}
