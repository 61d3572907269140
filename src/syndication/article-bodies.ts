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
import { absoluteUrls } from "./absolute-urls.ts";
import { bodyImageEnv } from "../media/article-media.ts";
import { DEFAULT_IMAGE_SETTINGS, type ImageSettings } from "../media/image-settings.ts";

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
  imageSettings: ImageSettings = DEFAULT_IMAGE_SETTINGS,
): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const article of articles) {
    if (bodies.has(article.url)) continue;
    const body = articleBody(readFileSync(join(contentRoot, article.file), "utf8"));
    bodies.set(article.url, absoluteUrls(markdown.render(body, bodyImageEnv(article, body, imageSettings)), absolute(article.url)));
  }
  return bodies;
}
