/**
 * Where the Eleventy plugin gets its data from. A build prepares and validates the archive
 * before Eleventy starts (so a bad archive never touches the output) and hands the prepared
 * site to its own Eleventy instance; the dev server instead runs the article stage on every
 * rebuild, into Eleventy's output. Nothing is kept per process: two builds in one process
 * never see each other's site.
 */
import type { ContentIssue } from "../issues/content-issue.ts";
import type { Archive } from "../model.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import type { Stylesheet } from "../render/stylesheet.ts";
import type { SyndicationSettings } from "../syndication/outputs.ts";

/** An archive whose article pages are written, ready for its listing pages. */
export interface PreparedSite {
  archive: Archive;
  /** The archive's listing pages, for Eleventy to render. */
  listings: ListingPage[];
  /** Warnings only: a prepared site has no errors. */
  issues: ContentIssue[];
  stylesheet: Stylesheet;
  /** How to write feeds and sitemaps; absent when the build leaves them out (`--no-feeds`). */
  syndication?: SyndicationSettings;
}

// The slot is a property of one Eleventy instance's config object, which the constructor's
// `config` callback and the plugin both receive. Its key is a registered symbol because
// Eleventy imports .eleventy.ts (and through it this file) with its own loader, so the plugin
// may see a second copy of this module; the symbol is shared, the value is per instance.
const SLOT = Symbol.for("gazette.preparedSite");
type Slot = { [SLOT]?: PreparedSite };

/**
 * Hands `prepared` to the Eleventy instance whose config is `eleventyConfig`; use it as the
 * constructor's option `config: (c) => handPreparedSite(c, prepared)`.
 * @example new Eleventy(input, out, { config: (c) => handPreparedSite(c, prepared) })
 */
export function handPreparedSite(eleventyConfig: object, prepared: PreparedSite): void {
  (eleventyConfig as Slot)[SLOT] = prepared;
}

/**
 * The site handed to this Eleventy instance, if any.
 * @example preparedSiteOf(eleventyConfig)?.listings.length // 12
 */
export function preparedSiteOf(eleventyConfig: object): PreparedSite | undefined {
  return (eleventyConfig as Slot)[SLOT];
}

/** Thrown when the content has errors; its message is the full report. */
export class ContentError extends Error {
  constructor(report: string) {
    super(report);
    this.name = "ContentError";
  }
}
