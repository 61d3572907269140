/**
 * What every layout is handed besides its page: the archive, the words, the Markdown renderer
 * and URL helpers that respect a site served under a sub-folder.
 */
import { labelsFor, type Labels } from "../src/labels.ts";
import { createMarkdown, type MarkdownRenderer } from "../src/markdown.ts";
import type { Archive } from "../src/model.ts";
import { withBase } from "../src/permalinks.ts";

/** Shared inputs of all layouts. */
export interface RenderContext {
  archive: Archive;
  labels: Labels;
  markdown: MarkdownRenderer;
  /** Site-relative URL → link target (adds the base path of the site's url). */
  link(url: string): string;
  /** Site-relative URL → absolute URL for canonical links and feeds. */
  absolute(url: string): string;
  /** Link target of the stylesheet, with a content hash so it can be cached forever. */
  stylesheet: string;
}

/**
 * Creates the context for one build.
 * @example createRenderContext(archive, "/assets/gazette.css?v=1a2b").link("/politics/") // "/politics/"
 */
export function createRenderContext(archive: Archive, stylesheetUrl: string): RenderContext {
  const basePath = new URL(archive.site.url).pathname.replace(/\/+$/, "");
  const origin = new URL(archive.site.url).origin;
  return {
    archive,
    labels: labelsFor(archive.site.language),
    markdown: createMarkdown(),
    link: (url) => withBase(basePath, url),
    absolute: (url) => origin + withBase(basePath, url),
    stylesheet: withBase(basePath, stylesheetUrl),
  };
}
