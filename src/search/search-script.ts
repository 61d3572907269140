/**
 * The search page's script, a file of its own (a Content-Security-Policy without inline script
 * allows it), with a content hash in its name so it may be cached forever, like the stylesheet.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { projectFile } from "../build/project-root.ts";

/** The script's source file. */
// From the project, not relative to this module: compiled into dist/, it must still be this file, as written.
export const SEARCH_SCRIPT_FILE = projectFile("layouts/assets/search.js");

/** The script as a build writes it. */
export interface SearchScript {
  text: string;
  /** Site-relative path with the content hash, e.g. `/assets/search.1a2b3c4d5e.js`. */
  path: string;
}

let script: SearchScript | undefined;

/**
 * Reads and fingerprints the script (once per process: it is part of the generator's code).
 * @example searchScript().path // "/assets/search.1a2b3c4d5e.js"
 */
export function searchScript(): SearchScript {
  if (script) return script;
  const text = readFileSync(SEARCH_SCRIPT_FILE, "utf8");
  script = { text, path: `/assets/search.${createHash("sha256").update(text).digest("hex").slice(0, 10)}.js` };
  return script;
}
