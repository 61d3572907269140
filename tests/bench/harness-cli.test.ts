import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { generateCorpus } from "../../src/corpus/corpus.ts";

const scratch = mkdtempSync(join(tmpdir(), "gazette-bench-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let stdout: string[];
let stderr: string[];
beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (stderr.push(String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

function files(root: string, dir = ""): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(root, dir ? `${dir}/${e.name}` : e.name) : [dir ? `${dir}/${e.name}` : e.name]));
}

describe("gazette bench generate", () => {
  it("writes the same files as the corpus generator", async () => {
    const out = join(scratch, "corpus");
    expect(await main(["bench", "generate", "25", "--seed", "7", "--out", out])).toBe(0);
    const expected = [...generateCorpus({ articles: 25, seed: 7 })];
    expect(files(out).sort()).toEqual(expected.map((f) => f.path).sort());
    for (const file of expected) expect(readFileSync(join(out, file.path), "utf8")).toBe(file.content);
    expect(stdout.join("")).toMatch(/wrote 25 articles and site\.yml \(26 files/);
  });

  it("defaults the seed to 1 and prints nothing with --quiet", async () => {
    const out = join(scratch, "seed1");
    expect(await main(["bench", "generate", "3", "--out", out, "--quiet"])).toBe(0);
    const first = [...generateCorpus({ articles: 3, seed: 1 })][1];
    expect(readFileSync(join(out, first.path), "utf8")).toBe(first.content);
    expect(stdout).toEqual([]);
  });

  it("writes only site.yml for 0 articles", async () => {
    const out = join(scratch, "empty");
    expect(await main(["bench", "generate", "0", "--out", out, "--quiet"])).toBe(0);
    expect(files(out)).toEqual(["site.yml"]);
  });

  it.each([
    { args: [], message: /no subcommand/ },
    { args: ["make", "5"], message: /unknown subcommand "make"/ },
    { args: ["generate"], message: /number of articles/ },
    { args: ["generate", "5"], message: /--out DIR is required/ },
    { args: ["generate", "1e3", "--out", "x"], message: /whole number, not "1e3"/ },
    { args: ["generate", "-5", "--out", "x"], message: /./ },
    { args: ["generate", "5", "--out", "x", "--seed", "1.5"], message: /--seed must be an integer/ },
    { args: ["generate", "5", "6", "--out", "x"], message: /unexpected argument "6"/ },
    { args: ["generate", "5", "--out", "x", "--bogus"], message: /bogus/ },
  ])("exits 2 for $args", async ({ args, message }) => {
    expect(await main(["bench", ...args])).toBe(2);
    expect(stderr.join("")).toMatch(message);
    expect(stderr.join("")).toContain("gazette help bench");
  });

  it("prints its help", async () => {
    expect(await main(["bench", "--help"])).toBe(0);
    expect(stdout.join("")).toContain("gazette bench generate N --out DIR");
  });
});
