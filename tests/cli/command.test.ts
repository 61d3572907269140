/**
 * The command framework: strict parsing against one command's table, and help rendered from it.
 */
import { describe, expect, it } from "vitest";
import { commandHelp, defineCommand, parseCommand, usageLine } from "../../src/cli/command.ts";
import { UsageError } from "../../src/cli/usage.ts";

const sample = defineCommand({
  name: "sample",
  summary: "A command for tests",
  description: "Does nothing, for tests.",
  positionals: { min: 1, max: 1, names: "FILE" },
  options: {
    out: { type: "string", value: "DIR", default: "_site", help: "Where to write" },
    force: { type: "boolean", default: false, help: "Replace what is there" },
    note: { type: "string", value: "TEXT", help: "A note" },
  },
  run: async () => 0,
});

describe("parseCommand", () => {
  it.each([
    [["a.md"], { out: "_site", force: false }, ["a.md"]],
    [["a.md", "--out", "site", "--force"], { out: "site", force: true }, ["a.md"]],
    [["--note", "hello", "b.md"], { out: "_site", force: false, note: "hello" }, ["b.md"]],
  ])("%j gives its values and positionals", (argv, values, positionals) => {
    expect(parseCommand(sample, argv)).toEqual({ values, positionals, help: false });
  });

  it.each([
    [["a.md", "--port", "1"], /Unknown option '--port'/],
    [["a.md", "--out"], /--out/],
    [[], /missing FILE/],
    [["a.md", "b.md"], /unexpected argument "b.md"/],
  ])("%j is a usage error of this command", (argv, message) => {
    let error: unknown;
    try {
      parseCommand(sample, argv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
    expect((error as UsageError).command).toBe("sample");
  });

  it("takes --help and -h without the positionals", () => {
    expect(parseCommand(sample, ["--help"]).help).toBe(true);
    expect(parseCommand(sample, ["-h"]).help).toBe(true);
  });
});

describe("help from the table", () => {
  it("renders the usage line from the options", () => {
    expect(usageLine(sample)).toBe("gazette sample FILE [--out DIR] [--force] [--note TEXT]");
  });

  it("lists every option with its default", () => {
    expect(commandHelp(sample)).toBe(`Usage:
  gazette sample FILE [--out DIR] [--force] [--note TEXT]

Does nothing, for tests.

Options:
  --out DIR     Where to write (default: _site)
  --force       Replace what is there
  --note TEXT   A note
  -h, --help    Show this help
`);
  });
});
