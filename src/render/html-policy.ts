/**
 * The raw-HTML policy: what HTML written into a body or an update note may reach a page.
 *
 * An allow-list, applied by sanitize-html (a maintained, parser-based sanitiser): everything
 * not named here is removed. Tags that are removed keep their text, except `script`, `style`,
 * `textarea` and the like, whose contents go with them. Attributes are allowed per tag; no
 * `style` (but the three `text-align` values Markdown tables use), no event handlers, no `id`
 * (a body must not take over the page's own anchors such as `#main`), no `class` beyond the
 * ones the renderer itself writes.
 *
 * URLs: links may be http, https, mailto or relative; images http, https or relative;
 * embedded frames only https from {@link VIDEO_HOSTS}. Every frame kept is rewritten with
 * {@link FRAME_SANDBOX}, `loading="lazy"` and a title (its own, or {@link DEFAULT_FRAME_TITLE}).
 */
import { createRequire } from "node:module";
import type sanitizeHtmlType from "sanitize-html";

// Required on the first raw HTML to sanitise, not with the renderer: most articles have none,
// and sanitize-html with its parser is a tenth of a quick rebuild's start-up.
const requireHere = createRequire(import.meta.url);
let sanitizer: typeof sanitizeHtmlType | undefined;
const sanitizeHtml = (html: string, options: sanitizeHtmlType.IOptions): string => (sanitizer ??= requireHere("sanitize-html") as typeof sanitizeHtmlType)(html, options);

/**
 * Hosts whose players may be embedded as an `iframe`: YouTube (also its no-cookie domain),
 * Vimeo and Dailymotion. A frame from any other host is removed with its contents.
 */
export const VIDEO_HOSTS: readonly string[] = [
  "www.youtube.com",
  "youtube.com",
  "www.youtube-nocookie.com",
  "youtube-nocookie.com",
  "player.vimeo.com",
  "www.dailymotion.com",
  "geo.dailymotion.com",
];

/**
 * The sandbox of every embedded player. Players run their own script from their own origin
 * (`allow-scripts allow-same-origin`: without both the YouTube and Vimeo players stay blank),
 * and may present on a second screen (`allow-presentation`). Left out on purpose: popups,
 * top navigation, forms and downloads, so a player can never move or replace the article.
 */
export const FRAME_SANDBOX = "allow-scripts allow-same-origin allow-presentation";

/** The title of an embedded frame whose source gave none (a frame needs an accessible name). */
export const DEFAULT_FRAME_TITLE = "Embedded video";

/** URL schemes a link (`a href`) may use; relative URLs are always allowed. */
export const LINK_SCHEMES: readonly string[] = ["http", "https", "mailto"];

/** URL schemes an image (`img src`) may use; relative URLs are always allowed. */
export const IMAGE_SCHEMES: readonly string[] = ["http", "https"];

// What the Markdown renderer itself writes: a body with raw HTML is sanitised after rendering,
// so its own markup must pass too.
const MARKDOWN_TAGS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code", "em", "strong", "s", "del", "hr", "br", "a", "img", "div", "picture", "source"];
// What a newsroom's HTML may add.
const EXTRA_TAGS = [
  ...["table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"],
  ...["figure", "figcaption", "details", "summary", "sup", "sub", "abbr", "iframe"],
  ...["b", "i", "u", "span", "small", "mark", "cite", "q", "dl", "dt", "dd", "kbd", "samp", "var", "ins", "time", "wbr"],
];

/** Every tag the policy keeps. */
export const ALLOWED_TAGS: readonly string[] = [...MARKDOWN_TAGS, ...EXTRA_TAGS];

const ALIGNMENT = [/^(left|right|center)$/];

const OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: {
    a: ["href", "title", "hreflang"],
    // srcset, sizes, loading, decoding: what a local image's <picture> carries (src/media/picture-markup.ts).
    img: ["src", "alt", "title", "width", "height", "srcset", "sizes", "loading", "decoding", "fetchpriority"],
    source: ["type", "srcset", "sizes", "width", "height"],
    iframe: ["src", "title", "width", "height", "allow", "allowfullscreen", "sandbox", "loading", "referrerpolicy"],
    div: ["class", "role", "tabindex", "aria-label"],
    code: ["class"],
    ol: ["start", "reversed", "type"],
    li: ["value"],
    th: ["colspan", "rowspan", "scope", "style"],
    td: ["colspan", "rowspan", "style"],
    col: ["span"],
    colgroup: ["span"],
    abbr: ["title"],
    time: ["datetime"],
    details: ["open"],
  },
  allowedClasses: { div: ["table-scroll"], code: ["language-*"] },
  allowedStyles: { th: { "text-align": ALIGNMENT }, td: { "text-align": ALIGNMENT } },
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [...IMAGE_SCHEMES], iframe: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowedIframeHostnames: [...VIDEO_HOSTS],
  allowIframeRelativeUrls: false,
  transformTags: {
    // An image must have an alt (the Nu checker refuses one without); a source without one is
    // taken as decoration, which is what an unlabelled image is to a screen reader anyway.
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, alt: attribs.alt ?? "" } }),
    iframe: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, sandbox: FRAME_SANDBOX, loading: "lazy", title: attribs.title?.trim() || DEFAULT_FRAME_TITLE },
    }),
  },
  // sanitize-html drops a frame's src when its host is not listed; the frame itself goes too.
  exclusiveFilter: (frame) => frame.tag === "iframe" && !frame.attribs.src,
};

/**
 * Sanitises a fragment of HTML by the policy.
 * @example sanitiseHtml('<p onclick="x()">Hi<script>alert(1)</script></p>') // "<p>Hi</p>"
 * @example sanitiseHtml('<iframe src="https://evil.example/x"></iframe>') // ""
 */
export function sanitiseHtml(fragment: string): string {
  // sanitize-html closes void tags XML-style (`<br />`); HTML has no use for the slash. Only a
  // tag can end in ` />`: text and attribute values come out with `>` escaped.
  const clean = sanitizeHtml(fragment, OPTIONS).replace(/ \/>/g, ">");
  // A paragraph emptied by the sanitiser (it held only a script or an svg) is left out.
  return clean.includes("<p></p>") ? clean.replace(/(?:<p><\/p>\n?)+/g, "").replace(/<p><\/p>/g, "") : clean;
}

/**
 * True for a URL a Markdown link or image may point at: relative, or of an allowed scheme.
 * Control characters and whitespace inside the scheme do not hide it (`java\tscript:`).
 * @example isAllowedUrl("https://example.org/") // true
 * @example isAllowedUrl("javascript:alert(1)") // false
 * @example isAllowedUrl("../2023/a.md") // true
 */
export function isAllowedUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return !scheme || LINK_SCHEMES.includes(scheme[1]);
}
