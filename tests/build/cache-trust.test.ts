/**
 * The build cache describes one output folder and is trusted only while the folder is what
 * it says: other builds into the folder in between, and pages deleted by hand, never leave a
 * warm build different from a cold one. Edits that keep a file's size and mtime are seen.
 */
import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RACY_MARGIN_MS } from "../../src/build/build-cache.ts";
import { buildSite, type BuildOptions } from "../../src/build/build-site.ts";
import { hasPage, tempOut } from "../helpers/built-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { readStylesheet } from "../../src/render/stylesheet.ts";

const story = (n: number, extra: string[] = [], body?: string) =>
  article([`title: Story ${n}`, `date: 2023-01-${String(n).padStart(2, "0")}T10:00:00`, `section: ${n % 2 ? "politics" : "world"}`, ...extra], body);

const temporary: string[] = [];
const folder = (prefix: string) => {
  const path = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(path);
  return path;
};
afterEach(() => temporary.splice(0).forEach((path) => rmSync(path, { recursive: true, force: true })));

describe("a warm build after the output folder changed under the cache", () => {
  let content: string;
  let out: string;
  let cache: string;
  const build = (extra: Partial<BuildOptions> = {}) => buildSite({ content, out, cache, ...extra });

  async function expectSameAsCold(): Promise<void> {
    const cold = tempOut();
    temporary.push(dirname(cold));
    await buildSite({ content, out: cold, cache: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  }

  beforeEach(async () => {
    content = fixtureArchive({ "a.md": story(1), "b.md": story(2), "c.md": story(3), "draft.md": story(4, ["draft: true"]) });
    out = tempOut();
    cache = folder("gazette-cache-");
    temporary.push(content, dirname(out));
    expect((await build()).report.cold).toBe(true);
  });

  it("does not keep a draft that a --no-cache --drafts build published in between", async () => {
    await build({ cache: false, drafts: true });
    expect(hasPage(out, "/2023/01/04/draft/")).toBe(true);
    const warm = await build();
    expect(warm.report.cold).toBe(true);
    expect(hasPage(out, "/2023/01/04/draft/")).toBe(false);
    await expectSameAsCold();
  });

  it("removes the page of an article deleted after another build wrote it", async () => {
    writeFileSync(join(content, "d.md"), story(5));
    await build({ cache: false });
    expect(hasPage(out, "/2023/01/05/d/")).toBe(true);
    rmSync(join(content, "d.md"));
    await build();
    expect(hasPage(out, "/2023/01/05/d/")).toBe(false);
    await expectSameAsCold();
  });

  it("restores a page deleted by hand, rendering only that article again", async () => {
    rmSync(join(out, "2023/01/02/b/index.html"));
    const warm = await build();
    expect(warm.report.cold).toBe(false);
    expect(warm.report.cache.prepared).toBe(1);
    expect(hasPage(out, "/2023/01/02/b/")).toBe(true);
    await expectSameAsCold();
  });

  it("restores a listing page or the stylesheet deleted by hand", async () => {
    rmSync(join(out, "politics/index.html"));
    rmSync(join(out, readStylesheet().path.slice(1)));
    expect((await build()).report.cold).toBe(false);
    await expectSameAsCold();
  });

  it("agrees with a cold build when two working directories, each with its own cache, build into one folder", async () => {
    const otherContent = fixtureArchive({ "a.md": story(1), "e.md": story(6) });
    const otherCache = folder("gazette-cache-other-");
    temporary.push(otherContent);
    await buildSite({ content: otherContent, out, cache: otherCache });
    expect(hasPage(out, "/2023/01/06/e/")).toBe(true);
    // Back in the first working directory: its cache describes a folder that is gone.
    writeFileSync(join(content, "b.md"), story(2, [], "Edited.\n"));
    const warm = await build();
    expect(warm.report.cold).toBe(true);
    await expectSameAsCold();
    // And the other way round.
    expect((await buildSite({ content: otherContent, out, cache: otherCache })).report.cold).toBe(true);
    expect(hasPage(out, "/2023/01/02/b/")).toBe(false);
  });
});

describe("change detection", () => {
  let content: string;
  let out: string;
  let cache: string;
  // Whole seconds: utimes() with a Date keeps milliseconds only, and the edits below must give
  // back exactly the mtime the cache recorded.
  const stamp = new Date("2024-03-01T12:00:00Z");

  beforeEach(async () => {
    content = fixtureArchive({ "a.md": story(1, [], "Same length body A.\n"), "b.md": story(2, [], "Same length body A.\n"), "c.md": story(3) });
    for (const file of ["a.md", "b.md", "c.md"]) utimesSync(join(content, file), stamp, stamp);
    out = tempOut();
    cache = folder("gazette-cache-");
    temporary.push(content, dirname(out));
    await buildSite({ content, out, cache });
  });

  // As `cp -p` leaves a file: new bytes in place, same size, mtime set back (ctime moves).
  const copyKeepingStamp = (path: string, text: string) => {
    writeFileSync(path, text);
    utimesSync(path, stamp, stamp);
  };
  // As `rsync -a` leaves it: a new file (a new inode) with the old size and mtime renamed over it.
  const renameKeepingStamp = (path: string, text: string) => {
    writeFileSync(`${path}.tmp`, text);
    utimesSync(`${path}.tmp`, stamp, stamp);
    renameSync(`${path}.tmp`, path);
  };

  async function expectSameAsCold(): Promise<void> {
    const cold = tempOut();
    temporary.push(dirname(cold));
    await buildSite({ content, out: cold, cache: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  }

  it.each([
    ["an edit in place that keeps size and mtime (cp -p)", copyKeepingStamp],
    ["a new file renamed over it with the old size and mtime (rsync -a)", renameKeepingStamp],
  ])("sees %s right after a build (racily clean: hashed)", async (_, change) => {
    const before = statSync(join(content, "a.md"));
    change(join(content, "a.md"), story(1, [], "Same length body B.\n"));
    expect([statSync(join(content, "a.md")).size, statSync(join(content, "a.md")).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const warm = await buildSite({ content, out, cache });
    expect(warm.report.cache.prepared).toBe(1);
    await expectSameAsCold();
  });

  it("sees both by ctime and inode once the stamps are old, and reuses the untouched file unread", async () => {
    // Let the recorded stamps fall outside the racy margin of the next scan (which records the
    // files' stamps again, unchanged), so after it only ctime and inode can tell.
    await new Promise((r) => setTimeout(r, RACY_MARGIN_MS + 200));
    await buildSite({ content, out, cache });
    copyKeepingStamp(join(content, "a.md"), story(1, [], "Same length body B.\n"));
    renameKeepingStamp(join(content, "b.md"), story(2, [], "Same length body C.\n"));
    const warm = await buildSite({ content, out, cache });
    expect(warm.report.cache).toMatchObject({ reused: 1, prepared: 2, unchangedContent: 0, rendered: 2 });
    await expectSameAsCold();
  });
});
