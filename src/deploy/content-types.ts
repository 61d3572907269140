/**
 * The Content-Type a static host sends for each kind of file the site has or will have:
 * pages, styles, scripts, data and feeds, images, fonts, WebAssembly and Pagefind's index files.
 */
import { extname } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "application/xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
  // Pagefind's index: compressed binary chunks fetched by its script.
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
};

/**
 * The Content-Type for a file name; unknown kinds are `application/octet-stream`.
 * @example contentTypeFor("index.html") // "text/html; charset=utf-8"
 * @example contentTypeFor("pagefind/wasm.en.pagefind") // "application/octet-stream"
 */
export function contentTypeFor(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * True for types worth compressing (text and text-like data; images and WebAssembly modules
 * other than SVG are compressed already or handled by their loaders).
 * @example isCompressible("text/css; charset=utf-8") // true
 * @example isCompressible("image/png") // false
 */
export function isCompressible(type: string): boolean {
  return /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|manifest\+json|wasm)|image\/svg\+xml)/.test(type);
}
