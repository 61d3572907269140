/**
 * Slugs, file names and aliases as an attacker would write them: "..", "/", "%2e", NUL,
 * Windows device names, Unicode look-alikes. For any input the pipeline returns a valid article
 * whose files lie inside the output folder, or a located error; a real build of the hostile
 * cases writes nothing outside its output folder.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { buildSectionTree } from "../../src/archive/sections.ts";
import { outputPathFor } from "../../src/archive/permalinks.ts";
import { aliasPagePath } from "../../src/publishing/alias-paths.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const context = { site: { timeZone: "America/New_York" }, sections: buildSectionTree([{ id: "politics", title: "Politics" }]) };
const OUT = resolve("/srv/site");
const inside = (path: string) => resolve(OUT, path).startsWith(`${OUT}/`);

// Pieces that have broken path handling somewhere: dot segments, encoded ones, separators,
// NUL, device names, look-alikes of "/" and ".", and letters that transliterate.
const PIECES = ["..", ".", "/", "\\", "%2e", "%2E%2e", "%2f", "%00", "\u0000", "con", "NUL", "aux.md", "\uff0f", "\u2024", "\u2215", "\u00e9", "\u0130", "ß", "a", "-", "_", " ", "md", ".md"];
const hostile = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 30 }));
const front = (slug?: string) => ["title: T", "date: 2023-02-18T10:00:00", "section: politics", ...(slug === undefined ? [] : [`slug: ${JSON.stringify(slug)}`])];

/** Every path the article would write: its page and its redirect pages. */
function pathsOf(result: ReturnType<typeof validateArticle>): string[] {
  const a = result.article!;
  return [outputPathFor(a.url), ...(a.aliases ?? []).flatMap((alias) => aliasPagePath(alias) ?? [])];
}

describe("any slug, file name or alias", () => {
  it("as a file name: an article inside the output folder, or a located slug error", () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const result = validateArticle(`2023/${name}.md`, article(front()), context);
        if (result.article) {
          expect(result.article.slug).toMatch(/^[a-z0-9_-][a-z0-9._-]*$/);
          expect(pathsOf(result).every(inside)).toBe(true);
        } else {
          expect(result.issues.map((i) => [i.code, i.line])).toEqual([[expect.stringMatching(/^slug-(invalid|too-long)$/), 1]]);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("as an explicit slug: an article inside the output folder, or a located error at its line", () => {
    fc.assert(
      fc.property(hostile, (slug) => {
        const result = validateArticle("a.md", article(front(slug)), context);
        if (result.article) expect(pathsOf(result).every(inside)).toBe(true);
        else for (const issue of result.issues) expect(issue.line).toBe(5);
      }),
      { numRuns: 1500 },
    );
  });

  it("as an alias: a redirect page inside the output folder, or a located alias error", () => {
    fc.assert(
      fc.property(hostile, (tail) => {
        const result = validateArticle("a.md", article([...front(), "aliases:", `  - ${JSON.stringify(`/${tail}`)}`]), context);
        if (result.article) expect(pathsOf(result).every(inside)).toBe(true);
        else for (const issue of result.issues) expect([issue.code, issue.line]).toEqual([expect.stringMatching(/^(alias-invalid|control-character)$/), 6]);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("a build of hostile slugs and aliases", () => {
  it.each([
    ["slug: ..", "slug-invalid"],
    ['slug: "../../etc"', "slug-invalid"],
    ['slug: "%2e%2e"', "slug-invalid"],
    ['slug: "a/b"', "slug-invalid"],
    ["slug: con", "slug-invalid"],
    ["aliases: [/../../outside/]", "alias-invalid"],
    ['aliases: ["/%2e%2e/%2e%2e/outside/"]', "alias-invalid"],
    ['aliases: ["/a%2f..%2f..%2foutside/"]', "alias-invalid"],
    ['aliases: ["/a%00/"]', "alias-invalid"],
    ["aliases: [/nul/]", "alias-invalid"],
    ['aliases: ["\\\\\\\\host\\\\share"]', "alias-invalid"],
  ])("%s is a located error and nothing is written", async (line, code) => {
    const dir = tempDir("gazette-hostile-");
    const content = fixtureArchive({ "a.md": article([...front(), line]) });
    const result = await buildSite({ content, out: join(dir, "site"), cache: false, reportDir: false });
    expect(result.issues.map((i) => [i.code, i.file, i.line])).toEqual([[code, "a.md", 5]]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("look-alikes are plain names: built inside the output folder, nothing beside it", async () => {
    const dir = tempDir("gazette-lookalike-");
    // A file name of look-alike dots folds (NFKD) to "..", which gives no slug: a located error.
    const folded = validateArticle("\u2024\u2024.md", article(front()), context);
    expect(folded.issues.map((i) => [i.code, i.line])).toEqual([["slug-invalid", 1]]);
    const content = fixtureArchive({
      "a.md": article([...front(), "aliases: ['/\uff0e\uff0e/\uff0e\uff0e/x/', '/a\u2215b/', '/\u2024\u2024/']"]),
    });
    const out = join(dir, "site");
    const result = await buildSite({ content, out, cache: false, reportDir: false });
    expect(result.issues).toEqual([]);
    expect(readdirSync(dir)).toEqual(["site"]);
    const files = Object.keys(hashTree(out));
    expect(files).toEqual(expect.arrayContaining(["\uff0e\uff0e/\uff0e\uff0e/x/index.html", "a\u2215b/index.html", "\u2024\u2024/index.html"]));
    expect(files.every((file) => inside(file) && !file.split("/").includes(".."))).toBe(true);
  });
});
