/**
 * The content folder's `static/`: files copied byte for byte to the site root (favicon, logo,
 * PDFs, downloads). A static file may not take the place of a page the build writes.
 */
import { copyFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";

/** The folder of the content folder whose files are copied as they are. */
export const STATIC_FOLDER = "static";

/**
 * Site paths (`/logo.png`, `/docs/a.pdf`) of every file below `root/static/`, sorted; empty
 * when there is no such folder. Symbolic links are followed.
 * @example listStaticFiles("content") // ["/favicon.ico", "/media-kit/rates.pdf"]
 */
export function listStaticFiles(root: string): string[] {
  const base = join(root, STATIC_FOLDER);
  if (!statSync(base, { throwIfNoEntry: false })?.isDirectory()) return [];
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir)) {
      const stats = statSync(join(dir, entry), { throwIfNoEntry: false });
      if (stats?.isDirectory()) walk(join(dir, entry), `${prefix}${entry}/`);
      else if (stats?.isFile()) found.push(`/${prefix}${entry}`);
    }
  };
  walk(base, "");
  return found.sort();
}

/**
 * One `static-collision` error for each static file whose path is also a file the build
 * generates (`outputs`: paths relative to the output folder, without a leading slash).
 * @example staticCollisions(["/feed.xml"], ["feed.xml"])[0].message // "static/feed.xml would replace the generated /feed.xml."
 */
export function staticCollisions(staticFiles: readonly string[], outputs: readonly string[]): ContentIssue[] {
  const generated = new Set(outputs.map((o) => `/${o}`));
  return staticFiles
    .filter((path) => generated.has(path))
    .map((path) =>
      contentIssue("static-collision", { file: `${STATIC_FOLDER}${path}` }, `${STATIC_FOLDER}${path} would replace the generated ${path}.`),
    );
}

/**
 * Copies the static files (site paths from {@link listStaticFiles}) into `dir`.
 * @example copyStaticFiles("content", ["/favicon.ico"], staging)
 */
export function copyStaticFiles(root: string, staticFiles: readonly string[], dir: string): void {
  for (const path of staticFiles) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(root, STATIC_FOLDER, path), target);
  }
}

/**
 * Output paths (relative, no leading slash) of the static files, for the build's list of outputs.
 * @example staticOutputs(["/favicon.ico"]) // ["favicon.ico"]
 */
export function staticOutputs(staticFiles: readonly string[]): string[] {
  return staticFiles.map((path) => path.slice(1));
}
