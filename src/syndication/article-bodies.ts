/**
 * The rendered bodies feeds need. Article bodies are rendered in worker threads and not kept,
 * so the few that feeds carry (the newest of the site and of each section) are read and
 * rendered again here, once each, with the same renderer the pages use.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleSummary } from "../model.ts";
import { articleBody } from "../content/front-matter.ts";
import type { MarkdownRenderer } from "../render/markdown.ts";
import type { MarkdownEnv } from "../render/link-rule.ts";
import { absoluteUrls } from "./absolute-urls.ts";

/**
 * The body HTML of each article in `articles`, by URL, with absolute links. Each file is read
 * once however many feeds list it.
 * @example renderBodies("content", [article], markdown, absolute).get(article.url) // "<p>…</p>\n"
 */
export function renderBodies(
  contentRoot: string,
  articles: Iterable<ArticleSummary>,
  markdown: MarkdownRenderer,
  absolute: (url: string) => string,
  /** The render env of each article (links between articles resolve as on its page). */
  envFor: (article: ArticleSummary) => MarkdownEnv = () => ({}),
): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const article of articles) {
    if (bodies.has(article.url)) continue;
    const body = articleBody(readFileSync(join(contentRoot, article.file), "utf8"));
    bodies.set(article.url, absoluteUrls(markdown.render(body, envFor(article)), absolute(article.url)));
  }
  return bodies;
}
