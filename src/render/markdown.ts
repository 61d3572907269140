/**
 * The one configured markdown-it instance for article bodies and update notes.
 *
 * Raw HTML (site.yml `rawHtml`): `sanitise` (the default) passes the HTML of a body through the
 * allow-list of ./html-policy.ts; `escape` shows it as text, as written. Either way a tag is a
 * tag to the parser, so typographic quotes and dashes (on, as a newspaper sets them) only ever
 * touch text, never the inside of a tag. Markdown links and images may be relative, http,
 * https or mailto; any other URL (`javascript:`, `data:` …) leaves the text as written.
 *
 * Only the raw HTML is sanitised: each HTML block, and each paragraph (inline run) that holds
 * inline HTML, on its own. When a piece leaves a tag open for a later one to close (a
 * `<details>` around Markdown), the body is rendered first and sanitised as a whole instead,
 * which sanitising piece by piece would break apart. Bodies without HTML cost nothing.
 *
 * Headings: the article's headline is the page's only `h1`, so the top level a body uses
 * becomes `h2` and the levels below follow without gaps (`##`, `####` → `h2`, `h3`). Headings
 * written in raw HTML are counted and moved the same way.
 *
 * Tables: a results table is often wider than a phone. Each table stands in its own box that
 * scrolls sideways (so the page itself never does), is focusable (so a keyboard can scroll it)
 * and is labelled by its column headings (so a screen reader can name the region).
 *
 * Links and images starting with `/` are site-relative: they get the site's base path, so an
 * archive served under `/archive/` keeps working links.
 */
import { MarkdownIt } from "./markdown-it-class.ts";
import type { Token } from "markdown-it";
import { isAllowedUrl, sanitiseHtml } from "./html-policy.ts";
import { linkRule, type MarkdownEnv, type TextLink } from "./link-rule.ts";
import { installImageRule, type ImageEnv } from "../media/markdown-images.ts";

/** What raw HTML in a body becomes: sanitised markup, or text as written. */
export type RawHtmlMode = "sanitise" | "escape";

/** The modes site.yml's `rawHtml` accepts, the default first. */
export const RAW_HTML_MODES: readonly RawHtmlMode[] = ["sanitise", "escape"];

// The syntax that decides what is a link, for the renderer and the link parser alike: raw
// HTML is parsed as HTML, bare URLs stay text (the link parser's shortcut relies on it), and
// only the allowed URL schemes become links.
function articleParser(typographer: boolean): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer });
  md.validateLink = isAllowedUrl;
  return md;
}

/** Renders article Markdown to HTML. */
export interface MarkdownRenderer {
  /** A block of Markdown (a body or an update note); `env` resolves links between articles and carries the body's local images. */
  render(markdown: string, env?: MarkdownEnv & ImageEnv): string;
  /** Every link and image of a block of Markdown, as written, with its 0-based line. */
  links(markdown: string): TextLink[];
}

/**
 * Creates the renderer.
 * @example createMarkdown().render("#### Subhead") // "<h2>Subhead</h2>\n"
 * @example createMarkdown("/archive").render("[a](/politics/)") // '<p><a href="/archive/politics/">a</a></p>\n'
 * @example createMarkdown("", "escape").render("<b>x</b>") // "<p>&lt;b&gt;x&lt;/b&gt;</p>\n"
 */
export function createMarkdown(basePath = "", rawHtml: RawHtmlMode = "sanitise"): MarkdownRenderer {
  const md = articleParser(true);
  const base = basePath.replace(/\/+$/, "");
  md.core.ruler.push("gazette_links", linkRule);
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
  md.core.ruler.push("gazette_heading_levels", (state) => rebaseHeadings(state.tokens, rawHtml === "sanitise"));
  if (rawHtml === "sanitise") md.core.ruler.push("gazette_unwrap_blocks", (state) => unwrapBlocks(state.tokens));
  if (rawHtml === "escape") {
    md.renderer.rules.html_block = (tokens, idx) => `<p>${md.utils.escapeHtml(tokens[idx].content.trim())}</p>\n`;
    md.renderer.rules.html_inline = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content);
  }
  md.renderer.rules.table_open = (tokens, idx) =>
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${md.utils.escapeHtml(tableLabel(tokens, idx))}">\n<table>\n`;
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
  installImageRule(md, base);
  let linkParser: MarkdownIt | undefined;
  const links = (markdown: string): TextLink[] => {
    const found: TextLink[] = [];
    (linkParser ??= createLinkParser()).parse(markdown, { links: found } satisfies MarkdownEnv);
    return found;
  };
  if (rawHtml === "escape") return { render: (markdown, env) => md.render(markdown, { ...env }), links };
  // Piece by piece: each HTML block, and each inline run that holds inline HTML, on its own.
  md.renderer.rules.html_block = (tokens, idx, _options, env?: RenderEnv) => {
    if (!env?.pieces) return tokens[idx].content;
    const clean = sanitiseHtml(tokens[idx].content).trim();
    return clean ? `${clean}\n` : "";
  };
  const renderInline = md.renderer.renderInline.bind(md.renderer);
  md.renderer.renderInline = (tokens, options, env?: RenderEnv) => {
    const out = renderInline(tokens, options, env);
    return env?.pieces && tokens.some((t) => t.type === "html_inline") ? sanitiseHtml(out) : out;
  };
  return {
    render(markdown, env) {
      const tokens = md.parse(markdown, { ...env });
      const pieces = rawHtmlPieces(tokens);
      if (!pieces.length) return md.renderer.render(tokens, md.options, { ...env });
      // A piece that leaves a tag open (a `<details>` around Markdown) needs the whole body.
      if (!pieces.every(isBalanced)) return sanitiseHtml(md.renderer.render(tokens, md.options, { ...env }));
      return dropEmptyParagraphs(md.renderer.render(tokens, md.options, { ...env, pieces: true }));
    },
    links,
  };
}

interface RenderEnv {
  [key: string | symbol]: unknown;
  /** Sanitise each piece of raw HTML where it is rendered (the body's pieces are balanced). */
  pieces?: boolean;
}

/** The raw HTML of a body: each HTML block, and the inline HTML of each inline run. */
function rawHtmlPieces(tokens: readonly Token[]): string[] {
  const pieces: string[] = [];
  for (const token of tokens) {
    if (token.type === "html_block") pieces.push(token.content);
    else if (token.children && token.content.includes("<")) {
      const inline = token.children.filter((t) => t.type === "html_inline").map((t) => t.content);
      if (inline.length) pieces.push(inline.join(""));
    }
  }
  return pieces;
}

const VOID_TAGS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * True when every tag the HTML opens it also closes, in order.
 * @example isBalanced("<figure><img src=a.png></figure>") // true
 * @example isBalanced("<details>\n<summary>More</summary>") // false
 */
export function isBalanced(html: string): boolean {
  const open: string[] = [];
  for (const [, closing, rawName, selfClosing] of html.matchAll(TAG)) {
    const name = rawName.toLowerCase();
    if (VOID_TAGS.has(name) || selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

/** Removes the paragraphs the sanitiser emptied (one that held only a script). */
function dropEmptyParagraphs(html: string): string {
  return html.includes("<p></p>") ? html.replace(/<p><\/p>\n?/g, "") : html;
}

// Tags that cannot stand inside a paragraph: a browser would close the paragraph before them.
const BLOCK_TAG = /^<\/?(?:address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|main|menu|nav|ol|p|pre|section|summary|table|ul)(?=[\s/>])/i;

/**
 * Drops the `<p>` around a paragraph whose inline HTML opens a block (`Text <table>…`), which
 * would otherwise leave a table inside a paragraph: invalid, and read differently by browsers.
 * @example unwrapBlocks(md.parse("a <table></table>", {})) // the paragraph's open and close become hidden
 */
export function unwrapBlocks(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].type !== "paragraph_open" || tokens[i + 1].type !== "inline") continue;
    if (!(tokens[i + 1].children ?? []).some((t) => t.type === "html_inline" && BLOCK_TAG.test(t.content))) continue;
    tokens[i].hidden = true;
    tokens[i + 2].hidden = true;
  }
}

// `<h3`, `</h3>` in raw HTML; a match inside an attribute value is harmless, the sanitiser parses after.
const RAW_HEADING = /<(\/?)h([1-6])(?=[\s/>])/gi;

/**
 * Moves every heading so that the top level used becomes `h2` and no level is skipped;
 * `raw` includes headings written in HTML blocks and inline HTML.
 * @example rebaseHeadings(new MarkdownIt().parse("### A\n\n##### B", {}), false) // A becomes h2, B h3
 */
export function rebaseHeadings(tokens: Token[], raw: boolean): void {
  const used = new Set<number>();
  // Headings and HTML blocks are block tokens; inline HTML is looked for only in inline runs
  // that hold a "<" at all, so a body without HTML costs one pass over its blocks.
  const visit = (list: Token[], act: (token: Token) => void) => {
    for (const token of list) {
      act(token);
      if (raw && token.children && token.content.includes("<")) visit(token.children, act);
    }
  };
  visit(tokens, (token) => {
    if (token.type === "heading_open") used.add(Number(token.tag.slice(1)));
    else if (raw && (token.type === "html_block" || token.type === "html_inline")) for (const m of token.content.matchAll(RAW_HEADING)) used.add(Number(m[2]));
  });
  if (!used.size) return;
  const levels = [...used].sort((a, b) => a - b);
  const target = new Map(levels.map((level, i) => [level, Math.min(6, i + 2)]));
  if (levels.every((level) => target.get(level) === level)) return;
  visit(tokens, (token) => {
    if (token.type === "heading_open" || token.type === "heading_close") token.tag = `h${target.get(Number(token.tag.slice(1)))}`;
    else if (raw && (token.type === "html_block" || token.type === "html_inline")) {
      token.content = token.content.replace(RAW_HEADING, (_, slash: string, level: string) => `<${slash}h${target.get(Number(level))}`);
    }
  });
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

/**
 * A parser that finds the same links as the renderer's and does nothing else (the link check
 * parses every body of a cold build for them alone): the same block and inline syntax, HTML
 * and URL policy, but no typographer and none of the rules that only change the HTML, and the
 * inline syntax of a block parsed only when it holds a `[` (links, images, references) or a `<`
 * (autolinks): with linkify off, no other text can hold a link.
 * @example createLinkParser().parse("[a](b.md)\n\nNo link here.", { links: found }) // found: [{ href: "b.md", line: 0 }]
 */
export function createLinkParser(): MarkdownIt {
  const md = articleParser(false);
  md.core.ruler.at("inline", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "inline") continue;
      if (token.content.includes("[") || token.content.includes("<")) state.md.inline.parse(token.content, state.md, state.env, token.children!);
    }
  });
  md.core.ruler.push("gazette_links", linkRule);
  return md;
}
