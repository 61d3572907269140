/**
 * The quick rebuild of a headline or summary edit (src/build/quick-listings.ts) across every
 * kind of listing page: sections and their parents, topics, authors, days, months, years, the
 * corrections listing and the front page. Each must show the new teaser exactly as a cold
 * build does, and the stores it leaves must serve the next builds, quick or full.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { buildSite, type BuildOptions } from "../../src/build/build-site.ts";
import { manifestPath } from "../../src/build/build-cache.ts";
import { recordStoreFile } from "../../src/build/record-store.ts";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";

// More stories than a feed carries (50) in the section, the topic, the author and the
// corrections, so that an old story is in no feed and the quick path can take its headline.
const STORIES = 80;
const day = (n: number) => {
  const date = new Date(Date.UTC(2023, 0, n));
  return date.toISOString().slice(0, 10);
};
const file = (n: number) => `2023/story-${n}.md`;
const frontMatter = (n: number, title: string, summary?: string) => [
  `title: ${title}`,
  `date: ${day(n)}T10:00:00`,
  `section: ${n % 8 === 0 ? "politics" : "world/europe"}`,
  ...(summary ? [`summary: ${summary}`] : []),
  "authors: Ada Quill",
  "tags: [harbour]",
  "updates:",
  `  - at: ${day(n)}T18:00:00`,
  "    kind: correction",
  `    text: An earlier version of story ${n} misspelt a name.`,
];
const story = (n: number, title = `Story ${n}`, summary?: string) => article(frontMatter(n, title, summary), `PORT – Story ${n} happened.\n`);
const NOW = "2023-06-01T00:00:00Z";

function initialFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= STORIES; n++) files[file(n)] = story(n, `Story ${n}`, n === 5 ? "The fifth, in brief." : undefined);
  return files;
}

/** Every HTML file of `out` that contains `text`, by path. */
function pagesWith(out: string, text: string): string[] {
  return (readdirSync(out, { recursive: true }) as string[])
    .filter((path) => path.endsWith(".html") && readFileSync(join(out, path), "utf8").includes(text))
    .map((path) => relative(out, join(out, path)))
    .sort();
}

describe("a quick rebuild of a headline edit", () => {
  let content: string;
  let out: string;
  let cache: string;
  const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ content, out, cache, reportDir: false, noSearch: true, now: NOW, ...extra });
  const cold = async (extra: Partial<BuildOptions> = {}) => {
    const folder = tempOut();
    await buildSite({ ...options(extra), out: folder, cache: false });
    return hashTree(folder);
  };
  const retitle = (n: number, title: string, summary?: string) => writeFileSync(join(content, file(n)), story(n, title, summary));
  /** A cold build, then the first headline edit, which goes the full way and writes the stores the next ones use. */
  const coldAndFirstEdit = async (extra: Partial<BuildOptions> = {}) => {
    expect((await buildSite(options(extra))).report.cold).toBe(true);
    retitle(11, "Story 11, retold");
    const first = await buildSite(options(extra));
    expect(first.ok).toBe(true);
    expect(first.report.quick).toBeFalsy();
  };
  const storeThere = () => existsSync(recordStoreFile(manifestPath(cache, content, out)));

  beforeEach(() => {
    content = fixtureArchive(initialFiles());
    out = tempOut();
    cache = tempDir("gazette-cache-");
  });

  it("writes every kind of listing page that shows an old story, as a cold build does", async () => {
    await coldAndFirstEdit();
    retitle(3, "Harbour master “resigns” & <leaves>");
    const warm = await buildSite(options());
    expect(warm.ok).toBe(true);
    expect(warm.report.quick).toBe(true);
    expect(hashTree(out)).toEqual(await cold());

    const shown = pagesWith(out, "Harbour master “resigns” &amp; &lt;leaves&gt;");
    const kinds: [kind: string, path: RegExp][] = [
      ["its own page", /^2023\/01\/03\/story-3\/index\.html$/],
      ["its section", /^world\/europe\//],
      ["the parent section", /^world\/(page\/\d+\/)?index\.html$/],
      ["its topic", /^topics\/harbour\//],
      ["its author", /^authors\/ada-quill\//],
      ["its day", /^2023\/01\/03\/index\.html$/],
      ["its month", /^2023\/01\/(page\/\d+\/)?index\.html$/],
      ["its year", /^2023\/(page\/\d+\/)?index\.html$/],
      ["the corrections", /^corrections\//],
      ["a neighbour's navigation", /^2023\/01\/0[0-9]\/story-\d\/index\.html$/],
    ];
    for (const [kind, path] of kinds) expect(shown.some((page) => path.test(page)), `${kind} in ${shown.join(", ")}`).toBe(true);
    // Rendered again: the pages that show it, and nothing else.
    expect(warm.report.cache.listings).toBe(shown.filter((page) => !/story-\d+\//.test(page)).length);
    expect(warm.report.cache.rendered).toBe(shown.filter((page) => /story-\d+\//.test(page)).length);
  });

  it("writes the front page when the newest story's headline changes and the feeds are off", async () => {
    const off = { noFeeds: true };
    await coldAndFirstEdit(off);
    retitle(STORIES, "The last story, retold");
    const warm = await buildSite(options(off));
    expect(warm.report.quick).toBe(true);
    expect(pagesWith(out, "The last story, retold")).toContain("index.html");
    expect(hashTree(out)).toEqual(await cold(off));
  });

  it("takes a summary edit the same way", async () => {
    await coldAndFirstEdit();
    retitle(5, "Story 5", "The fifth, told again & <shorter>.");
    const warm = await buildSite(options());
    expect(warm.report.quick).toBe(true);
    expect(warm.report.cache.listings).toBeGreaterThan(0);
    expect(hashTree(out)).toEqual(await cold());
  });

  it("leaves stores the next builds use: a second edit, a full build and an edit back all equal cold", async () => {
    await coldAndFirstEdit();
    retitle(3, "A first new headline");
    expect((await buildSite(options())).report.quick).toBe(true);
    // A second headline edit reads the rows and pages the first one left.
    retitle(3, "A second new headline");
    retitle(7, "A neighbour's new headline");
    const second = await buildSite(options());
    expect(second.report.quick).toBe(true);
    expect(hashTree(out)).toEqual(await cold());

    // A new tag places story 9 on other pages: the full way, which removes the stores (they
    // would cost every such build their time at 100,000 articles).
    writeFileSync(join(content, file(9)), story(9).replace("tags: [harbour]", "tags: [harbour, ferries]"));
    const full = await buildSite(options());
    expect(full.report.quick).toBeFalsy();
    expect(full.report.cold).toBe(false);
    expect(storeThere()).toBe(false);
    expect(hashTree(out)).toEqual(await cold());

    // So the next headline edit goes the full way and writes them again; the one after is quick.
    retitle(3, "Story 3");
    const back = await buildSite(options());
    expect(back.report.quick).toBeFalsy();
    expect(storeThere()).toBe(true);
    expect(pagesWith(out, "A second new headline")).toEqual([]);
    expect(hashTree(out)).toEqual(await cold());
    retitle(7, "Story 7");
    expect((await buildSite(options())).report.quick).toBe(true);
    expect(hashTree(out)).toEqual(await cold());
  });

  it("writes no stores on a cold build, nor on the full build of a headline edit a feed carries", async () => {
    await buildSite(options());
    expect(storeThere()).toBe(false);
    // The newest story is in every feed: its headline goes the full way whatever the stores.
    retitle(STORIES, "The newest, retitled");
    expect((await buildSite(options())).report.quick).toBeFalsy();
    expect(storeThere()).toBe(false);
    expect(hashTree(out)).toEqual(await cold());
  });

  it("goes the full way, with the same output, when the stores are gone", async () => {
    await coldAndFirstEdit();
    expect(storeThere()).toBe(true);
    for (const name of readdirSync(cache, { recursive: true }) as string[]) {
      if (name.endsWith(".records")) writeFileSync(join(cache, name), "not a store");
    }
    retitle(3, "A headline after the store broke");
    const warm = await buildSite(options());
    expect(warm.ok).toBe(true);
    expect(warm.report.quick).toBeFalsy();
    expect(hashTree(out)).toEqual(await cold());
  });
});
