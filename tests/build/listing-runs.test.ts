/**
 * Listing pages go through Eleventy in runs (src/build/build-site.ts, `renderListings`): a large
 * archive's would otherwise all stay alive until the one run ended. How they are cut into runs
 * must never show in the output, cold or warm.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, LISTINGS_PER_RUN, type BuildOptions } from "../../src/build/build-site.ts";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";

const SECTIONS = ["politics", "world", "world/europe", "sport"];
const story = (n: number, title = `Story ${n}`) =>
  article([`title: ${title}`, `date: 2023-03-${String(1 + (n % 9)).padStart(2, "0")}T0${n % 10}:30:00`, `section: ${SECTIONS[n % 4]}`, `tags: [topic ${n % 3}, topic ${n % 5}]`, `authors: [Writer ${n % 2}]`], `CITY – Story ${n} happened.\n`);

function archive(): string {
  const files: Record<string, string> = {};
  for (let n = 1; n <= 14; n++) files[`2023/story-${n}.md`] = story(n);
  return fixtureArchive(files);
}

describe("listing pages in runs", () => {
  const options = (content: string, out: string, extra: Partial<BuildOptions> = {}): BuildOptions => ({ content, out, cache: false, reportDir: false, noSearch: true, now: "2023-04-01T00:00:00Z", ...extra });

  it("give the same output in runs of 1, 7 or all at once", async () => {
    const content = archive();
    const trees = [];
    for (const listingsPerRun of [1, 7, LISTINGS_PER_RUN]) {
      const out = tempOut();
      const built = await buildSite(options(content, out, { listingsPerRun }));
      expect(built.ok).toBe(true);
      trees.push(hashTree(out));
    }
    // Enough listing pages (sections, days, topics, authors, …) that runs of 7 are several runs.
    expect(Object.keys(trees[0]).filter((path) => path.endsWith(".html")).length).toBeGreaterThan(40);
    expect(trees[0]).toEqual(trees[2]);
    expect(trees[1]).toEqual(trees[2]);
  });

  it("give a warm build in runs of 2 the output of a cold one", async () => {
    const content = archive();
    const out = tempOut();
    const cache = tempDir("gazette-cache-");
    await buildSite(options(content, out, { cache, listingsPerRun: 2 }));
    writeFileSync(join(content, "2023/story-5.md"), story(5, "Story five, retitled"));
    const warm = await buildSite(options(content, out, { cache, listingsPerRun: 2 }));
    expect(warm.report.cache.listings).toBeGreaterThan(2);
    const cold = tempOut();
    await buildSite(options(content, cold));
    expect(hashTree(out)).toEqual(hashTree(cold));
  });

  it.each([0, -1, 2.5, Number.NaN])("refuses runs of %s pages before it reads or writes anything", async (listingsPerRun) => {
    const out = tempOut();
    await expect(buildSite(options(archive(), out, { listingsPerRun }))).rejects.toThrow(/listingsPerRun must be a whole number of at least 1/);
    // Refused before the output folder was claimed: neither it nor its lock was made.
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dirname(out)).filter((name) => name.includes("gazette-lock"))).toEqual([]);
  });
});
