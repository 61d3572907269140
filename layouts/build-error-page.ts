/**
 * The page `gazette serve` shows in place of every page while the archive has errors: each
 * problem with its file, line, column, code, what was expected and the hint, exactly as the
 * terminal prints it. Self-contained (the site's stylesheet may not exist yet) and never
 * written to the output folder; the dev server's reload client replaces it with the site as
 * soon as a rebuild succeeds.
 */
import type { ContentIssue } from "../src/issues/content-issue.ts";
import { html } from "./html.ts";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#1a1a1a}
main{max-width:56rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;color:#a50e0e}ol{padding-left:1.25rem}li{margin:0 0 1.25rem}
code{font:0.95em ui-monospace,monospace;overflow-wrap:anywhere}.where{font-weight:600}
.severity{display:inline-block;padding:0 .4em;border-radius:3px;background:#a50e0e;color:#fff;font-size:.85em}
.severity--warning{background:#6b4e00}dd{margin:0 0 0 1.5rem}dt{font-weight:600}
@media (prefers-color-scheme:dark){body{background:#161616;color:#eee}h1{color:#ff8a80}}`;

/**
 * Renders the error page for the issues of a failed rebuild (errors first, then warnings).
 * @example buildErrorPage([issue], "content") // "<!doctype html>…content/a.md:3:1…"
 */
export function buildErrorPage(issues: readonly ContentIssue[], root: string): string {
  const shown = [...issues].sort((a, b) => Number(a.severity === "warning") - Number(b.severity === "warning"));
  const errors = issues.filter((i) => i.severity === "error").length;
  const path = (issue: ContentIssue) => `${root.replace(/\/+$/, "")}/${issue.file}${issue.line ? `:${issue.line}:${issue.column ?? 1}` : ""}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Build failed: ${errors} error${errors === 1 ? "" : "s"} – gazette serve</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>The archive has ${errors} error${errors === 1 ? "" : "s"}</h1>
<p>Nothing was rebuilt. Fix the file${errors === 1 ? "" : "s"} below and save: this page reloads by itself.</p>
<ol>
${shown.map((issue) => html`<li>
<p><code class="where">${path(issue)}</code> <span class="severity severity--${issue.severity}">${issue.severity}</span> <code>${issue.code}</code></p>
<p>${issue.message}${issue.field ? html` (<code>${issue.field}</code>)` : ""}</p>
${issue.expected || issue.hint ? html`<dl>${issue.expected ? html`<dt>Expected</dt><dd>${issue.expected}</dd>` : ""}${issue.hint ? html`<dt>Hint</dt><dd>${issue.hint}</dd>` : ""}</dl>` : ""}
</li>`)}
</ol>
</main>
</body>
</html>
`.value;
}
