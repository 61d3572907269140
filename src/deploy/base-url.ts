/**
 * `--base-url`: the address one build is served from (a preview deployment), overriding
 * site.yml's `url` without touching the file.
 */
import type { SiteConfig } from "../model.ts";

/**
 * The normalised base URL (no trailing slash after its path, as site.yml's url is read), or
 * undefined when `text` is not an absolute http(s) address without query or fragment.
 * @example parseBaseUrl("https://preview.example.org/archive/") // "https://preview.example.org/archive"
 * @example parseBaseUrl("/archive/") // undefined
 */
export function parseBaseUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash || text.includes("?") || text.includes("#") || url.username || url.password) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The site with its url replaced by `baseUrl`, when one is given.
 * @example withBaseUrl(site, "https://preview.example.org/pr-12").url // "https://preview.example.org/pr-12"
 */
export function withBaseUrl(site: SiteConfig, baseUrl: string | undefined): SiteConfig {
  return baseUrl === undefined ? site : { ...site, url: baseUrl };
}

/**
 * The path part of a site's url, without a trailing slash: `""` for a site at the root.
 * @example basePathOf("https://example.org/archive/") // "/archive"
 */
export function basePathOf(url: string): string {
  return new URL(url).pathname.replace(/\/+$/, "");
}
