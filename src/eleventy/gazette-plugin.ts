/**
 * The Eleventy plugin: hands the archive's listing pages (front page, section pages, 404) to
 * Eleventy as in-memory data, rendered through one paginated virtual template, and adds the
 * stylesheet. Article pages never enter Eleventy's data cascade — the article stage writes
 * them as it reads them — which is what keeps large archives linear.
 */
import { createRenderContext, type RenderContext } from "../../layouts/context.ts";
import { renderListingPage } from "../../layouts/render-page.ts";
import { finishBuild, stageArticles } from "../build/build-site.ts";
import { formatIssue, type ContentIssue } from "../issues/content-issue.ts";
import { searchStage } from "../search/search-stage.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import { STYLESHEET_FILE } from "../render/stylesheet.ts";
import { syndicationCacheOf, writeSyndication } from "../syndication/write-syndication.ts";
import { writeRedirectFiles } from "../publishing/write-redirects.ts";
import { basePathOf } from "../deploy/base-url.ts";
import { ContentError, preparedSiteOf, type PreparedSite } from "./archive-provider.ts";

/** Plugin options; every field has a default. */
export interface GazettePluginOptions {
  /** Content folder, read when no prepared site was handed to this Eleventy instance (a plain `eleventy` run). */
  content: string;
  /** Build drafts too. */
  drafts: boolean;
}

/** Defaults for {@link GazettePluginOptions}. */
export const defaults: GazettePluginOptions = { content: "content", drafts: false };

// Eleventy's config API is untyped JavaScript; this is the part of it the plugin uses.
interface EleventyConfig {
  addGlobalData(name: string, value: () => unknown): void;
  addTemplate(path: string, content: unknown, data?: Record<string, unknown>): void;
  addWatchTarget(path: string): void;
  on(event: string, callback: (args: { directories?: { output?: string } }) => Promise<void> | void): void;
}

/**
 * Registers the listing pages and the stylesheet with Eleventy.
 * @example eleventyConfig.addPlugin(gazettePlugin, { content: "content" })
 */
export default function gazettePlugin(eleventyConfig: EleventyConfig, options: Partial<GazettePluginOptions> = {}): void {
  const { content, drafts } = { ...defaults, ...options };
  let pages: ListingPage[] = [];
  let ctx: RenderContext | undefined;
  let css = "";
  // Set with the rest of the site before Eleventy renders: the name carries the content hash.
  let stylesheetPath = "";

  eleventyConfig.addWatchTarget(content);
  eleventyConfig.addWatchTarget(STYLESHEET_FILE);

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    let prepared = preparedSiteOf(eleventyConfig);
    if (!prepared) {
      const outcome = await prepareInto(directories?.output ?? "_site", content, drafts);
      if ("issues" in outcome) {
        const report = `The archive in ${content} has ${outcome.issues.filter((i) => i.severity === "error").length} error(s):\n${outcome.issues.map((i) => formatIssue(i, content)).join("\n")}`;
        throw new ContentError(report);
      }
      prepared = outcome.prepared;
    }
    const { archive, stylesheet } = prepared;
    css = stylesheet.css;
    stylesheetPath = stylesheet.path;
    ctx = createRenderContext(archive.site, archive.sections, stylesheet.url);
    pages = prepared.listings;
  });

  eleventyConfig.addGlobalData("gazetteListings", () => pages);

  eleventyConfig.addTemplate("gazette-listings.11ty.js", {
    data: () => ({
      pagination: { data: "gazetteListings", size: 1, alias: "listing", addAllPagesToCollections: false },
      eleventyExcludeFromCollections: true,
      permalink: (data: { listing: ListingPage }) => data.listing.url,
    }),
    render: (data: { listing: ListingPage }) => renderListingPage(ctx!, data.listing),
  });

  eleventyConfig.addTemplate("gazette-stylesheet.11ty.js", {
    // No stylesheet until a first build without errors (the dev server then shows the report).
    data: { permalink: () => stylesheetPath || false, eleventyExcludeFromCollections: true },
    render: () => css,
  });
}

/**
 * For a plain `eleventy` run (gazette's own commands hand Eleventy a prepared site): run the
 * article stage straight into Eleventy's output folder, or return the content issues that stop it.
 */
async function prepareInto(out: string, content: string, drafts: boolean): Promise<{ prepared: PreparedSite } | { issues: ContentIssue[] }> {
  const staged = await stageArticles({ content, out, drafts });
  if ("issues" in staged) return { issues: staged.issues };
  await writeSyndication(staged.prepared, staged.staging, syndicationCacheOf(staged));
  writeRedirectFiles(staged.prepared.archive, staged.staging, basePathOf(staged.prepared.archive.site.url));
  await searchStage(staged, { content, out, drafts });
  finishBuild(staged);
  return { prepared: staged.prepared };
}
