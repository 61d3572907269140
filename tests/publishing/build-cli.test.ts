/**
 * The publishing options of `gazette build` as a user runs them: --preview and --drafts, the
 * report folder relative to the working directory, and the progress line only on a terminal.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";
import { BIN } from "../helpers/spawn-gazette.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const archive = () =>
  fixtureArchive({
    "a.md": article(["title: Out now", "date: 2023-02-18T10:00:00", "section: politics"]),
    "b.md": article(["title: Held back", "date: 2023-02-18T11:00:00", "section: politics", 'embargo: "2031-01-01T00:00:00Z"']),
    "c.md": article(["title: Not ready", "date: 2023-02-18T12:00:00", "section: politics", "draft: true"]),
  });

describe("gazette build and the publishing states", () => {
  it("writes .gazette/report.json and next-publish.json in the working directory, not in the site", () => {
    const cwd = tempDir("gazette-cwd-");
    const run = runCli(["build", "--content", archive(), "--out", "site", "--now", "2024-01-01T00:00:00Z"], {}, cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, ".gazette/next-publish.json"), "utf8")).next).toBe("2030-12-31T19:00:00-05:00");
    expect(JSON.parse(readFileSync(join(cwd, ".gazette/report.json"), "utf8")).articles).toMatchObject({ published: 1, embargoed: 1, draft: 1 });
    expect(Object.keys(hashTree(join(cwd, "site"))).some((f) => f.includes("report") || f.includes("next-publish"))).toBe(false);
  });

  it.each([["--preview"], ["--drafts"]])("%s builds the embargoed and the draft article with the banner", (flag) => {
    const cwd = tempDir("gazette-cwd-");
    const run = runCli(["build", "--content", archive(), "--out", "site", flag, "--report-dir", "reports"], {}, cwd);
    expect(run.status, run.stderr).toBe(0);
    for (const slug of ["b", "c"]) {
      const page = readFileSync(join(cwd, `site/2023/02/18/${slug}/index.html`), "utf8");
      expect(page).toContain('<aside class="preview-banner" aria-label="Not published">');
      expect(page).toContain('<meta name="robots" content="noindex">');
    }
    expect(existsSync(join(cwd, "reports/report.json"))).toBe(true);
  });

  it("refuses a report folder inside the output folder: exit 2, one line", () => {
    const cwd = tempDir("gazette-cwd-");
    const run = runCli(["build", "--content", archive(), "--out", "site", "--report-dir", "site/reports"], {}, cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/  error  report-folder-invalid  The report folder .* overlaps the output folder/);
    expect(existsSync(join(cwd, "site"))).toBe(false);
  });
});

describe("the progress line", () => {
  it("is never written to a pipe", () => {
    const run = runCli(["build", "--content", archive(), "--out", "site"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toContain("\r");
  });

  // `script` gives the build a real pseudo-terminal, as a user's shell would.
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript).each([
    ["on a terminal", {}, [], true],
    ["on a terminal in CI", { CI: "true" }, [], false],
    ["on a terminal with --quiet", {}, ["--quiet"], false],
  ])("%s: shown %s", (_case, env, flags, shown) => {
    const cwd = tempDir("gazette-tty-");
    const command = [process.execPath, BIN, "build", "--content", archive(), "--out", join(cwd, "site"), ...flags].map((w) => `'${w}'`).join(" ");
    const { CI: _ci, ...rest } = process.env;
    const run = spawnSync("script", ["-qec", command, "/dev/null"], { cwd, encoding: "utf8", env: { ...rest, ...env, TERM: "xterm" }, timeout: 120_000 });
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout.includes("\rgazette: articles 0/3 (0%)")).toBe(shown);
    expect(run.stdout.includes("\rgazette: apply")).toBe(shown);
  });
});
