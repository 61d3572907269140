/**
 * The quick rebuild (src/build/quick-rebuild.ts): an edit to an article's text alone renders
 * its page and nothing else, never indexing the archive, and the output is byte-identical to
 * a cold build. Everything it cannot prove unchanged goes the full way, with the same output.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { buildSite, type BuildOptions } from "../../src/build/build-site.ts";
import { claimOutput } from "../../src/build/output-folder.ts";
import { quickRebuild, type QuickHandover } from "../../src/build/quick-rebuild.ts";
import { manifestPath } from "../../src/build/build-cache.ts";
import { baseFile, entriesFolder, readIndex, readShards, shardOf } from "../../src/build/manifest-store.ts";
import { scanContentFolder } from "../../src/content/load-archive.ts";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";

// 56 politics stories, one a day: feeds carry the 50 newest bodies, so the first six are in no feed.
const STORIES = 56;
const day = (n: number) => `2023-${n <= 31 ? `01-${String(n).padStart(2, "0")}` : `02-${String(n - 31).padStart(2, "0")}`}`;
const story = (n: number, extra: string[] = [], body?: string) =>
  article([`title: Story ${n}`, `date: ${day(n)}T10:00:00`, "section: politics", ...extra], body ?? `CITY – Story ${n} happened.\n\nSee [the next one](story-${n + 1}.md).\n`);
const file = (n: number) => `2023/story-${n}.md`;
const NOW = "2023-06-01T00:00:00Z";

function initialFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= STORIES; n++) files[file(n)] = story(n);
  files[file(STORIES)] = story(STORIES, [], "CITY – The last story.\n");
  files[file(2)] = story(2, ["embargo: 2023-07-01T00:00:00Z"]);
  files[file(5)] = story(5, ["summary: What happened on the fifth."]);
  files["static/notice.txt"] = "Opening hours.\n";
  return files;
}

type Case = [name: string, change: (content: string, out: string) => void, quick: boolean, options?: Partial<BuildOptions>];

const bodyEdit = (n: number) => (c: string) => appendFileSync(join(c, file(n)), "\nA sentence added later.\n");
// A new tag moves the article onto other pages: the full way.
const tagEdit = (n: number) => (c: string) => writeFileSync(join(c, file(n)), story(n, ["tags: [harbour]"]));
const titleEdit = (n: number, title = `Story number ${n}`) => (c: string) => writeFileSync(join(c, file(n)), readFileSync(join(c, file(n)), "utf8").replace(`title: Story ${n}\n`, `title: ${title}\n`));

const cases: Case[] = [
  ["nothing", () => {}, true],
  ["an edited body of an article no feed carries", bodyEdit(3), true],
  ["edited bodies of two articles no feed carries", (c) => [1, 4].forEach((n) => bodyEdit(n)(c)), true],
  ["a touched file with the same content", (c) => utimesSync(join(c, file(3)), new Date(), new Date(Date.now() + 5000)), true],
  ["an edited body of an article the feeds carry", bodyEdit(40), true],
  ["an edited body of the newest article, which links to another", (c) => appendFileSync(join(c, file(STORIES)), "\nAs [reported](story-50.md) & <b>more</b>.\n"), false],
  ["an edited body of the newest article", (c) => appendFileSync(join(c, file(STORIES)), "\nMore & <em>more</em>, ]]> and all.\n"), true],
  ["an edited body with the feeds off", bodyEdit(40), true, { noFeeds: true }],
  ["an edited title of an article no feed carries", titleEdit(3), true],
  ["an edited title with markup and quotes", titleEdit(4, `Rates "rise" <b> & fall's`), true],
  ["an edited title and body", (c) => [titleEdit(3), bodyEdit(3)].forEach((edit) => edit(c)), true],
  ["edited titles of two neighbours", (c) => [titleEdit(3), titleEdit(4)].forEach((edit) => edit(c)), true],
  ["an edited summary", (c) => writeFileSync(join(c, file(5)), story(5, ["summary: A new teaser & <more>."])), true],
  ["a summary added where there was none", (c) => writeFileSync(join(c, file(6)), story(6, ["summary: A first teaser."])), false],
  ["an edited title of an article the feeds carry", titleEdit(40), false],
  ["an edited title with the feeds off", titleEdit(40), true, { noFeeds: true }],
  ["an edited title with the search index on", titleEdit(3), true, { noSearch: false }],
  ["a new tag", tagEdit(3), false],
  ["a new link in the text", (c) => appendFileSync(join(c, file(3)), "\nSee [another](story-9.md).\n"), false],
  ["a new update", (c) => writeFileSync(join(c, file(3)), story(3, ["updates:", "  - at: 2023-01-05T09:00:00", "    text: Adds a quote."])), false],
  ["an added article", (c) => writeFileSync(join(c, "2023/story-new.md"), story(57)), false],
  ["a removed article", (c) => rmSync(join(c, file(5))), false],
  ["a page deleted by hand", (_, o) => rmSync(join(o, "2023/01/03/story-3/index.html")), false],
  ["a changed static file", (c) => writeFileSync(join(c, "static/notice.txt"), "Closed on Mondays.\n"), false],
  ["an added static file", (c) => writeFileSync(join(c, "static/more.txt"), "More.\n"), false],
  ["a body edit with the search index on", bodyEdit(3), true, { noSearch: false }],
  ["a page deleted by hand, with the search index on", (_, o) => rmSync(join(o, "2023/01/03/story-3/index.html")), false, { noSearch: false }],
];

describe("a quick rebuild", () => {
  let content: string;
  let out: string;
  let cache: string;
  let reportDir: string;
  const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ content, out, cache, reportDir, noSearch: true, now: NOW, ...extra });

  beforeEach(async () => {
    content = fixtureArchive(initialFiles());
    out = tempOut();
    cache = tempDir("gazette-cache-");
    reportDir = tempDir("gazette-reports-");
  });

  it.each(cases)("after %s is byte-identical to a cold build, quick only when nothing else can differ", async (name, change, quick, extra) => {
    expect((await buildSite(options(extra))).report.cold).toBe(true);
    if (/title|summary/.test(name)) {
      // The first headline edit after a full build goes the full way and writes the stores the next ones use.
      titleEdit(1, "Story one, retold")(content);
      const first = await buildSite(options(extra));
      expect(first.ok && !first.report.quick).toBe(true);
    }
    change(content, out);
    const warm = await buildSite(options(extra));
    expect(warm.ok).toBe(true);
    expect(Boolean(warm.report.quick)).toBe(quick);
    // A text edit renders no listing page; a headline edit those that show the article.
    if (quick) expect(warm.report.cache.listings > 0).toBe(/title|summary/.test(name));

    const cold = tempOut();
    await buildSite({ ...options(extra), out: cold, cache: false, reportDir: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  });

  it("renders only the edited page, and reports what the full build reported", async () => {
    await buildSite(options());
    const before = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8"));
    bodyEdit(3)(content);
    const warm = await buildSite(options());
    expect(warm.report.quick).toBe(true);
    expect(warm.report.cache).toMatchObject({ prepared: 1, rendered: 1, listings: 0 });
    expect(readFileSync(join(out, "2023/01/03/story-3/index.html"), "utf8")).toContain("A sentence added later.");
    const after = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8"));
    for (const part of ["ok", "articles", "pages", "files", "warnings", "errors", "issues", "embargoes"]) expect(after[part]).toEqual(before[part]);
    expect(readFileSync(join(reportDir, "next-publish.json"), "utf8")).toContain("story-2");
  });

  it("leaves a manifest the next builds use: quick, quick, then full with few listing pages, equal to cold", async () => {
    await buildSite(options());
    const manifest = manifestPath(cache, content, out);
    const base = readFileSync(baseFile(manifest), "utf8");
    bodyEdit(3)(content);
    expect((await buildSite(options())).report.quick).toBe(true);
    bodyEdit(4)(content);
    expect((await buildSite(options())).report.quick).toBe(true);
    // The quick rebuilds wrote their stamps into the index, as rows changed since the base
    // (with those of the files written too shortly before the first build to trust their stamps).
    expect(readFileSync(baseFile(manifest), "utf8")).toBe(base);
    const changed = readIndex(manifest, (JSON.parse(readFileSync(manifest, "utf8")) as { key: string }).key)!.changed.map((row) => row[1]);
    expect(changed).toEqual(expect.arrayContaining([file(3), file(4)]));
    tagEdit(4)(content);
    const full = await buildSite(options());
    expect(full.report.quick).toBeFalsy();
    expect(full.report.cold).toBe(false);
    // The full build wrote the base again, in the order of the scan (story 4, prepared again, in its place).
    expect((JSON.parse(readFileSync(baseFile(manifest), "utf8")) as { stamps: { files: string[] } }).stamps.files).toEqual(scanContentFolder(content).files);
    // The listing signatures were restamped by the quick rebuilds, so only pages showing story 4 are rendered.
    expect(full.report.cache.listings).toBeGreaterThan(0);
    expect(full.report.cache.listings).toBeLessThan(10);
    const cold = tempOut();
    await buildSite({ ...options(), out: cold, cache: false, reportDir: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  });

  it("after a full warm build still has every page's view, so any article's next text edit is quick", async () => {
    await buildSite(options());
    const manifest = manifestPath(cache, content, out);
    tagEdit(4)(content);
    const full = await buildSite(options());
    expect(full.report.quick).toBeFalsy();
    expect(full.report.cold).toBe(false);
    // The full build read the entries without their views and rewrote the shards it changed.
    const index = readIndex(manifest, (JSON.parse(readFileSync(manifest, "utf8")) as { key: string }).key)!;
    const entries = readShards(manifest, index, index.shards.keys(), true)!;
    const published = Array.from({ length: STORIES }, (_, i) => file(i + 1)).filter((f) => f !== file(2));
    expect(published.filter((f) => !entries[f]?.view)).toEqual([]);
    bodyEdit(7)(content);
    expect((await buildSite(options())).report.quick).toBe(true);
    const cold = tempOut();
    await buildSite({ ...options(), out: cold, cache: false, reportDir: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  });

  it("hands the full build what it read when it cannot be quick: the index, the scan, every file's stamp, the survey", async () => {
    await buildSite(options());
    tagEdit(3)(content);
    const claim = await claimOutput({ content, out, cache, force: false });
    let handover: QuickHandover | undefined;
    try {
      const quick = await quickRebuild({ options: options(), claim, reports: reportDir, started: performance.now(), handOver: (given) => (handover = given) });
      expect(quick).toBeUndefined();
    } finally {
      claim.lock.release();
    }
    const scanned = scanContentFolder(content).files;
    expect(handover!.scan.files).toEqual(scanned);
    expect(handover!.stamps!.map((stamp) => stamp?.size)).toEqual(scanned.map((f) => statSync(join(content, f)).size));
    expect(handover!.index.stamps.files).toEqual(scanned);
    expect((await handover!.missing).missing).toEqual([]);
    // The full build it hands over to is the one a cold build gives.
    const full = await buildSite(options());
    expect(full.report.cache.prepared).toBe(1);
    const cold = tempOut();
    await buildSite({ ...options(), out: cold, cache: false, reportDir: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  });

  it("writes the feeds that carry an edited body as a full build would, and the next full build leaves them be", async () => {
    await buildSite(options());
    bodyEdit(50)(content);
    const quick = await buildSite(options());
    expect(quick.report.quick).toBe(true);
    expect(readFileSync(join(out, "feed.xml"), "utf8")).toContain("A sentence added later.");
    const feed = statSync(join(out, "feed.xml")).mtimeMs;
    tagEdit(4)(content);
    const full = await buildSite(options());
    expect(full.report.quick).toBeFalsy();
    expect(statSync(join(out, "feed.xml")).mtimeMs).toBe(feed);
    const cold = tempOut();
    await buildSite({ ...options(), out: cold, cache: false, reportDir: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  });

  it("indexes again only the edited page's search shard, and reports it", async () => {
    await buildSite(options({ noSearch: false }));
    bodyEdit(3)(content);
    const quick = await buildSite(options({ noSearch: false }));
    expect(quick.report.quick).toBe(true);
    expect(quick.report.search).toMatchObject({ indexed: 1, placed: 1 });
    const report = JSON.parse(readFileSync(join(reportDir, "report.json"), "utf8"));
    expect(report.files).toBe(Object.keys(hashTree(out)).filter((f) => !f.startsWith(".gazette")).length);
  });

  it("fails like a full build under --strict when the last build had warnings", async () => {
    await buildSite(options());
    writeFileSync(join(content, file(6)), story(6, [], "CITY – See [a story that is not there](missing.md).\n"));
    const warned = await buildSite(options());
    expect(warned.ok).toBe(true);
    expect(warned.issues.map((i) => i.code)).toContain("link-broken");
    bodyEdit(3)(content);
    const strict = await buildSite(options({ strict: true }));
    expect(strict.ok).toBe(false);
    expect(strict.issues.find((i) => i.code === "link-broken")?.severity).toBe("error");
    expect((await buildSite(options())).issues.map((i) => i.code)).toContain("link-broken");
  });

  it("goes the full way when an embargo came due since the last build", async () => {
    // The wall clock decides: the embargo ends a moment after the first build.
    const soon = new Date(Date.now() + 1500).toISOString();
    writeFileSync(join(content, "2023/soon.md"), story(58, [`embargo: ${soon}`]));
    await buildSite(options({ now: undefined }));
    expect(existsSync(join(out, "2023/02/27/soon/index.html"))).toBe(false);
    bodyEdit(3)(content);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const warm = await buildSite(options({ now: undefined }));
    expect(warm.report.quick).toBeFalsy();
    expect(existsSync(join(out, "2023/02/27/soon/index.html"))).toBe(true);
  });

  it("starts cold when an entry shard is of another build's generation (a save interrupted)", async () => {
    await buildSite(options());
    const shards = entriesFolder(manifestPath(cache, content, out));
    const shard = join(shards, `${String(shardOf(file(3))).padStart(2, "0")}.json`);
    mkdirSync(shards, { recursive: true });
    writeFileSync(shard, JSON.stringify({ generation: "another", entries: {} }));
    bodyEdit(3)(content);
    const warm = await buildSite(options());
    expect(warm.report.cold).toBe(true);
    const cold = tempOut();
    await buildSite({ ...options(), out: cold, cache: false, reportDir: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  });
});
