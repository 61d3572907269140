/**
 * The Content-Security-Policy of every page, sent both as a `<meta http-equiv>` in the page
 * (so it holds on any host) and in the `_headers` file (where a host reads one).
 *
 * - `script-src 'self'`: no inline script runs. The only inline scripts a page has are JSON-LD
 *   blocks (`type="application/ld+json"`), which are data, never executed, and so outside the
 *   policy. Should the site ever need an inline script, its hash goes in {@link INLINE_SCRIPTS}.
 *   `'wasm-unsafe-eval'` lets the search page's own script (Pagefind, served from this site)
 *   compile its WebAssembly index reader; it allows WebAssembly only, never JavaScript `eval`.
 * - `style-src 'self'` plus, through `'unsafe-hashes'`, exactly the three `style` attributes
 *   Markdown tables write for column alignment (`text-align:left|center|right`); no other
 *   inline style applies.
 * - `img-src 'self' https: data:`: archives link pictures from elsewhere; the icon is inline.
 * - `frame-src` the video hosts of the raw-HTML policy, nothing else.
 * - `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`.
 *
 * Eleventy's dev server (`gazette serve`) loads its reload client from `/.11ty/…` ('self') and
 * talks over a WebSocket to the same host and port, which `'self'` covers (CSP 3 matches `ws:`
 * for an `http:` page and `wss:` for `https:`), so serve needs no relaxed policy.
 */
import { createHash } from "node:crypto";
import { VIDEO_HOSTS } from "./html-policy.ts";

/** Inline scripts the site itself needs, by their exact text; their hashes are allowed. None today. */
export const INLINE_SCRIPTS: readonly string[] = [];

/** The inline `style` attributes Markdown writes (table column alignment). */
export const INLINE_STYLES: readonly string[] = ["text-align:left", "text-align:center", "text-align:right"];

/**
 * The CSP source expression for a piece of inline text.
 * @example hashSource("text-align:left") // "'sha256-…'"
 */
export function hashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The policy's directives, in the order they are written. */
export const DIRECTIVES: readonly [string, readonly string[]][] = [
  ["default-src", ["'self'"]],
  ["script-src", ["'self'", "'wasm-unsafe-eval'", ...INLINE_SCRIPTS.map(hashSource)]],
  ["style-src", ["'self'", "'unsafe-hashes'", ...INLINE_STYLES.map(hashSource)]],
  ["img-src", ["'self'", "https:", "data:"]],
  ["frame-src", VIDEO_HOSTS.map((host) => `https://${host}`)],
  ["object-src", ["'none'"]],
  ["base-uri", ["'self'"]],
  ["form-action", ["'self'"]],
];

/**
 * The policy as one header or meta value.
 * @example contentSecurityPolicy().startsWith("default-src 'self'; script-src 'self'") // true
 */
export function contentSecurityPolicy(): string {
  return DIRECTIVES.map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
}

/**
 * The policy for the `Content-Security-Policy` response header: the page's policy, plus
 * `frame-ancestors 'none'` (no other site may frame a page), which only a header can carry.
 * @example headerPolicy().endsWith("frame-ancestors 'none'") // true
 */
export function headerPolicy(): string {
  return `${contentSecurityPolicy()}; frame-ancestors 'none'`;
}
