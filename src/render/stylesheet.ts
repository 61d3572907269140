/**
 * The site's one stylesheet, with a content hash in its link so browsers may cache it forever.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The stylesheet's source file. */
export const STYLESHEET_FILE = fileURLToPath(new URL("../../layouts/assets/gazette.css", import.meta.url));

/** The stylesheet as a build uses it. */
export interface Stylesheet {
  css: string;
  /** Where it is written, site-relative. */
  path: string;
  /** How pages link to it: the path with a content hash. */
  url: string;
}

/**
 * Reads the stylesheet and fingerprints it.
 * @example readStylesheet().url // "/assets/gazette.css?v=1a2b3c4d5e"
 */
export function readStylesheet(): Stylesheet {
  const css = readFileSync(STYLESHEET_FILE, "utf8");
  const version = createHash("sha256").update(css).digest("hex").slice(0, 10);
  return { css, path: "/assets/gazette.css", url: `/assets/gazette.css?v=${version}` };
}
