/**
 * Errors are data: every problem found in an archive is one ContentIssue, so that all of them
 * can be collected across all files and reported together.
 */
import { CATALOGUE, type IssueCode } from "./catalogue.ts";
import { printable } from "../content/text-checks.ts";

/** One problem in the content, located as precisely as the input allows. */
export interface ContentIssue {
  code: IssueCode;
  severity: "error" | "warning";
  /** Path relative to the content folder (or as given), forward slashes. */
  file: string;
  /** 1-based line, when it can be found. */
  line?: number;
  /** 1-based column, when it can be found. */
  column?: number;
  /** Front-matter or site.yml field, e.g. `updates[1].at`. */
  field?: string;
  message: string;
  expected?: string;
  hint?: string;
}

/** Where an issue sits in a file. */
export interface IssueLocation {
  file: string;
  line?: number;
  column?: number;
  field?: string;
}

/**
 * Builds an issue from the catalogue entry for `code`; `message` says what happened in this file.
 * @example contentIssue("title-missing", { file: "a.md", line: 1 }, "The article has no title.")
 */
export function contentIssue(
  code: IssueCode,
  where: IssueLocation,
  message: string,
  extra: { expected?: string; hint?: string } = {},
): ContentIssue {
  const entry = CATALOGUE[code];
  // Messages and field names quote the file's own text, which may hold control characters.
  return {
    code,
    severity: entry.severity,
    ...where,
    ...(where.field === undefined ? {} : { field: printable(where.field) }),
    message: printable(message),
    expected: extra.expected ?? entry.expected,
    hint: extra.hint ?? entry.hint,
  };
}

/**
 * Formats an issue as `path:line:column  error  code  message`, then the expectation and hint.
 * @example formatIssue(issue) // "content/a.md:3:1  error  date-invalid  ..."
 */
export function formatIssue(issue: ContentIssue, root = ""): string {
  const path = root ? `${root.replace(/\/+$/, "")}/${issue.file}` : issue.file;
  const position = issue.line ? `:${issue.line}:${issue.column ?? 1}` : "";
  const field = issue.field ? ` (${issue.field})` : "";
  const lines = [`${path}${position}  ${issue.severity}  ${issue.code}  ${issue.message}${field}`];
  if (issue.expected) lines.push(`    expected: ${issue.expected}`);
  if (issue.hint) lines.push(`    hint: ${issue.hint}`);
  return lines.join("\n");
}

/**
 * Orders issues by file, then position, so reports are stable.
 * @example sortIssues([b, a]) // [a, b]
 */
export function sortIssues(issues: ContentIssue[]): ContentIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** True when any issue is an error (warnings alone do not fail a build). */
export function hasErrors(issues: ContentIssue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}
