/**
 * What every layout is handed besides its page: the site, its sections, the words, the
 * Markdown renderer and URL helpers that respect a site served under a sub-folder. Plain
 * data only, so a worker thread can build the same context from the same site config.
 */
import { labelsFor, type Labels } from "../src/render/labels.ts";
import { createMarkdown, type MarkdownRenderer } from "../src/render/markdown.ts";
import type { Section, SiteConfig } from "../src/model.ts";
import { withBase } from "../src/archive/permalinks.ts";

/** Shared inputs of all layouts. */
export interface RenderContext {
  site: SiteConfig;
  sections: ReadonlyMap<string, Section>;
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
 * @example createRenderContext(site, sections, "/assets/gazette.1a2b.css").link("/politics/") // "/politics/"
 */
export function createRenderContext(site: SiteConfig, sections: ReadonlyMap<string, Section>, stylesheetUrl: string): RenderContext {
  const basePath = new URL(site.url).pathname.replace(/\/+$/, "");
  const origin = new URL(site.url).origin;
  return {
    site,
    sections,
    labels: labelsFor(site.language),
    markdown: createMarkdown(basePath, site.rawHtml),
    link: (url) => withBase(basePath, url),
    absolute: (url) => origin + withBase(basePath, url),
    stylesheet: withBase(basePath, stylesheetUrl),
  };
}
