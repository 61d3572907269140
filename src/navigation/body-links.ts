/**
 * The links an article's page carries from its own text (body and update notes), with the
 * file line each is on: collected once when the file is read, kept in the build cache, and
 * checked after indexing without reading the file again.
 */
import type { Article } from "../model.ts";
import type { MarkdownRenderer } from "../render/markdown.ts";

/** One link (or image) in an article's text. */
export interface ArticleLink {
  href: string;
  /** 1-based line in the article's file. */
  line: number;
}

/**
 * The links of `article`, read from `source` (its file's text). Body links carry their exact
 * line; a link in an update note is placed on the first front-matter line that holds it (the
 * YAML value may be folded), else on the line of `updates:`.
 * @example articleLinks(markdown, article, text) // [{ href: "../2023/vote.md", line: 9 }]
 */
export function articleLinks(markdown: MarkdownRenderer, article: Pick<Article, "body" | "updates">, source: string): ArticleLink[] {
  const text = source.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const bodyStart = text.length - article.body.length;
  const bodyLine = countNewlines(text, bodyStart) + 1;
  const links: ArticleLink[] = markdown.links(article.body).map((link) => ({ href: link.href, line: bodyLine + link.line }));
  if (article.updates.length) {
    const head = text.slice(0, bodyStart).split("\n");
    const updatesLine = head.findIndex((line) => /^updates\s*:/.test(line)) + 1 || 1;
    for (const update of article.updates) {
      for (const link of markdown.links(update.text)) {
        const found = head.findIndex((line, i) => i + 1 >= updatesLine && (line.includes(link.href) || line.includes(safeDecode(link.href))));
        links.push({ href: link.href, line: found === -1 ? updatesLine : found + 1 });
      }
    }
  }
  return links;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

function safeDecode(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
