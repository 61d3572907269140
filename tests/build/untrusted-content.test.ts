/**
 * Untrusted article files through the real command and the real build: nothing in an article
 * runs, and every refusal is a located error rather than a crash or a silently empty page.
 */
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { hasPage, tempOut } from "../helpers/built-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { runCli } from "../helpers/run-cli.ts";

const made: string[] = [];
afterAll(() => made.forEach((path) => rmSync(path, { recursive: true, force: true })));
const archive = (files: Record<string, string | null>) => {
  const root = fixtureArchive(files);
  made.push(root);
  return root;
};
const out = () => {
  const path = tempOut();
  made.push(dirname(path));
  return path;
};
const ok = (title: string, ...more: string[]) => article([`title: ${title}`, "date: 2023-02-18T10:00:00", "section: politics", ...more]);
const errorLines = (stderr: string) => stderr.split("\n").filter((line) => /  error  /.test(line));

describe("an article is data, never code", () => {
  it("refuses ---js front matter in build and check, and the command in it never runs", () => {
    const marker = join(tmpdir(), `gazette-marker-${process.pid}-${Date.now()}`);
    made.push(marker);
    const evil = `---js\n{ title: "T", x: require("child_process").execSync("touch ${marker}") }\n---\nBody\n`;
    const root = archive({ "evil.md": evil, "fine.md": ok("Fine") });
    for (const args of [["build", "--content", root, "--out", out()], ["check", "--content", root]]) {
      const run = runCli(args);
      expect(run.status).toBe(1);
      expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/evil\.md:1:1 {2}error {2}front-matter-language {2}The front matter is marked as "js"/)]);
      expect(existsSync(marker)).toBe(false);
    }
  });

  it.each([
    ["a BEL in the title", ok('"Bell\\u0007"'), "a.md:2:1  error  control-character"],
    ["a NUL in the summary", ok("T", 'summary: "x\\0y"'), "a.md:5:1  error  control-character"],
    ["a NUL in the body", article(["title: T", "date: 2023-02-18", "section: politics"], "Text\u0000\n"), "a.md:6:5  error  control-character"],
    ["an unclosed front matter", "---\ntitle: T\ndate: 2023-02-18\nsection: politics\n\nBody.\n", "a.md:1:1  error  front-matter-unclosed"],
    ["section: {id: world}", article(["title: T", "date: 2023-02-18", "section: {id: world}"]), "a.md:4:1  error  field-not-scalar"],
    ["a merge key", article(["base: &b {section: politics}", "title: T", "date: 2023-02-18", "<<: *b"]), "a.md:5:1  error  front-matter-merge-key"],
  ])("build refuses %s with a located error and writes nothing", async (_, text, where) => {
    const target = out();
    const result = await buildSite({ content: archive({ "a.md": text }), out: target, cache: false });
    expect(result.ok).toBe(false);
    const issue = result.issues[0];
    expect(`${issue.file}:${issue.line}:${issue.column}  ${issue.severity}  ${issue.code}`).toBe(where);
    expect(existsSync(target)).toBe(false);
  });

  it("check refuses an alias bomb with a located error, no stack trace", () => {
    const levels = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(", ")}]`);
    const run = runCli(["check", "--content", archive({ "a.md": article([...levels, "title: *l9", "date: 2023-02-18", "section: politics"]) })]);
    expect(run.status).toBe(1);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/a\.md:3:\d+ {2}error {2}front-matter-aliases/)]);
    expect(run.stderr).not.toMatch(/RangeError|    at /);
  });
});

describe("slugs no file system can hold", () => {
  it.each([
    ["an explicit slug", { "a.md": ok("T", `slug: ${"a".repeat(230)}`) }, "a.md:5:1"],
    ["a long file name", { [`${"Lang-".repeat(48)}.md`]: ok("T") }, `${"Lang-".repeat(48)}.md:1:1`],
  ])("check and build report %s as slug-too-long, not ENAMETOOLONG", (_, files, where) => {
    const root = archive(files);
    for (const args of [["check", "--content", root], ["build", "--content", root, "--out", out()]]) {
      const run = runCli(args);
      expect(run.status).toBe(1);
      expect(errorLines(run.stderr)).toEqual([expect.stringContaining(`${where}  error  slug-too-long`)]);
      expect(run.stderr).not.toContain("ENAMETOOLONG");
    }
  });
});

describe("url-duplicate", () => {
  it("points at the slug line of an explicit slug, also when that file's record comes from the cache", async () => {
    const root = archive({ "x.md": ok("X", "summary: S", "slug: a"), "2023/b.md": ok("B") });
    const target = out();
    const cache = join(dirname(target), "cache");
    expect((await buildSite({ content: root, out: target, cache })).ok).toBe(true);
    renameSync(join(root, "2023/b.md"), join(root, "2023/a.md"));
    const result = await buildSite({ content: root, out: target, cache });
    // x.md's record comes from the cache: reused by its stat, or by its hash when it is racily clean.
    expect(result.report.cache.reused + result.report.cache.unchangedContent).toBe(1);
    expect(result.issues.map((i) => [i.file, i.line, i.code])).toEqual([
      ["2023/a.md", 1, "url-duplicate"],
      ["x.md", 6, "url-duplicate"],
    ]);
  });
});

describe("what the content folder holds", () => {
  it("follows linked files and folders, reads .MD and .markdown, reports a link loop, and check says what it skipped", async () => {
    const outside = archive({ "linked/far.md": ok("Far away"), "loose.md": ok("Linked file") });
    const root = archive({
      "a.md": ok("Plain"),
      "Upper.MD": ok("Upper"),
      "long-read.markdown": ok("Long read"),
      "notes.txt": "not an article",
      "_draft.md": "ignored",
      "sub/inner.md": ok("Inner"),
    });
    symlinkSync(join(outside, "linked"), join(root, "far"));
    symlinkSync(join(outside, "loose.md"), join(root, "loose.md"));
    symlinkSync(root, join(root, "sub/up"));
    mkdirSync(join(root, "sub/deeper"));
    symlinkSync(join(root, "sub"), join(root, "sub/deeper/back"));

    const check = runCli(["check", "--content", root]);
    expect(check.status).toBe(0);
    expect(check.stdout).toBe("gazette: 6 articles checked, 2 files skipped (1 not Markdown: notes.txt, 1 ignored name: _draft.md), no errors, 2 warnings.\n");
    expect(check.stderr).toContain(`${root}/sub/deeper/back  warning  symlink-loop`);
    expect(check.stderr).toContain(`${root}/sub/up  warning  symlink-loop`);

    const target = out();
    const result = await buildSite({ content: root, out: target, cache: false });
    expect(result.ok).toBe(true);
    for (const slug of ["a", "upper", "long-read", "inner", "far", "loose"]) expect(hasPage(target, `/2023/02/18/${slug}/`), slug).toBe(true);
    expect(result.issues.map((i) => [i.file, i.code])).toEqual([
      ["sub/deeper/back", "symlink-loop"],
      ["sub/up", "symlink-loop"],
    ]);
  });

  it("reports a link to nothing named like an article as unreadable", async () => {
    const root = archive({ "a.md": ok("A") });
    symlinkSync(join(root, "missing.md"), join(root, "gone.md"));
    const result = await buildSite({ content: root, out: out(), cache: false });
    expect(result.issues.map((i) => [i.file, i.code])).toEqual([["gone.md", "file-unreadable"]]);
  });
});
