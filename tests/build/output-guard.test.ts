/**
 * A build replaces its output folder, so --out must never name the archive, the cache, the
 * working directory, an existing file or someone else's folder: each is refused (exit 2)
 * before anything is touched.
 */
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pathRelation } from "../../src/build/output-guard.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { gazette, snapshot, tempRoot } from "../helpers/spawn-gazette.ts";

describe("pathRelation", () => {
  it.each([
    ["/p/content", "/p/content", "same"],
    ["/p/content/x", "/p/content", "inside"],
    ["/p", "/p/content", "contains"],
    ["/", "/p/content", "contains"],
    ["/p/content-site", "/p/content", undefined],
    ["/p/_site", "/p/content", undefined],
    ["/q", "/p", undefined],
  ] as const)("%s against %s is %s", (a, b, relation) => {
    expect(pathRelation(a, b)).toBe(relation);
  });
});

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/**
 * A project folder inside a temporary root (so `..` is still the test's own): content/ with one
 * article, .gazette/cache/, a file, someone else's folder and a link to content; the root also
 * holds a second archive, elsewhere/.
 */
function project(): string {
  const root = tempRoot("gazette-guard-");
  roots.push(root);
  const files = { "2023/a.md": article(["title: A", "date: 2023-02-18", "section: politics"]) };
  const proj = join(root, "proj");
  mkdirSync(proj);
  renameSync(fixtureArchive(files), join(proj, "content"));
  renameSync(fixtureArchive(files), join(root, "elsewhere"));
  mkdirSync(join(proj, ".gazette/cache"), { recursive: true });
  writeFileSync(join(proj, ".gazette/cache/keep.json"), "{}");
  writeFileSync(join(proj, "notes.txt"), "my notes\n");
  mkdirSync(join(proj, "www"));
  writeFileSync(join(proj, "www/index.html"), "<p>someone else's site</p>\n");
  symlinkSync(join(proj, "content"), join(proj, "content-link"));
  return proj;
}

describe("gazette build refuses an output folder it must not replace", () => {
  it.each([
    ["the content folder", ["--content", "content", "--out", "content"], "out-overlaps-content", "content"],
    ["the content folder's parent (the working directory)", ["--content", "content", "--out", "."], "out-overlaps-content", "content"],
    ["an ancestor of the project", ["--content", "content", "--out", ".."], "out-overlaps-content", "content"],
    ["a folder inside the content folder", ["--content", "content", "--out", "content/2023"], "out-overlaps-content", "content"],
    ["the content folder through a symlink", ["--content", "content", "--out", "content-link"], "out-overlaps-content", "content"],
    ["an existing file", ["--content", "content", "--out", "notes.txt"], "out-not-folder", "notes.txt"],
    ["an empty string (an unset CI variable)", ["--content", "content", "--out", ""], "out-empty", '""'],
    ["the cache folder", ["--content", "content", "--out", ".gazette/cache"], "out-overlaps-cache", ".gazette/cache"],
    ["a folder inside the cache", ["--content", "content", "--out", ".gazette/cache/site"], "out-overlaps-cache", ".gazette/cache"],
    ["a folder containing the cache", ["--content", "content", "--out", ".gazette", "--cache", ".gazette/cache"], "out-overlaps-cache", ".gazette/cache"],
    ["the working directory when the content is elsewhere", ["--content", "../elsewhere", "--out", ".", "--no-cache"], "out-overlaps-workdir", "."],
    ["a folder of someone else's files", ["--content", "content", "--out", "www"], "out-not-gazette", "www"],
  ])("%s", (_what, args, code, named) => {
    const root = project();
    const before = snapshot(join(root, ".."));
    const run = gazette(["build", ...args], { cwd: root });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(code);
    expect(run.stderr).toContain(named === '""' ? named : join(root, named));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(join(root, ".."))).toEqual(before);
  });

  it("names both paths when the output would replace the archive", () => {
    const root = project();
    const run = gazette(["build", "--content", "content", "--out", "."], { cwd: root });
    expect(run.stderr).toContain(`--out ${root} contains the content folder ${join(root, "content")}`);
  });

  it("says to use --force for a folder it did not write, and replaces it with --force", () => {
    const root = project();
    const refused = gazette(["build", "--content", "content", "--out", "www"], { cwd: root });
    expect(refused.stderr).toContain("--force");
    const forced = gazette(["build", "--content", "content", "--out", "www", "--force"], { cwd: root });
    expect(forced.status, forced.stderr).toBe(0);
    expect(Object.keys(hashTree(join(root, "www")))).toContain("2023/02/18/a/index.html");
    expect(Object.keys(hashTree(join(root, "www")))).not.toContain("index.html.orig");
  });

  it("recognises a folder an earlier build wrote by its marker, and accepts an empty one", () => {
    const root = project();
    mkdirSync(join(root, "empty"));
    const first = gazette(["build", "--content", "content", "--out", "empty", "--no-cache"], { cwd: root });
    expect(first.status, first.stderr).toBe(0);
    const again = gazette(["build", "--content", "content", "--out", "empty", "--no-cache"], { cwd: root });
    expect(again.status, again.stderr).toBe(0);
    expect(hashTree(join(root, "empty"))[".gazette-site.json"]).toBeDefined();
  });
});
