/**
 * Every file a build writes, relative to the output folder, sorted: the build cache records
 * it (to remove pages that are gone) and the link check checks links against it.
 */
import type { Archive } from "../model.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import { HOST_FILE_PATHS } from "../deploy/host-files.ts";
import type { SyndicationSettings } from "../syndication/outputs.ts";
import { syndicationPaths } from "../syndication/write-syndication.ts";
import { redirectFilePaths } from "../publishing/write-redirects.ts";

/** What decides the list of outputs besides the archive. */
export interface OutputParts {
  listings: readonly ListingPage[];
  /** Site path of the stylesheet, e.g. `/assets/gazette.1a2b.css`. */
  stylesheetPath: string;
  hostFiles: boolean;
  syndication?: SyndicationSettings;
}

/**
 * The sorted list of output files.
 * @example siteOutputs(archive, { listings, stylesheetPath, hostFiles: true }) // ["404.html", "_headers", …]
 */
export function siteOutputs(archive: Archive, parts: OutputParts): string[] {
  return [
    ...archive.articles.map((a) => outputPathFor(a.url)),
    ...(archive.withdrawn ?? []).map((a) => outputPathFor(a.url)),
    ...redirectFilePaths(archive),
    ...parts.listings.map((p) => outputPathFor(p.url)),
    outputPathFor(parts.stylesheetPath),
    ...(parts.hostFiles ? HOST_FILE_PATHS : []),
    ...(parts.syndication ? syndicationPaths(archive, parts.listings, parts.syndication) : []),
  ].sort();
}
