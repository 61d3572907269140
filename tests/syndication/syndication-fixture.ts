/**
 * One fixture archive for the syndication tests, built once per test file: nested sections,
 * an article with updates and a correction, one whose title tries to close a script element,
 * one with raw HTML and relative links in its body, and an image; tags that hold `&`, `<` and
 * a quote, which feeds carry in attributes and text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite, type BuildOptions } from "../../src/build/build-site.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";
import { tempOut } from "../helpers/built-site.ts";

export const SITE = `${SITE_YML}publisher:
  name: Tribune Media Group
  logo: /media/logo.png
  url: https://media.example.org
`;

/** The article with two updates and a correction (anchors update-1, correction-2, update-3). */
export const RICH = "/2024/03/10/harbour-budget/";

/** A real image beside the rich article (1×1 PNG): local body images become variants under /media/. */
export const MAP_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** A local image variant's absolute URL in a feed body. */
export const MAP_VARIANT = /https:\/\/tribune\.example\.org\/media\/[0-9a-f]+-1\.png/;

export const FILES: Record<string, string | Uint8Array> = {
  "map.png": MAP_PNG,
  "site.yml": SITE,
  "harbour-budget.md": article(
    [
      'title: "Council approves the harbour budget"',
      "date: 2024-03-10T09:30:00",
      "section: politics",
      "summary: The vote was 19 to 12.",
      "authors: [Mara Keller, Elif Şahin]",
      "tags: [budget, harbour]",
      "image:",
      "  src: /media/harbour.jpg",
      "  alt: The harbour at dawn",
      "  credit: Tribune",
      "updates:",
      "  - at: 2024-03-10T14:16:00",
      "    text: The mayor's office confirmed the figures.",
      "  - at: 2024-03-11T08:00:00",
      "    kind: correction",
      "    text: An earlier version gave the wrong year for the bridge.",
      "  - at: 2024-03-12T18:45:30",
      "    text: The budget was signed.",
    ],
    "The council voted. See [the section](/politics/) and [notes](notes/).\n\n![Map](map.png)\n\n<script>alert(1)</script>\n",
  ),
  "script-title.md": article(['title: "Breaking </script><script>alert(1)</script> & more"', "date: 2024-03-09T12:00:00", "section: world/europe", "authors: Jan Berg", `tags: ["R&D", 'Q"A <x>']`]),
  "world-lead.md": article(["title: World lead", "date: 2024-03-08T12:00:00", "section: world", "tags: [globe]"]),
  "sport-old.md": article(["title: An old sports story", "date: 2023-01-05", "section: sport"]),
};

/** Builds FILES (or `files`) into a fresh folder, cold and without a cache. */
export async function buildFixture(files: Record<string, string | Uint8Array> = FILES, options: Partial<BuildOptions> = {}): Promise<string> {
  const content = fixtureArchive(files);
  const out = tempOut();
  const result = await buildSite({ content, out, cache: false, threads: 1, ...options });
  if (!result.ok) throw new Error(`fixture build failed: ${JSON.stringify(result.issues)}`);
  return out;
}

/** A built file's text. */
export function readOut(out: string, path: string): string {
  return readFileSync(join(out, path), "utf8");
}
