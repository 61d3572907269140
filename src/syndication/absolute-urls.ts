/**
 * Feed readers show article HTML away from the site, so every relative link and image in a
 * rendered body is made absolute against the article's own address.
 */

const ATTRIBUTE = /\s(href|src)="([^"]*)"/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Rewrites relative `href` and `src` values in markup (as the Markdown renderer writes it:
 * double-quoted, entity-escaped) to absolute URLs resolved against `base`.
 * @example absoluteUrls('<a href="/politics/">P</a>', "https://x.org/2023/02/18/a/") // '<a href="https://x.org/politics/">P</a>'
 * @example absoluteUrls('<img src="map.png" alt="">', "https://x.org/2023/02/18/a/") // '<img src="https://x.org/2023/02/18/a/map.png" alt="">'
 */
export function absoluteUrls(markup: string, base: string): string {
  return markup.replace(ATTRIBUTE, (whole, name: string, value: string) => {
    if (SCHEME.test(value)) return whole;
    const raw = value.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    let resolved: string;
    try {
      resolved = new URL(raw, base).href;
    } catch {
      return whole;
    }
    return ` ${name}="${resolved.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
  });
}

/**
 * An absolute URL for a site-relative path or an already absolute one (an image's `src`).
 * @example absoluteSource("/media/a.jpg", (u) => "https://x.org" + u) // "https://x.org/media/a.jpg"
 */
export function absoluteSource(src: string, absolute: (url: string) => string): string {
  return SCHEME.test(src) ? src : absolute(src);
}
