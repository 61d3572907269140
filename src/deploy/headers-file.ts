/**
 * The `_headers` file of Netlify and Cloudflare Pages: a path pattern on a line of its own,
 * then indented `Name: value` lines. Written by the build, read back by `gazette preview` so
 * the preview sends what the host will.
 */
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import { compilePattern, type PathPattern } from "./path-pattern.ts";

/** One rule: the headers for every path the pattern matches. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
  /** Headers an earlier matching rule set that this rule removes (`! Name`, Cloudflare's form). */
  detach?: string[];
}

/** The file name hosts look for at the top of the published folder. */
export const HEADERS_FILE = "_headers";

/**
 * Renders rules as a `_headers` file.
 * @example renderHeaders([{ pattern: "/*", headers: [["X-Content-Type-Options", "nosniff"]] }]) // "/*\n  X-Content-Type-Options: nosniff\n"
 */
export function renderHeaders(rules: readonly HeaderRule[]): string {
  return rules
    .map((rule) => [rule.pattern, ...(rule.detach ?? []).map((name) => `  ! ${name}`), ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n"))
    .join("\n")
    .concat("\n");
}

/** A parsed `_headers` file, ready to answer requests. */
export interface HeadersTable {
  rules: (HeaderRule & { compiled: PathPattern })[];
  issues: ContentIssue[];
}

/**
 * Parses a `_headers` file; lines it cannot read become `headers-invalid` warnings with their line.
 * @example parseHeaders("/*\n  X-A: 1\n").rules[0].headers // [["X-A", "1"]]
 */
export function parseHeaders(text: string, file = HEADERS_FILE): HeadersTable {
  const rules: HeadersTable["rules"] = [];
  const issues: ContentIssue[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const where = { file, line: index + 1, column: 1 };
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith("/") && !/^https?:\/\//.test(line)) {
        issues.push(contentIssue("headers-invalid", where, `"${line.trim()}" is neither a path (starting with /) nor an indented header.`));
        return;
      }
      rules.push({ pattern: line.trim(), headers: [], detach: [], compiled: compilePattern(line.trim()) });
      return;
    }
    const rule = rules.at(-1);
    const detach = /^\s+!\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*$/.exec(line);
    const header = /^\s+([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*?)\s*$/.exec(line);
    if (!rule) issues.push(contentIssue("headers-invalid", where, "A header comes before any path."));
    else if (detach) rule.detach!.push(detach[1]);
    else if (header) rule.headers.push([header[1], header[2]]);
    else issues.push(contentIssue("headers-invalid", where, `"${line.trim()}" is not a "Name: value" header.`));
  });
  return { rules, issues };
}

/**
 * The headers for a request path: every matching rule applies in order, a header set twice is
 * joined with a comma (as Cloudflare Pages does) and `! Name` removes an earlier one.
 * @example headersFor(parseHeaders("/*\n  X-A: 1\n"), "/x/") // { "x-a": "1" }
 */
export function headersFor(table: HeadersTable, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of table.rules) {
    if (!rule.compiled.match(path)) continue;
    for (const name of rule.detach ?? []) delete out[name.toLowerCase()];
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}
