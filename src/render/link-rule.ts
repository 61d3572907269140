/**
 * The markdown-it core rule for links in bodies and update notes, driven by the render env:
 * with `env.resolveHref`, a link to a known target (another article's source file, see
 * src/navigation/article-links.ts) is rewritten to its URL; with `env.links`, every link and
 * image is collected with its line, for the link check. It runs before the base path is
 * added, so it sees links as written.
 */
import type { StateCore } from "markdown-it";

/** A link or image of a Markdown text, as written (markdown-it's normalised `href`). */
export interface TextLink {
  href: string;
  /** 0-based line within the Markdown text. */
  line: number;
}

/** What a render may be given besides the Markdown. */
export interface MarkdownEnv {
  /** The URL a link stands for, or undefined to keep it. */
  resolveHref?: (href: string) => string | undefined;
  /** Filled with every link and image when present. */
  links?: TextLink[];
}

/**
 * The rule; register with `md.core.ruler.push("gazette_links", linkRule)`.
 * @example md.render("[a](b.md)", { resolveHref: () => "/x/" }) // '<p><a href="/x/">a</a></p>\n'
 */
export function linkRule(state: StateCore): void {
  const env = state.env as MarkdownEnv | undefined;
  if (!env || (!env.resolveHref && !env.links)) return;
  let lines: string[] | undefined;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    for (const token of block.children) {
      const name = token.type === "link_open" ? "href" : token.type === "image" ? "src" : undefined;
      const href = name && token.attrGet(name);
      if (!name || typeof href !== "string") continue;
      if (env.links) {
        lines ??= state.src.split("\n");
        env.links.push({ href, line: lineOf(href, block.map, lines) });
      }
      const resolved = env.resolveHref?.(href);
      if (resolved !== undefined) token.attrSet(name, resolved);
    }
  }
}

/** The line of the block `map` that holds `href` (a paragraph may span several). */
function lineOf(href: string, map: [number, number] | null, lines: readonly string[]): number {
  if (!map) return 0;
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    // keep the encoded form
  }
  for (let line = map[0]; line < map[1]; line++) {
    if (lines[line]?.includes(href) || lines[line]?.includes(decoded)) return line;
  }
  return map[0];
}
