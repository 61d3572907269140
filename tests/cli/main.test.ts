/**
 * The `gazette` command as a user runs it: exit codes, messages, options.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandHelp } from "../../src/cli/command.ts";
import { COMMANDS } from "../../src/cli/commands.ts";
import { catalogueTable } from "../../src/issues/catalogue.ts";
import { tempOut } from "../helpers/built-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";

const good = () => fixtureArchive({ "a.md": article(["title: A", "date: 2023-02-18T10:00:00", "section: politics"]) });

describe("gazette", () => {
  it.each([
    [["--help"], 0, /Usage:\n {2}gazette build/],
    [["build", "--help"], 0, /--content DIR/],
    [[], 2, /no command given/],
    [["publish"], 2, /unknown command "publish"/],
    [["build", "--colour"], 2, /Unknown option '--colour'/],
    [["build", "extra"], 2, /unexpected argument "extra"/],
    [["serve", "--port", "http"], 2, /--port must be a port number/],
    [["build", "--now", "yesterday"], 2, /--now must be an ISO 8601 date-time with an offset/],
    [["build", "--now", "2024-05-01T12:00"], 2, /--now must be an ISO 8601 date-time with an offset/],
    [["check", "--port", "8080"], 2, /gazette check: Unknown option '--port'/],
    [["build", "--seed", "1"], 2, /gazette build: Unknown option '--seed'/],
    [["codes", "--content", "x"], 2, /Run `gazette help codes` for usage/],
    [["help", "publish"], 2, /unknown command "publish"/],
  ])("%j exits %i", (args, status, output) => {
    const run = runCli(args);
    expect(run.status).toBe(status);
    expect(run.stdout + run.stderr).toMatch(output);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))("gazette help %s and gazette %s --help print its own options", (name, command) => {
    const help = runCli(["help", name]);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(commandHelp(command));
    expect(help.stdout).toContain(`Usage:\n  gazette ${name}`);
    for (const option of Object.keys(command.options)) expect(help.stdout).toContain(`--${option}`);
    expect(runCli([name, "--help"]).stdout).toBe(help.stdout);
  });

  it("documents every option in --help", () => {
    const help = runCli(["--help"]).stdout;
    for (const option of ["--content", "--out", "--drafts", "--port", "--quiet", "--help"]) expect(help).toContain(option);
  });

  it("builds an archive and says what it did", () => {
    const out = tempOut();
    const run = runCli(["build", "--content", good(), "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^gazette: built 1 articles into \d+ pages in .+ \(\d+ ms\)\.\n$/);
    expect(existsSync(join(out, "2023/02/18/a/index.html"))).toBe(true);
  });

  it("prints nothing on success with --quiet", () => {
    const run = runCli(["build", "--content", good(), "--out", tempOut(), "--quiet"]);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, "", ""]);
  });

  it("reports content errors as path:line:column  error  code  message and exits 1, writing nothing", () => {
    const content = fixtureArchive({
      "2023/a.md": article(["title: A", "date: 2023-02-30", "section: politcs"]),
      "b.md": "no front matter",
    });
    const out = tempOut();
    const run = runCli(["build", "--content", content, "--out", out]);
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n").filter((l) => /  error  /.test(l));
    expect(lines).toEqual([
      `${content}/2023/a.md:3:1  error  date-invalid  The date cannot be used: 2023-02-30 is not a day of the calendar. (date)`,
      `${content}/2023/a.md:4:1  error  section-unknown  The section "politcs" is not declared in site.yml. (section)`,
      `${content}/b.md:1:1  error  front-matter-missing  The file has no front matter.`,
    ]);
    expect(run.stderr).toContain('hint: Did you mean "politics"?');
    expect(run.stderr).toMatch(/gazette: 3 errors in 2 files; nothing was written, .+ is unchanged\.\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it("checks without writing", () => {
    expect(runCli(["check", "--content", good()])).toMatchObject({ status: 0, stdout: "gazette: 1 articles checked, 0 files skipped, no errors.\n" });
    const bad = fixtureArchive({ "a.md": article(["title: A", "date: 2023-02-18", "section: nowhere"]) });
    expect(runCli(["check", "--content", bad]).status).toBe(1);
    expect(runCli(["check", "--content", "/nonexistent/dir"]).stderr).toContain("content-missing");
  });

  it("prints the catalogue the README's table is made from", () => {
    const run = runCli(["codes"]);
    expect(run.stdout).toBe(`${catalogueTable()}\n`);
    expect(readFileSync(new URL("../../README.md", import.meta.url), "utf8")).toContain(run.stdout.trim());
  });
});

describe("gazette bench generate", () => {
  it("writes a deterministic corpus that builds", () => {
    const [a, b] = [tempOut("gazette-corpus-"), tempOut("gazette-corpus-")];
    expect(runCli(["bench", "generate", "25", "--seed", "4", "--out", a, "--quiet"]).status).toBe(0);
    expect(runCli(["bench", "generate", "25", "--seed", "4", "--out", b, "--quiet"]).status).toBe(0);
    expect(hashTree(a)).toEqual(hashTree(b));
    expect(Object.keys(hashTree(a)).filter((f) => f.endsWith(".md"))).toHaveLength(25);
    expect(runCli(["build", "--content", a, "--out", tempOut(), "--quiet"]).status).toBe(0);
  });

  it("is a usage error without a count", () => expect(runCli(["bench", "generate", "--out", tempOut()]).status).toBe(2));
});
