/**
 * The build's syndication step: after the listing pages, render the few bodies the feeds
 * carry (once each) and write every registered output into the staging folder.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRenderContext } from "../../layouts/context.ts";
import type { PreparedSite } from "../eleventy/archive-provider.ts";
import { renderBodies } from "./article-bodies.ts";
import { feedArticles, SYNDICATION_OUTPUTS, type SyndicationSettings } from "./outputs.ts";
import type { Archive } from "../model.ts";
import type { ListingPage } from "../archive/site-pages.ts";

/**
 * Every file syndication writes for this archive, relative to the output folder, sorted.
 * @example syndicationPaths(archive, listings, settings) // ["feed.json", "feed.xml", …, "sitemap.xml", "updates.json", …]
 */
export function syndicationPaths(archive: Archive, listings: readonly ListingPage[], settings: SyndicationSettings): string[] {
  return SYNDICATION_OUTPUTS.flatMap((output) => output.paths({ archive, listings, settings })).sort();
}

/**
 * Writes feeds, sitemaps and robots.txt of `prepared` into `dir`; nothing when the build has
 * syndication turned off.
 * @example writeSyndication(staged.prepared, staged.staging)
 */
export function writeSyndication(prepared: PreparedSite, dir: string): void {
  const settings = prepared.syndication;
  if (!settings) return;
  const { archive, listings, stylesheet } = prepared;
  const ctx = createRenderContext(archive.site, archive.sections, stylesheet.url);
  const bodies = renderBodies(settings.content, feedArticles(archive), ctx.markdown, ctx.absolute, archive.site.images);
  const made = new Set<string>();
  for (const output of SYNDICATION_OUTPUTS) {
    for (const file of output.files({ archive, listings, settings, ctx, bodies })) {
      const target = join(dir, file.path);
      const folder = dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(target, file.text);
    }
  }
}
