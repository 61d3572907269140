/**
 * Writes small archives into temporary folders for tests: a site.yml plus the given files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "./temp-dirs.ts";

/** A site.yml for tests; the time zone is New York so date boundaries are visible from UTC. */
export const SITE_YML = `title: The Test Tribune
url: https://tribune.example.org
language: en
timeZone: America/New_York
perPage: 2
sections:
  - id: politics
    title: Politics
  - id: world
    title: World
  - id: world/europe
    title: Europe
  - id: sport
    title: Sport
`;

/**
 * An article file's text from front-matter lines and a body.
 * @example article(["title: A", "date: 2023-02-18", "section: politics"]) // "---\ntitle: A\n…---\n…"
 */
export function article(frontMatter: string[], body = "WASHINGTON – Something happened.\n\n## A subhead\n\nMore text. (ab)\n"): string {
  return `---\n${frontMatter.join("\n")}\n---\n${body}`;
}

/**
 * Creates a temporary content folder with `files` (paths relative to it); site.yml defaults to
 * SITE_YML, and a file given as `null` is left out. It is removed after the test file.
 */
export function fixtureArchive(files: Record<string, string | Uint8Array | null>, prefix = "gazette-fixture-"): string {
  const root = tempDir(prefix);
  const all = { "site.yml": SITE_YML, ...files };
  for (const [path, text] of Object.entries(all)) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
