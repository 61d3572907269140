/**
 * The files a static host reads from the top of the published folder: `_headers` (Netlify and
 * Cloudflare Pages: caching and security headers) and `.nojekyll` (GitHub Pages: publish the
 * folder as it is, without running Jekyll over it). `404.html` is a page of the site itself.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { HEADERS_FILE, renderHeaders, type HeaderRule } from "./headers-file.ts";
import { headerPolicy } from "../render/content-security.ts";

/** GitHub Pages' switch that turns Jekyll off. */
export const NOJEKYLL_FILE = ".nojekyll";

/** Every host file a build writes, as paths relative to the output folder. */
export const HOST_FILE_PATHS: readonly string[] = [HEADERS_FILE, NOJEKYLL_FILE];

/** Cache-Control for files whose name carries their content hash: they never change. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Cache-Control for pages and feeds: cached briefly, then checked again (ETag). */
export const SHORT = "public, max-age=300, must-revalidate";

/** The Content-Security-Policy header: the pages' own policy (src/render/content-security.ts) plus frame-ancestors. */
export const CONTENT_SECURITY_POLICY = headerPolicy();

/** Headers every response gets. */
export const SECURITY_HEADERS: readonly [string, string][] = [
  ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
];

/**
 * True for a file name that carries a content hash (`gazette.1a2b3c4d5e.css`).
 * @example isFingerprinted("assets/gazette.1a2b3c4d5e.css") // true
 * @example isFingerprinted("media/3f2a9c0b1d4e-800.webp") // true
 * @example isFingerprinted("index.html") // false
 */
export function isFingerprinted(path: string): boolean {
  // Image variants are named `<hash>-<width>.<ext>` (src/media/variant-plan.ts).
  return /\.[0-9a-f]{8,}\.[A-Za-z0-9]+$/.test(path) || /(^|\/)[0-9a-f]{12}-\d+\.[a-z0-9]+$/.test(path);
}

/**
 * The `_headers` rules for a build's outputs. Hosts join a header that two matching rules set
 * (`max-age=300, max-age=31536000`), so no two Cache-Control rules overlap: one rule per
 * top-level folder or file, immutable for a folder that holds only fingerprinted files.
 * Patterns carry the site's base path, since that is the path readers ask for.
 * @example headerRules(["index.html", "assets/gazette.1a2b3c4d5e.css"], "")[2] // { pattern: "/assets/*", headers: [["Cache-Control", IMMUTABLE]] }
 */
export function headerRules(outputs: readonly string[], basePath: string): HeaderRule[] {
  const base = basePath.replace(/\/+$/, "");
  const folders = new Map<string, boolean>();
  const files: string[] = [];
  for (const output of outputs) {
    if (HOST_FILE_PATHS.includes(output)) continue;
    const slash = output.indexOf("/");
    if (slash === -1) files.push(output);
    else {
      const folder = output.slice(0, slash);
      folders.set(folder, (folders.get(folder) ?? true) && isFingerprinted(output));
    }
  }
  const rules: HeaderRule[] = [{ pattern: `${base}/*`, headers: [...SECURITY_HEADERS] }];
  for (const file of [...files].sort()) {
    const cache = isFingerprinted(file) ? IMMUTABLE : SHORT;
    // The front page is asked for as the folder, not as its file.
    if (file === "index.html") rules.push({ pattern: `${base}/`, headers: [["Cache-Control", cache]] });
    rules.push({ pattern: `${base}/${file}`, headers: [["Cache-Control", cache]] });
  }
  for (const [folder, immutable] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
    rules.push({ pattern: `${base}/${folder}/*`, headers: [["Cache-Control", immutable ? IMMUTABLE : SHORT]] });
  }
  return rules;
}

/**
 * The host files of a build: path (relative to the output folder) → text.
 * @example hostFiles(["index.html"], "/archive")[".nojekyll"] // ""
 */
export function hostFiles(outputs: readonly string[], basePath: string): Record<string, string> {
  return { [HEADERS_FILE]: renderHeaders(headerRules(outputs, basePath)), [NOJEKYLL_FILE]: "" };
}

/**
 * Writes the host files for `outputs` into `dir` (the build's staging folder).
 * @example writeHostFiles(staging, staged.manifest.outputs, "/archive")
 */
export function writeHostFiles(dir: string, outputs: readonly string[], basePath: string): void {
  for (const [path, text] of Object.entries(hostFiles(outputs, basePath))) writeFileSync(join(dir, path), text);
}
