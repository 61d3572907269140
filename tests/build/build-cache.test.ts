/**
 * Warm rebuilds: with the build cache, only changed articles are prepared again, and the
 * output is byte-identical to a cold build of the same content.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { manifestPath } from "../../src/build/build-cache.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { baseFile, entriesFolder, readIndex } from "../../src/build/manifest-store.ts";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";

const story = (n: number, extra: string[] = []) =>
  article([`title: Story ${n}`, `date: 2023-01-${String(n).padStart(2, "0")}T10:00:00`, `section: ${n % 2 ? "politics" : "world/europe"}`, ...extra]);

function initialFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= 7; n++) files[`2023/story-${n}.md`] = story(n);
  files["2023/story-3.md"] = story(3, ["updates:", "  - at: 2023-01-04T09:00:00", "    text: A later note."]);
  return files;
}

type Change = [name: string, change: (content: string) => void, prepared: number];

const changes: Change[] = [
  ["nothing", () => {}, 0],
  ["an edited body", (c) => writeFileSync(join(c, "2023/story-2.md"), story(2).replace("Something happened.", "Something else happened.")), 1],
  ["an edited title, seen on listing pages", (c) => writeFileSync(join(c, "2023/story-5.md"), story(5).replace("Story 5", "Story five")), 1],
  ["a new date, which moves the URL", (c) => writeFileSync(join(c, "2023/story-4.md"), story(4).replace("2023-01-04", "2023-02-04")), 1],
  ["an added article", (c) => writeFileSync(join(c, "2023/story-8.md"), story(8)), 1],
  ["deleted articles, which take a section's second page with them", (c) => ["1", "3"].forEach((n) => rmSync(join(c, `2023/story-${n}.md`))), 0],
  ["a renamed file", (c) => renameSync(join(c, "2023/story-6.md"), join(c, "2023/story-six.md")), 1],
  ["a new update", (c) => writeFileSync(join(c, "2023/story-7.md"), story(7, ["updates:", "  - at: 2023-01-09T09:00:00", "    kind: correction", "    text: Fixed."])), 1],
  ["a touched file with the same content", (c) => utimesSync(join(c, "2023/story-2.md"), new Date(), new Date(Date.now() + 5000)), 0],
  ["a changed site.yml", (c) => writeFileSync(join(c, "site.yml"), SITE_YML.replace("The Test Tribune", "The Test Herald")), 7],
  ["a new draft", (c) => writeFileSync(join(c, "2023/story-9.md"), story(9, ["draft: true"])), 1],
];

describe("a warm rebuild", () => {
  let content: string;
  let out: string;
  let cache: string;

  beforeEach(async () => {
    content = fixtureArchive(initialFiles());
    out = tempOut();
    cache = tempDir("gazette-cache-");
    const first = await buildSite({ content, out, cache });
    expect(first.report.cold).toBe(true);
  });

  it.each(changes)("after %s is byte-identical to a cold build and prepares only what changed", async (_, change, prepared) => {
    change(content);
    const warm = await buildSite({ content, out, cache });
    expect(warm.issues).toEqual([]);
    expect(warm.report.cold).toBe(prepared === 7);
    expect(warm.report.cache.prepared).toBe(prepared);

    const cold = tempOut();
    await buildSite({ content, out: cold, cache: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  });

  it("after a failed rebuild leaves the output and the cache as they were", async () => {
    const before = hashTree(out);
    writeFileSync(join(content, "2023/story-2.md"), story(2).replace("2023-01-02T10:00:00", "2023-01-32T10:00:00"));
    const failed = await buildSite({ content, out, cache });
    expect(failed.ok).toBe(false);
    expect(failed.issues.map((i) => i.code)).toEqual(["date-invalid"]);
    expect(hashTree(out)).toEqual(before);

    // Still reported on the next build: an unchanged broken file is never taken from the cache as good.
    expect((await buildSite({ content, out, cache })).issues.map((i) => i.code)).toEqual(["date-invalid"]);
    writeFileSync(join(content, "2023/story-2.md"), story(2));
    const fixed = await buildSite({ content, out, cache });
    expect(fixed.ok).toBe(true);
    expect(hashTree(out)).toEqual(before);
  });

  it("renders only the listing pages whose content changed, and writes the others never again", async () => {
    const all = (await buildSite({ content, out, cache: tempDir("gazette-cache-") })).report.cache.listings;
    const untouched = statSync(join(out, "politics", "index.html"));
    expect((await buildSite({ content, out, cache })).report.cache.listings).toBe(0);

    // A new title in world/europe: its section pages, the front page, its date pages … change; politics' index does not.
    writeFileSync(join(content, "2023/story-4.md"), story(4).replace("Story 4", "Story four"));
    const warm = await buildSite({ content, out, cache });
    expect(warm.report.cache.listings).toBeGreaterThan(0);
    expect(warm.report.cache.listings).toBeLessThan(all);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("Story four");
    const after = statSync(join(out, "politics", "index.html"));
    expect([after.ino, after.mtimeMs]).toEqual([untouched.ino, untouched.mtimeMs]);

    // A listing page deleted by hand is written again although its signature is unchanged.
    rmSync(join(out, "politics", "index.html"));
    expect((await buildSite({ content, out, cache })).report.cache.listings).toBe(1);
    const cold = tempOut();
    await buildSite({ content, out: cold, cache: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  });

  it.each([
    ["headline", (n: number) => `Story ${n}`, (n: number) => `Story number ${n}`],
    ["summary", () => "summary: Before.", () => "summary: After."],
  ])("after a %s edit renders exactly the pages whose files change: no topic, author or archive index for a count that stayed", async (_, before, after) => {
    // Every story in one topic and by one author, so that each has pages the edit is not on.
    const tagged = (n: number, text: string) => article([`title: Story ${n}`, `date: 2023-0${1 + (n % 3)}-1${n}T10:00:00`, "section: politics", "summary: Before.", "tags: [Budget]", "authors: [Ana Ruiz]"]).replace(before(n), text);
    const files: Record<string, string> = {};
    for (let n = 1; n <= 9; n++) files[`2023/tagged-${n}.md`] = tagged(n, before(n));
    const tree = fixtureArchive(files);
    const site = tempOut();
    const store = tempDir("gazette-cache-");
    await buildSite({ content: tree, out: site, cache: store });
    const first = hashTree(site);

    writeFileSync(join(tree, "2023/tagged-4.md"), tagged(4, after(4)));
    const warm = await buildSite({ content: tree, out: site, cache: store });
    const now = hashTree(site);
    const changedHtml = Object.keys(now).filter((path) => path.endsWith(".html") && now[path] !== first[path]);
    expect(changedHtml).toContain("topics/budget/page/3/index.html");
    expect(changedHtml).not.toContain("topics/index.html");
    expect(changedHtml).not.toContain("authors/index.html");
    expect(changedHtml).not.toContain("archive/index.html");
    expect(warm.report.cache.rendered + warm.report.cache.listings).toBe(changedHtml.length);

    const cold = tempOut();
    await buildSite({ content: tree, out: cold, cache: false });
    expect(hashTree(site)).toEqual(hashTree(cold));
  });

  it("after every file was touched, reads them again and rewrites no shard of records, byte-identical to cold", async () => {
    // A checkout or a restored backup gives every file a new stamp and the same content. A page
    // deleted by hand sends the build the full way, which must then find each file unchanged.
    // An hour back: a stamp newer than the scan would be racily clean, read again by every build.
    const earlier = new Date(Date.now() - 3_600_000);
    for (let n = 1; n <= 7; n++) utimesSync(join(content, `2023/story-${n}.md`), earlier, earlier);
    rmSync(join(out, "politics", "index.html"));
    const manifest = manifestPath(cache, content, out);
    const shards = entriesFolder(manifest);
    const stamps = () => Object.fromEntries(readdirSync(shards).map((f) => [f, statSync(join(shards, f)).mtimeMs]));
    const before = stamps();
    const baseWritten = statSync(baseFile(manifest)).mtimeMs;
    const warm = await buildSite({ content, out, cache });
    expect(warm.report.quick).toBeFalsy();
    expect(warm.report.cache.unchangedContent).toBe(7);
    expect(stamps()).toEqual(before);
    // Neither is the base: the same files in the same order, the new stamps as rows of the index.
    expect(statSync(baseFile(manifest)).mtimeMs).toBe(baseWritten);

    const cold = tempOut();
    await buildSite({ content, out: cold, cache: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
    // The index holds the new stamps, which the next build compares with (racily clean until their ctime is 3 s old).
    const index = readIndex(manifest, (JSON.parse(readFileSync(manifest, "utf8")) as { key: string }).key)!;
    expect(index.changed.map((row) => row[1]).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `2023/story-${n}.md`));
    const at = index.stamps.files.indexOf("2023/story-1.md");
    expect(index.stamps.mtimeMs[at]).toBe(statSync(join(content, "2023/story-1.md")).mtimeMs);
  });

  it("starts cold when the output folder is gone", async () => {
    rmSync(out, { recursive: true });
    const rebuilt = await buildSite({ content, out, cache });
    expect(rebuilt.report.cold).toBe(true);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("Story 7");
  });
});
