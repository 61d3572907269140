/**
 * Where the generator's own files are, whether it runs from its TypeScript sources or from the
 * JavaScript compiled into `dist/` (one level deeper): the nearest folder above this module
 * with the project's package.json. Assets (the stylesheet, layouts/) are read from there.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "layouts"))) return dir;
    if (dirname(dir) === dir) throw new Error(`Gazette's package.json was not found above ${from}.`);
  }
}

/** The project folder, e.g. `/usr/lib/node_modules/gazette`. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** True when this process runs the JavaScript compiled into `dist/`, not the sources. */
export const COMPILED = fileURLToPath(import.meta.url).endsWith(".js");

/**
 * A file of the project, by its path in the repository.
 * @example projectFile("layouts/assets/gazette.css") // "/…/gazette/layouts/assets/gazette.css"
 */
export function projectFile(path: string): string {
  return join(PROJECT_ROOT, path);
}
