/**
 * Where each page lives. Every URL is site-relative, starts and ends with `/`, and maps to
 * `index.html` in the folder of the same name.
 */
import type { DateTime } from "luxon";

/**
 * The dated URL of an article; the date is taken in the zone `date` is set to (the site's).
 * @example articleUrl(DateTime.fromISO("2023-02-18T09:30:00+01:00"), "slug") // "/2023/02/18/slug/"
 */
export function articleUrl(date: DateTime, slug: string): string {
  return `/${date.toFormat("yyyy")}/${date.toFormat("MM")}/${date.toFormat("dd")}/${slug}/`;
}

/**
 * The URL of a page of a section's index; page 1 is the section's own URL.
 * @example sectionPageUrl("world/europe", 1) // "/world/europe/"
 * @example sectionPageUrl("politics", 2)     // "/politics/page/2/"
 */
export function sectionPageUrl(sectionId: string, page = 1): string {
  return page <= 1 ? `/${sectionId}/` : `/${sectionId}/page/${page}/`;
}

/**
 * The file a URL is written to, relative to the output folder.
 * @example outputPathFor("/2023/02/18/slug/") // "2023/02/18/slug/index.html"
 * @example outputPathFor("/404.html")         // "404.html"
 */
export function outputPathFor(url: string): string {
  const path = url.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/**
 * Joins a site-relative URL to the site's base path (for sites served under a sub-folder).
 * @example withBase("/archive", "/politics/") // "/archive/politics/"
 * @example withBase("", "/politics/")         // "/politics/"
 */
export function withBase(basePath: string, url: string): string {
  return `${basePath.replace(/\/+$/, "")}${url}`;
}
