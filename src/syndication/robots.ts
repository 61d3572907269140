/**
 * `/robots.txt`: everything may be crawled; both sitemaps are named by absolute URL.
 */

/**
 * The text of robots.txt.
 * @example robotsTxt((u) => "https://x.org" + u) // "User-agent: *\nAllow: /\n\nSitemap: https://x.org/sitemap.xml\n…"
 */
export function robotsTxt(absolute: (url: string) => string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absolute("/sitemap.xml")}\nSitemap: ${absolute("/news-sitemap.xml")}\n`;
}
