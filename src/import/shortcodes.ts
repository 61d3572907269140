/**
 * WordPress shortcodes in post content: `[caption]` becomes a figure with its caption; every
 * other shortcode is found so that it can be reported, and left as text.
 */

/** A shortcode left in the content. */
export interface FoundShortcode {
  name: string;
  /** The shortcode as written, shortened for the report. */
  text: string;
}

const CAPTION = /\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi;
const SHORTCODE = /\[([a-z][a-z0-9_-]*)(?:\s[^\]]*)?\/?\](?!\()/gi;

/**
 * Replaces each `[caption …]<img …> Caption text[/caption]` with `<figure><img …><figcaption>…`.
 * @example captionsToFigures('[caption id="a"]<img src="x.jpg" alt="X"> The pier.[/caption]') // '<figure><img src="x.jpg" alt="X"><figcaption>The pier.</figcaption></figure>'
 */
export function captionsToFigures(content: string): string {
  return content.replace(CAPTION, (_, attributes: string, inner: string) => {
    const image = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner);
    const fromAttribute = /\bcaption="([^"]*)"/i.exec(attributes)?.[1];
    const caption = (fromAttribute ?? (image ? inner.replace(image[0], "") : inner)).trim();
    const img = image ? image[0].replace(/<\/?a\b[^>]*>/gi, "").trim() : "";
    return `<figure>${img}${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
  });
}

/**
 * The shortcodes (other than captions) in content, in order.
 * @example findShortcodes("Text [gallery ids=\"1,2\"] more") // [{ name: "gallery", text: "[gallery ids=\"1,2\"]" }]
 */
export function findShortcodes(content: string): FoundShortcode[] {
  return [...content.matchAll(SHORTCODE)].filter((m) => m[1].toLowerCase() !== "caption").map((m) => ({ name: m[1], text: m[0].length > 60 ? `${m[0].slice(0, 57)}…` : m[0] }));
}
