/**
 * The one configured markdown-it instance for article bodies and update notes.
 *
 * Raw HTML policy: raw HTML in Markdown is never passed through. It is escaped and shown as
 * text, so an article cannot inject scripts, styles or broken markup into the page. Links with
 * `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs are dropped by markdown-it's
 * own link validation. Typographic quotes and dashes are on, as a newspaper sets them.
 *
 * Tables: a results table is often wider than a phone. Each table stands in its own box that
 * scrolls sideways (so the page itself never does), is focusable (so a keyboard can scroll it)
 * and is labelled by its column headings (so a screen reader can name the region).
 *
 * Links and images starting with `/` are site-relative: they get the site's base path, so an
 * archive served under `/archive/` keeps working links.
 */
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { installImageRule, type ImageEnv } from "../media/markdown-images.ts";

/** Renders article Markdown to HTML. */
export interface MarkdownRenderer {
  /** A block of Markdown (a body or an update note); `env` carries the body's local images. */
  render(markdown: string, env?: ImageEnv): string;
}

/**
 * Creates the renderer. The article's headline is the page's only `h1`, so headings in bodies
 * start at `h2`: a `#` subhead is shifted down one level, and so are the ones below it.
 * @example createMarkdown().render("## Subhead") // "<h2>Subhead</h2>\n"
 * @example createMarkdown("/archive").render("[a](/politics/)") // '<p><a href="/archive/politics/">a</a></p>\n'
 */
export function createMarkdown(basePath = ""): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: true });
  const base = basePath.replace(/\/+$/, "");
  if (base) {
    md.core.ruler.push("gazette_base_path", (state) => {
      const visit = (tokens: typeof state.tokens) => {
        for (const token of tokens) {
          const name = token.type === "link_open" ? "href" : token.type === "image" ? "src" : undefined;
          const value = name && token.attrGet(name);
          // Protocol-relative `//host/x` is another site, not a path of this one.
          if (name && typeof value === "string" && value.startsWith("/") && !value.startsWith("//")) token.attrSet(name, `${base}${value}`);
          if (token.children) visit(token.children);
        }
      };
      visit(state.tokens);
    });
  }
  md.core.ruler.push("gazette_heading_levels", (state) => {
    const levels = state.tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
    if (!levels.length || Math.min(...levels) > 1) return;
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
      }
    }
  });
  md.renderer.rules.table_open = (tokens, idx) =>
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${md.utils.escapeHtml(tableLabel(tokens, idx))}">\n<table>\n`;
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
  installImageRule(md, base);
  return { render: (markdown, env) => md.render(markdown, { ...env }) };
}

/**
 * The accessible name of the table opened at `tokens[open]`: its column headings.
 * @example tableLabel(md.parse("| Team | Won |\n|---|---|\n| A | 1 |", {}), 0) // "Table: Team, Won"
 */
export function tableLabel(tokens: readonly Token[], open: number): string {
  const headings: string[] = [];
  for (let i = open + 1; i < tokens.length && tokens[i].type !== "thead_close" && tokens[i].type !== "table_close"; i++) {
    if (tokens[i].type !== "inline" || tokens[i - 1]?.type !== "th_open") continue;
    const text = (tokens[i].children ?? []).filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content).join("").trim();
    if (text) headings.push(text);
  }
  return headings.length ? `Table: ${headings.join(", ")}` : "Table";
}
