/**
 * The `_redirects` file of Netlify and Cloudflare Pages: `from to [status]` per line, with
 * splats (`*` → `:splat`) and placeholders (`:name`). `gazette preview` applies it as the host
 * would: the first matching rule wins; a 200 serves the target in place (a rewrite).
 */
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import { compilePattern, fillTarget, type PathPattern } from "./path-pattern.ts";

/** The file name hosts look for at the top of the published folder. */
export const REDIRECTS_FILE = "_redirects";

/** One redirect rule. */
export interface RedirectRule {
  from: string;
  to: string;
  status: number;
  /** `301!`: applies even when a file exists at `from` (Netlify's "force"). */
  force: boolean;
  line: number;
}

/** A parsed `_redirects` file. */
export interface RedirectsTable {
  rules: (RedirectRule & { compiled: PathPattern })[];
  issues: ContentIssue[];
}

const STATUSES = new Set([200, 301, 302, 303, 307, 308, 404, 410]);

/**
 * Parses a `_redirects` file; a line it cannot read becomes a `redirects-invalid` warning with its line.
 * @example parseRedirects("/old /new 302\n").rules[0].status // 302
 */
export function parseRedirects(text: string, file = REDIRECTS_FILE): RedirectsTable {
  const rules: RedirectsTable["rules"] = [];
  const issues: ContentIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (line === "" || line.startsWith("#")) return;
    const where = { file, line: index + 1, column: 1 };
    const [from, to, code, ...rest] = line.split(/\s+/);
    const status = /^(\d{3})!?$/.exec(code ?? "301");
    if (!from.startsWith("/") || to === undefined || !(to.startsWith("/") || /^https?:\/\//.test(to))) {
      issues.push(contentIssue("redirects-invalid", where, `"${line}" is not "FROM TO [STATUS]" with paths starting with /.`));
    } else if (!status || !STATUSES.has(Number(status[1]))) {
      issues.push(contentIssue("redirects-invalid", where, `"${code}" is not a redirect status (200, 301, 302, 303, 307, 308, 404 or 410).`));
    } else if (rest.length > 0) {
      issues.push(contentIssue("redirects-invalid", where, `"${rest.join(" ")}" after the status is not understood (conditions are not supported).`));
    } else {
      rules.push({ from, to, status: Number(status[1]), force: (code ?? "").endsWith("!"), line: index + 1, compiled: compilePattern(from) });
    }
  });
  return { rules, issues };
}

/**
 * The first rule matching `path`, with its target filled in.
 * @example matchRedirect(parseRedirects("/old/* /new/:splat 301"), "/old/a")?.location // "/new/a"
 */
export function matchRedirect(table: RedirectsTable, path: string): { rule: RedirectRule; location: string } | undefined {
  for (const rule of table.rules) {
    const values = rule.compiled.match(path);
    if (values) return { rule, location: fillTarget(rule.to, values) };
  }
  return undefined;
}
