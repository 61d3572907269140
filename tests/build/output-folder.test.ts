/**
 * Where and how a build puts its site: through a symlinked output folder, into a mount point,
 * with no moment without a site, and without touching files whose bytes did not change.
 */
import { spawn, spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite, type BuildOptions } from "../../src/build/build-site.ts";
import { swapWhole } from "../../src/build/output-folder.ts";
import { exchangePaths } from "../../src/build/rename-exchange.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { gazette, leftovers, tempRoot } from "../helpers/spawn-gazette.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
const root = (): string => {
  const dir = tempRoot();
  roots.push(dir);
  return dir;
};

const story = (title: string, date: string, section = "politics", body?: string) => article([`title: ${title}`, `date: ${date}`, `section: ${section}`, `summary: About ${title}.`], body);

/** Two different archives, A and B, as folders below `dir`. */
function archives(dir: string): { a: string; b: string } {
  const a = fixtureArchive({ "a1.md": story("Alpha one", "2023-01-01"), "a2.md": story("Alpha two", "2023-01-02", "sport"), "a3.md": story("Alpha three", "2023-01-03", "world") });
  const b = fixtureArchive({ "b1.md": story("Beta one", "2024-05-01"), "b2.md": story("Beta two", "2024-05-02", "world/europe") });
  renameSync(a, join(dir, "a"));
  renameSync(b, join(dir, "b"));
  return { a: join(dir, "a"), b: join(dir, "b") };
}

/** The site a cold build of `content` makes in a fresh folder. */
async function coldSite(content: string, options: Partial<BuildOptions> = {}): Promise<Record<string, string>> {
  const dir = root();
  await buildSite({ content, out: join(dir, "site"), cache: false, ...options });
  return hashTree(join(dir, "site"));
}

describe("a symlinked output folder", () => {
  it("is written through: the link stays a link and its target gets the site", async () => {
    const dir = root();
    const { a, b } = archives(dir);
    mkdirSync(join(dir, "var/www/html"), { recursive: true });
    symlinkSync(join(dir, "var/www/html"), join(dir, "_site"));
    for (const content of [a, b]) {
      const result = await buildSite({ content, out: join(dir, "_site"), cache: join(dir, "cache") });
      expect(result.ok).toBe(true);
      expect(lstatSync(join(dir, "_site")).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dir, "_site"))).toBe(join(dir, "var/www/html"));
      expect(hashTree(join(dir, "var/www/html"))).toEqual(await coldSite(content));
    }
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("an output folder that is a mount point (a container volume)", () => {
  it("is built into in place, cold and warm, leaving no staging folder", async (context) => {
    const dir = root();
    const { a, b } = archives(dir);
    const mnt = join(dir, "volume");
    mkdirSync(mnt);
    const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", mnt], { encoding: "utf8" });
    if (mount.status !== 0) return context.skip(`mount -t tmpfs is not permitted here: ${mount.stderr.trim()}`);
    try {
      for (const content of [a, b, b]) {
        const result = await buildSite({ content, out: mnt, cache: join(dir, "cache") });
        expect(result.ok).toBe(true);
        expect(statSync(mnt).dev).not.toBe(statSync(dir).dev);
        expect(hashTree(mnt)).toEqual(await coldSite(content));
      }
      writeFileSync(join(b, "b3.md"), story("Beta three", "2024-05-03"));
      await buildSite({ content: b, out: mnt, cache: join(dir, "cache") });
      expect(hashTree(mnt)).toEqual(await coldSite(b));
      expect(leftovers(mnt)).toEqual([]);
      expect(leftovers(dir)).toEqual([]);
    } finally {
      spawnSync("umount", [mnt]);
    }
  });
});

describe("an output folder that is a bind mount on the same disk", () => {
  it("is recognised from the mount table and built into in place", async (context) => {
    const dir = root();
    const { a, b } = archives(dir);
    const [source, mnt] = [join(dir, "host-site"), join(dir, "volume")];
    mkdirSync(source);
    mkdirSync(mnt);
    const mount = spawnSync("mount", ["--bind", source, mnt], { encoding: "utf8" });
    if (mount.status !== 0) return context.skip(`mount --bind is not permitted here: ${mount.stderr.trim()}`);
    try {
      expect(statSync(mnt).dev).toBe(statSync(dir).dev);
      for (const content of [a, b]) {
        expect((await buildSite({ content, out: mnt, cache: join(dir, "cache") })).ok).toBe(true);
        expect(hashTree(mnt)).toEqual(await coldSite(content));
      }
      expect(hashTree(source)).toEqual(hashTree(mnt));
      expect(leftovers(dir)).toEqual([]);
    } finally {
      spawnSync("umount", [mnt]);
    }
  });
});

describe("a warm build", () => {
  it("moves only files whose bytes changed: unchanged pages keep their inode and mtime", async () => {
    const dir = root();
    const files: Record<string, string> = {};
    for (let i = 1; i <= 9; i++) files[`s${i}.md`] = story(`Story ${i}`, `2023-03-0${i}`, ["politics", "sport", "world"][i % 3]);
    const content = fixtureArchive(files);
    roots.push(content);
    const out = join(dir, "site");
    // Without search: a body edit re-indexes its year's search shard, whose files are new by design
    // (tests/search checks that); this test is about everything else staying in place.
    await buildSite({ content, out, cache: join(dir, "cache"), noSearch: true });
    const before = new Map(Object.keys(hashTree(out)).map((file) => [file, statSync(join(out, file))]));
    // A new body: only that article's page changes, no listing shows the body.
    writeFileSync(join(content, "s4.md"), story("Story 4", "2023-03-04", ["politics", "sport", "world"][4 % 3], "A corrected body.\n"));
    const result = await buildSite({ content, out, cache: join(dir, "cache"), noSearch: true });
    expect(result.report.cold).toBe(false);
    const changed = "2023/03/04/s4/index.html";
    expect(readFileSync(join(out, changed), "utf8")).toContain("A corrected body.");
    const moved = [...before].filter(([file, stats]) => {
      const now = statSync(join(out, file));
      return now.ino !== stats.ino || now.mtimeMs !== stats.mtimeMs;
    });
    // The marker's digest covers the changed article, so it is rewritten too, and so are the
    // feeds that carry the article's body (the site's and its section's); nothing else is.
    const feeds = ["feed.json", "feed.xml", "rss.xml", "sport/feed.json", "sport/feed.xml", "sport/rss.xml"];
    expect(moved.map(([file]) => file).sort()).toEqual([".gazette-site.json", changed, ...feeds]);
    expect(hashTree(out)).toEqual(await coldSite(content, { noSearch: true }));
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("the cold swap", () => {
  it("exchanges two folders in one step", () => {
    const dir = root();
    mkdirSync(join(dir, "x"));
    mkdirSync(join(dir, "y"));
    writeFileSync(join(dir, "x/f"), "x");
    writeFileSync(join(dir, "y/f"), "y");
    expect(exchangePaths(join(dir, "x"), join(dir, "y"))).toBe(true);
    expect([readFileSync(join(dir, "x/f"), "utf8"), readFileSync(join(dir, "y/f"), "utf8")]).toEqual(["y", "x"]);
  });

  it("leaves no moment without a site while the staging folder replaces it", async () => {
    const dir = root();
    const out = join(dir, "site");
    const page = (text: string) => (mkdirSync(join(dir, "staging")), writeFileSync(join(dir, "staging/index.html"), text));
    page("first");
    renameSync(join(dir, "staging"), out);
    // A reader in another process stats the front page as fast as it can.
    const watcher = spawn(process.execPath, ["-e", `
      const fs = require("node:fs"); let misses = 0, reads = 0;
      process.stdin.on("data", () => { console.log(JSON.stringify({ misses, reads })); process.exit(0); });
      console.log("ready");
      (function loop() { const end = Date.now() + 20; while (Date.now() < end) { reads++;
        try { fs.statSync(${JSON.stringify(join(out, "index.html"))}); } catch { misses++; } } setImmediate(loop); })();
    `], { stdio: ["pipe", "pipe", "inherit"] });
    let report = "";
    await new Promise<void>((resolve) => watcher.stdout.once("data", () => resolve()));
    watcher.stdout.on("data", (chunk) => (report += chunk));
    const until = Date.now() + 3000;
    let swaps = 0;
    while (Date.now() < until) {
      rmSync(join(dir, "staging"), { recursive: true, force: true });
      page(`version ${++swaps}`);
      swapWhole(join(dir, "staging"), out, join(dir, "previous"));
    }
    watcher.stdin.write("stop\n");
    await new Promise((resolve) => watcher.on("close", resolve));
    const seen = JSON.parse(report) as { misses: number; reads: number };
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe(`version ${swaps}`);
    expect(seen.reads).toBeGreaterThan(1000);
    expect(seen.misses).toBe(0);
  });

  it("builds through the command line without leaving a staging or previous folder", () => {
    const dir = root();
    const { a, b } = archives(dir);
    const out = join(dir, "site");
    for (const content of [a, b]) expect(gazette(["build", "--content", content, "--out", out, "--no-cache"]).status).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });
});
