/**
 * The warm apply: all-or-nothing moves with a journal, rolled back on failure and by the next
 * build after a kill; identical files are not moved.
 */
import { linkSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyWithJournal, recoverJournal, type Journal } from "../../src/build/apply-journal.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { leftovers, snapshot, tempRoot } from "../helpers/spawn-gazette.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
const scratch = (): string => {
  const dir = tempRoot("gazette-journal-");
  roots.push(dir);
  return dir;
};

/** Writes `files` (path → text) below `dir`. */
function tree(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function setting(): { dir: string; target: string; staging: string; previous: string } {
  const dir = tempRoot("gazette-journal-");
  roots.push(dir);
  const target = tree(join(dir, "site"), { "index.html": "old front", "a/index.html": "a", "gone/index.html": "gone", "same.html": "same" });
  const staging = tree(join(dir, "staging"), { "index.html": "new front", "a/index.html": "a", "b/index.html": "b", "same.html": "same" });
  return { dir, target, staging, previous: join(dir, "previous") };
}

describe("applyWithJournal", () => {
  it("moves changed and new files, removes old ones, and leaves identical files in place", () => {
    const { target, staging, previous } = setting();
    const same = statSync(join(target, "same.html")).ino;
    const moved = applyWithJournal({ staging, target, previous, removes: ["gone/index.html"] });
    expect(moved).toBe(2);
    expect(hashTree(target)).toEqual(hashTree(tree(join(scratch(), "expected"), { "index.html": "new front", "a/index.html": "a", "b/index.html": "b", "same.html": "same" })));
    expect(statSync(join(target, "same.html")).ino).toBe(same);
    expect(statSync(previous, { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe("recoverJournal", () => {
  it("undoes the moves of a build killed halfway through, whatever step it reached", () => {
    const { target, staging, previous } = setting();
    const before = snapshot(target);
    // The state a kill leaves after the journal was written, the front page was replaced (its
    // backup linked first) and b/ was added, before gone/index.html was removed.
    const journal: Journal = {
      state: "applying",
      target,
      staging,
      puts: [
        { path: "b/index.html", existed: false },
        { path: "index.html", existed: true },
      ],
      removes: ["gone/index.html"],
    };
    mkdirSync(join(previous, "files"), { recursive: true });
    writeFileSync(join(previous, "journal.json"), JSON.stringify(journal));
    mkdirSync(join(target, "b"));
    renameSync(join(staging, "b/index.html"), join(target, "b/index.html"));
    linkSync(join(target, "index.html"), join(previous, "files/index.html"));
    renameSync(join(staging, "index.html"), join(target, "index.html"));

    expect(recoverJournal(previous)).toBe(true);
    expect(snapshot(target)).toEqual(before);
    expect(leftovers(dirname(target))).toEqual([]);
  });

  it("keeps the moves of a build that committed, and only cleans up", () => {
    const { target, staging, previous } = setting();
    mkdirSync(previous);
    const journal: Journal = { state: "committed", target, staging, puts: [{ path: "index.html", existed: true }], removes: [] };
    writeFileSync(join(previous, "journal.json"), JSON.stringify(journal));
    renameSync(join(staging, "index.html"), join(target, "index.html"));
    expect(recoverJournal(previous)).toBe(false);
    expect(hashTree(target)["index.html"]).toBe(hashTree(tree(join(scratch(), "x"), { "index.html": "new front" }))["index.html"]);
    expect(leftovers(dirname(target))).toEqual([]);
  });

  it("is run by the next build, before it reads the site", async () => {
    const dir = tempRoot("gazette-journal-");
    roots.push(dir);
    const content = fixtureArchive({ "a.md": article(["title: A", "date: 2023-02-18", "section: politics"]) });
    roots.push(content);
    const out = join(dir, "site");
    await buildSite({ content, out, cache: join(dir, "cache") });
    const site = hashTree(out);
    // A killed build's journal: it had replaced an article page (a warm build of unchanged
    // content would not write that page again, so only the rollback can restore it).
    const previous = join(dir, ".site.previous-0123456789abcdef");
    const staging = join(dir, ".site.staging-0123456789abcdef");
    mkdirSync(join(previous, "files"), { recursive: true });
    mkdirSync(staging);
    const page = "2023/02/18/a/index.html";
    const journal: Journal = { state: "applying", target: out, staging, puts: [{ path: page, existed: true }], removes: [] };
    writeFileSync(join(previous, "journal.json"), JSON.stringify(journal));
    mkdirSync(dirname(join(previous, "files", page)), { recursive: true });
    linkSync(join(out, page), join(previous, "files", page));
    writeFileSync(join(staging, "page.html"), "<p>half a build</p>");
    renameSync(join(staging, "page.html"), join(out, page));

    const result = await buildSite({ content, out, cache: join(dir, "cache") });
    expect(result.ok).toBe(true);
    expect(hashTree(out)).toEqual(site);
    expect(leftovers(dir)).toEqual([]);
  });

  it("restores a site a killed build had moved aside without an exchange (two renames)", async () => {
    const dir = scratch();
    const content = fixtureArchive({ "a.md": article(["title: A", "date: 2023-02-18", "section: politics"]) });
    roots.push(content);
    const out = join(dir, "site");
    await buildSite({ content, out, cache: join(dir, "cache") });
    const site = hashTree(out);
    // Killed between `rename(out, previous)` and `rename(staging, out)`: no site at all.
    renameSync(out, join(dir, ".site.previous-00ff00ff00ff00ff"));
    mkdirSync(join(dir, ".site.staging-00ff00ff00ff00ff"));
    const result = await buildSite({ content, out, cache: join(dir, "cache") });
    expect(result.ok).toBe(true);
    expect(result.report.cold).toBe(false);
    expect(hashTree(out)).toEqual(site);
    expect(leftovers(dir)).toEqual([]);
  });
});
