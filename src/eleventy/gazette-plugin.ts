/**
 * The Eleventy plugin: hands the archive's page list to Eleventy as in-memory data and renders
 * each entry through one paginated virtual template. Articles never enter Eleventy's data
 * cascade as templates of their own, which is what keeps large archives linear.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RenderContext } from "../../layouts/context.ts";
import { createRenderContext } from "../../layouts/context.ts";
import { renderPage } from "../../layouts/render-page.ts";
import { sitePages, type SitePage } from "../site-pages.ts";
import { archiveProvider } from "./archive-provider.ts";

/** Plugin options; every field has a default. */
export interface GazettePluginOptions {
  /** Content folder, used when no archive was provided in-process. */
  content: string;
  /** Build drafts too. */
  drafts: boolean;
}

/** Defaults for {@link GazettePluginOptions}. */
export const defaults: GazettePluginOptions = { content: "content", drafts: false };

const STYLESHEET = fileURLToPath(new URL("../../layouts/assets/gazette.css", import.meta.url));

// Eleventy's config API is untyped JavaScript; this is the part of it the plugin uses.
interface EleventyConfig {
  addGlobalData(name: string, value: () => unknown): void;
  addTemplate(path: string, content: unknown, data?: Record<string, unknown>): void;
  addWatchTarget(path: string): void;
  on(event: string, callback: () => Promise<void> | void): void;
}

/**
 * Registers the archive's pages and the stylesheet with Eleventy.
 * @example eleventyConfig.addPlugin(gazettePlugin, { content: "content" })
 */
export default function gazettePlugin(eleventyConfig: EleventyConfig, options: Partial<GazettePluginOptions> = {}): void {
  const { content, drafts } = { ...defaults, ...options };
  let pages: SitePage[] = [];
  let ctx: RenderContext | undefined;
  let css = "";

  eleventyConfig.addWatchTarget(content);
  eleventyConfig.addWatchTarget(STYLESHEET);

  eleventyConfig.on("eleventy.before", async () => {
    const archive = await archiveProvider(content, drafts)();
    css = readFileSync(STYLESHEET, "utf8");
    const version = createHash("sha256").update(css).digest("hex").slice(0, 10);
    ctx = createRenderContext(archive, `/assets/gazette.css?v=${version}`);
    pages = sitePages(archive);
  });


  eleventyConfig.addTemplate(
    "gazette-pages.11ty.js",
    {
      data: () => ({
        pagination: { data: "gazettePages", size: 1, alias: "sitePage", addAllPagesToCollections: false },
        eleventyExcludeFromCollections: true,
        permalink: (data: { sitePage: SitePage }) => data.sitePage.url,
      }),
      render: (data: { sitePage: SitePage }) => renderPage(ctx!, data.sitePage),
    },
  );
  eleventyConfig.addGlobalData("gazettePages", () => pages);

  eleventyConfig.addTemplate("gazette-stylesheet.11ty.js", {
    data: { permalink: "/assets/gazette.css", eleventyExcludeFromCollections: true },
    render: () => css,
  });
}
