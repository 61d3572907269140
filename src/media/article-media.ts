/**
 * The local images of one article, found in the article stage: the lead image
 * (front-matter `image.src`) and every Markdown image in the body, each resolved relative to
 * the article's file, read (size, format, hash) and checked. Nothing is encoded here: the
 * article gets what its `<picture>` markup needs, and the media stage encodes the variants.
 *
 * Alt text: every body image needs one; an image that only decorates is written
 * `![](photo.jpg "decorative")` and gets `alt=""`. A lead image always needs alt text.
 */
import { MarkdownIt } from "../render/markdown-it-class.ts";
import type { Token } from "markdown-it";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { Article, ArticleSummary } from "../model.ts";
import type { ImageSettings } from "./image-settings.ts";
import { isLocalImage, readImageSource, resolveImagePath } from "./image-source.ts";
import { previewPath, type MediaImage } from "./variant-plan.ts";

/** The title that marks a body image as decorative. */
export const DECORATIVE_TITLE = "decorative";

const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** One image in a body, where it is written. */
export interface BodyImage {
  src: string;
  alt: string;
  title?: string;
  /** 1-based line in the article's file. */
  line: number;
}

/**
 * Every image of a Markdown body, with its line (`bodyLine` = the file line the body starts on).
 * @example bodyImages("Text\n\n![A map](map.png)", 5) // [{ src: "map.png", alt: "A map", line: 7 }]
 */
export function bodyImages(body: string, bodyLine: number): BodyImage[] {
  if (!body.includes("![")) return [];
  const found: BodyImage[] = [];
  for (const block of parser.parse(body, {})) {
    if (block.type !== "inline" || !block.children) continue;
    let searchFrom = 0;
    const visit = (tokens: Token[]) => {
      for (const token of tokens) {
        if (token.type === "image") {
          const src = String(token.attrGet("src") ?? "");
          const at = block.content.indexOf("](", searchFrom);
          searchFrom = at < 0 ? searchFrom : at + 2;
          const before = at < 0 ? "" : block.content.slice(0, at);
          const line = bodyLine + (block.map?.[0] ?? 0) + (before.match(/\n/g)?.length ?? 0);
          const rawTitle = token.attrGet("title");
          const title = rawTitle === null ? undefined : String(rawTitle);
          found.push({ src, alt: token.content.trim(), ...(title ? { title } : {}), line });
        }
        if (token.children) visit(token.children);
      }
    };
    visit(block.children);
  }
  return found;
}

/** What the article stage learns about an article's images. */
export interface ArticleMedia {
  /** The article with its lead image resolved and its body images attached. */
  article: Article;
  issues: ContentIssue[];
}

/** Reads each image once per thread, however many articles name it. */
export type ImageReader = (source: string) => ReturnType<typeof readImageSource>;

/**
 * An {@link ImageReader} for the content folder `root` that reads each file once.
 * @example createImageReader("content", settings)("2023/map.png").image?.width // 1600
 */
export function createImageReader(root: string, settings: ImageSettings): ImageReader {
  const seen = new Map<string, ReturnType<typeof readImageSource>>();
  return (source) => {
    let result = seen.get(source);
    if (!result) seen.set(source, (result = readImageSource(root, source, settings)));
    return result;
  };
}

/**
 * Resolves and checks the images of `article` (whose file's text is `text`).
 * @example resolveArticleMedia(article, text, read, settings).article.media // [{ source: "2023/map.png", … }]
 */
export function resolveArticleMedia(article: Article, text: string, read: ImageReader, settings: ImageSettings): ArticleMedia {
  const issues: ContentIssue[] = [];
  const media = new Map<string, MediaImage>();
  const normalised = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  const bodyLine = normalised.endsWith(article.body) ? 1 + (normalised.slice(0, normalised.length - article.body.length).match(/\n/g)?.length ?? 0) : 1;
  const use = (src: string, where: { line: number; field: string }): MediaImage | undefined => {
    const source = resolveImagePath(article.file, src);
    const location = { file: article.file, ...where, column: 1 };
    if (source === undefined) {
      issues.push(contentIssue("image-missing", location, `The image "${src}" lies outside the content folder.`));
      return undefined;
    }
    const { image, problem } = read(source);
    if (problem) issues.push(contentIssue(problem.code, location, problem.message));
    if (image) media.set(image.hash, image);
    return image;
  };

  const bodyMap: Record<string, MediaImage> = {};
  for (const found of bodyImages(article.body, bodyLine)) {
    const decorative = found.title === DECORATIVE_TITLE;
    const where = { file: article.file, line: found.line, column: 1, field: "body" };
    if (!found.alt && !decorative) {
      issues.push(contentIssue("image-alt-missing", where, `The image "${found.src}" has no alt text.`, { hint: `Describe it: ![What it shows](${found.src}); an image that only decorates is written ![](${found.src} "decorative").` }));
    } else if (found.alt && decorative) {
      issues.push(contentIssue("image-decorative-alt", where, `The image "${found.src}" is marked decorative but has alt text.`));
    }
    if (!isLocalImage(found.src)) continue;
    const image = use(found.src, { line: found.line, field: "body" });
    if (image) bodyMap[found.src] = image;
  }

  let lead = article.image;
  if (lead && isLocalImage(lead.src)) {
    const image = use(lead.src, { line: frontMatterLine(normalised, "image", "src"), field: "image.src" });
    lead = image ? { ...lead, src: previewPath(image, settings), local: image } : lead;
  }
  if (!media.size) return { article, issues };
  return {
    article: { ...article, ...(lead ? { image: lead } : {}), media: [...media.values()], bodyImages: bodyMap },
    issues,
  };
}

/**
 * The line of `key.sub` in a file's front matter (block or flow style), 1 when not found.
 * @example frontMatterLine("---\ntitle: A\nimage:\n  src: a.jpg\n---\n", "image", "src") // 4
 */
export function frontMatterLine(text: string, key: string, sub: string): number {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  if (start < 0) return 1;
  if (new RegExp(`\\b${sub}\\s*:`).test(lines[start])) return start + 1;
  for (let i = start + 1; i < lines.length && /^\s/.test(lines[i]); i++) {
    if (new RegExp(`^\\s+${sub}\\s*:`).test(lines[i])) return i + 1;
  }
  return start + 1;
}

/**
 * The render env of a body read again after the article stage (feeds, as plain `<img>`s): its local images,
 * found from the summary's recorded images by their resolved paths.
 * @example bodyImageEnv(summary, body, settings) // { images: { "chart.png": { source: "2023/a/chart.png", … } }, settings }
 */
export function bodyImageEnv(article: Pick<ArticleSummary, "file" | "media">, body: string, settings: ImageSettings): { images: Record<string, MediaImage>; settings: ImageSettings; plain: true } {
  const bySource = new Map((article.media ?? []).map((image) => [image.source, image]));
  const images: Record<string, MediaImage> = {};
  for (const { src } of bySource.size ? bodyImages(body, 1) : []) {
    const source = isLocalImage(src) ? resolveImagePath(article.file, src) : undefined;
    const image = source === undefined ? undefined : bySource.get(source);
    if (image) images[src] = image;
  }
  return { images, settings, plain: true };
}
