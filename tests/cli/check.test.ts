/**
 * `gazette check` as a user runs it: every problem in every file at once, as text or as JSON,
 * warnings that pass unless `--strict`, and the same exit codes as `build`.
 */
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ContentIssue } from "../../src/issues/content-issue.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { runCli } from "../helpers/run-cli.ts";

const base = ["title: T", "date: 2023-02-18T10:00:00", "section: politics"];
const LONG_SUMMARY = `summary: ${"A sentence of the summary. ".repeat(12).trim()}`;

/** Two files with errors, one with the three kinds of warning, one fine. */
const mixed = () =>
  fixtureArchive({
    "a.md": article(["title: T", "date: 2023-02-30", "section: weather"]),
    "b/c.md": article(["date: 2023-02-18", "section: politics", "draft: maybe"]),
    "w.md": article([...base, "sectoin: world", LONG_SUMMARY, "updates:", "  - at: 2023-02-19T10:00:00", "    txt: typo", "    text: The mayor's office confirmed the figures."], "Body.\n\nThe mayor's office confirmed the figures.\n"),
    "fine.md": article(base),
  });

/** Warnings only. */
const warnings = () => fixtureArchive({ "w.md": article([...base, "sectoin: world", LONG_SUMMARY]) });

const lines = (stderr: string) => stderr.split("\n").filter((line) => /^\S.*  (error|warning)  /.test(line));

/** What `check` reports on the mixed archive, in its order: place, severity, code (as text and as JSON alike). */
const MIXED_ISSUES = [
  ["a.md:3:1", "error", "date-invalid"],
  ["a.md:4:1", "error", "section-unknown"],
  ["b/c.md:1:1", "error", "title-missing"],
  ["b/c.md:4:1", "error", "draft-invalid"],
  ["w.md:5:1", "warning", "front-matter-key-misspelt"],
  ["w.md:6:1", "warning", "summary-too-long"],
  ["w.md:9:5", "warning", "front-matter-key-misspelt"],
  ["w.md:10:5", "warning", "update-repeats-body"],
] as const;

describe("text (the default)", () => {
  it("lists every problem in every file as path:line:column  severity  code  message, with hints, and exits 1", () => {
    const root = mixed();
    const run = runCli(["check", "--content", root]);
    expect(run.status).toBe(1);
    expect(lines(run.stderr).map((line) => line.replace(`${root}/`, "").split("  ").slice(0, 3).join("  "))).toEqual(
      MIXED_ISSUES.map(([place, severity, code]) => `${place}  ${severity}  ${code}`),
    );
    expect(run.stderr).toContain('hint: Did you mean "section"? An unknown key is ignored.');
    expect(run.stderr).toContain('hint: Did you mean "text"? An unknown key is ignored.');
    expect(run.stderr).toMatch(/gazette: 4 errors in 2 files; fix them and run again\.\n$/);
  });

  it.each([
    ["passes with warnings (exit 0), saying how many", [], 0, "warning", /no errors, 2 warnings\.\n$/],
    ["fails with --strict, every warning an error (exit 1)", ["--strict"], 1, "error", /^$/],
  ])("%s", (_, extra, status, severity, stdout) => {
    const run = runCli(["check", "--content", warnings(), ...extra]);
    expect(run.status).toBe(status);
    expect(lines(run.stderr).map((line) => line.split("  ")[1])).toEqual([severity, severity]);
    expect(run.stdout).toMatch(stdout);
  });

  it("writes nothing into the archive or the working folder", () => {
    const root = mixed();
    const before = readdirSync(root, { recursive: true }).sort();
    const run = runCli(["check", "--content", root]);
    expect(run.status).toBe(1);
    expect(readdirSync(root, { recursive: true }).sort()).toEqual(before);
    expect(existsSync(`${root}/_site`)).toBe(false);
  });
});

describe("--format json", () => {
  it("prints one array of ContentIssue on standard output, nothing on standard error", () => {
    const run = runCli(["check", "--content", mixed(), "--format", "json"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const issues = JSON.parse(run.stdout) as ContentIssue[];
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.severity} ${i.code}`)).toEqual(MIXED_ISSUES.map((issue) => issue.join(" ")));
    expect(issues[4]).toEqual({
      code: "front-matter-key-misspelt",
      severity: "warning",
      file: "w.md",
      line: 5,
      column: 1,
      field: "sectoin",
      message: 'The front-matter key "sectoin" is not one Gazette reads.',
      hint: 'Did you mean "section"? An unknown key is ignored.',
    });
  });

  it.each([
    ["a clean archive", () => fixtureArchive({ "a.md": article(base) }), [], 0, 0],
    ["warnings only", warnings, [], 0, 2],
    ["warnings only, --strict", warnings, ["--strict"], 1, 2],
    ["a missing content folder", () => "/nonexistent/gazette-content", [], 1, 1],
  ])("%s: exit %#", (_, content, extra, status, count) => {
    const run = runCli(["check", "--content", content(), "--format", "json", ...extra]);
    expect(run.status).toBe(status);
    const issues = JSON.parse(run.stdout) as ContentIssue[];
    expect(issues).toHaveLength(count);
    if (extra.includes("--strict")) expect(issues.every((i) => i.severity === "error")).toBe(true);
  });

  it("refuses an unknown format as a usage error (exit 2)", () => {
    const run = runCli(["check", "--content", warnings(), "--format", "xml"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--format must be text or json, not "xml"');
  });
});

describe("--now", () => {
  // A published story (10 a.m. in the fixture's New York) links to one under embargo until
  // 20:00 UTC: before then the link leads nowhere a build would write, from then on it does.
  const embargoed = () =>
    fixtureArchive({
      "a.md": article(base, "Body with [the later story](b.md).\n"),
      "b.md": article(["title: Later", "date: 2023-02-18T10:00:00", "section: politics", "embargo: 2023-02-18T20:00:00Z"]),
    });
  const codes = (stdout: string) => (JSON.parse(stdout) as ContentIssue[]).map((issue) => `${issue.file} ${issue.code}`);

  it.each([
    ["before the embargo lifts, the link to the embargoed story is broken", "2023-02-18T19:59:00Z", ["a.md link-broken"]],
    ["at the instant it lifts, the story is there", "2023-02-18T20:00:00Z", []],
    ["once it has lifted, in another offset, the story is there", "2023-02-18T16:00:00-05:00", []],
  ])("%s", (_, now, expected) => {
    const run = runCli(["check", "--content", embargoed(), "--format", "json", "--now", now]);
    expect(run.status).toBe(0);
    expect(codes(run.stdout)).toEqual(expected);
  });

  it.each([["tomorrow"], ["2023-02-18"], ["2023-02-18T12:00:00"], ["2023-13-45T12:00:00Z"]])("refuses %j as a usage error (exit 2), as build does", (now) => {
    for (const command of ["check", "build"]) {
      const run = runCli([command, "--content", embargoed(), "--now", now]);
      expect([command, run.status]).toEqual([command, 2]);
      expect(run.stderr).toContain(`--now must be an ISO 8601 date-time with an offset, e.g. 2024-05-01T12:00:00+02:00, not "${now}".`);
    }
  });
});
