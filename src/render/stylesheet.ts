/**
 * The site's one stylesheet, with a content hash in its file name so hosts and browsers may
 * cache it forever (a query string is ignored by some CDNs' caches and by S3 keys).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { projectFile } from "../build/project-root.ts";

/** The stylesheet's source file. */
export const STYLESHEET_FILE = projectFile("layouts/assets/gazette.css");

/** The stylesheet as a build uses it. */
export interface Stylesheet {
  css: string;
  /** Where it is written, site-relative, with the content hash in the name. */
  path: string;
  /** How pages link to it (the same as `path`). */
  url: string;
}

/**
 * Reads the stylesheet and fingerprints it.
 * @example readStylesheet().url // "/assets/gazette.1a2b3c4d5e.css"
 */
export function readStylesheet(): Stylesheet {
  const css = readFileSync(STYLESHEET_FILE, "utf8");
  const version = createHash("sha256").update(css).digest("hex").slice(0, 10);
  const path = `/assets/gazette.${version}.css`;
  return { css, path, url: path };
}
