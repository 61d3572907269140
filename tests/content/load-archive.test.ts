import { spawnSync } from "node:child_process";
import { rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scanContentFolder } from "../../src/content/load-archive.ts";
import { fixtureArchive } from "../helpers/fixture-archive.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe("scanContentFolder", () => {
  it.each([
    [["a.md"], ["a.md"], []],
    [["A.MD", "b.markdown", "c.Markdown"], ["A.MD", "b.markdown", "c.Markdown"], []],
    [["a.md", "notes.txt", "img/photo.jpg"], ["a.md"], [["img/photo.jpg", "not Markdown"], ["notes.txt", "not Markdown"]]],
    [["_draft.md", ".hidden.md", "_folder/x.md", "node_modules/y.md"], [], [[".hidden.md", "ignored name"], ["_draft.md", "ignored name"], ["_folder", "ignored name"], ["node_modules", "ignored name"]]],
    [["2023/b.md", "2023/a.md"], ["2023/a.md", "2023/b.md"], []],
  ])("%j → articles %j, skipped %j", (names, files, skipped) => {
    const root = fixtureArchive(Object.fromEntries(names.map((name) => [name, "x"])));
    roots.push(root);
    const scan = scanContentFolder(root);
    expect(scan.files).toEqual(files);
    expect(scan.skipped.map((s) => [s.file, s.reason])).toEqual(skipped);
    expect(scan.issues).toEqual([]);
  });

  it("skips a FIFO named like an article instead of blocking on it", () => {
    const root = fixtureArchive({ "a.md": "x" });
    roots.push(root);
    expect(spawnSync("mkfifo", [join(root, "pipe.md")]).status).toBe(0);
    const scan = scanContentFolder(root);
    expect(scan.files).toEqual(["a.md"]);
    expect(scan.skipped).toEqual([{ file: "pipe.md", reason: "not a regular file" }]);
  });

  it("follows links, reports a folder link to an ancestor, and skips a broken link that is not an article", () => {
    const root = fixtureArchive({ "real/a.md": "x" });
    roots.push(root);
    symlinkSync(join(root, "real"), join(root, "alias"));
    symlinkSync(join(root, "real/a.md"), join(root, "b.md"));
    symlinkSync(root, join(root, "real/loop"));
    symlinkSync(join(root, "nowhere"), join(root, "dangling"));
    const scan = scanContentFolder(root);
    expect(scan.files).toEqual(["alias/a.md", "b.md", "real/a.md"]);
    expect(scan.skipped.map((s) => [s.file, s.reason])).toEqual([["dangling", "broken link"]]);
    expect(scan.issues.map((i) => [i.file, i.code, i.severity])).toEqual([
      ["alias/loop", "symlink-loop", "warning"],
      ["real/loop", "symlink-loop", "warning"],
    ]);
  });
});
