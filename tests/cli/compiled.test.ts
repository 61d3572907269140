/**
 * The command runs JavaScript compiled into dist/, never transpiling at start-up, and falls
 * back to the TypeScript sources only while a source is newer than the compile: a stale dist/
 * must never be what runs. The compiled command builds the same bytes as the sources, worker
 * threads included.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { compiledIsCurrent } from "../../bin/compiled.mjs";
import { writeCorpus } from "../../src/corpus/write-corpus.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const isCurrent = compiledIsCurrent as (root: string) => boolean;

/** A project tree whose files all have mtime `at` (seconds), with the given stamp time or none. */
function project(stampAt: number | undefined, newer: string[] = []): string {
  const root = tempDir("gazette-compiled-");
  const files = ["src/cli/main.ts", "src/build/prepare-worker.mjs", "layouts/base-page.ts", ".eleventy.ts", "src/notes.md"];
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), "");
    const at = newer.includes(file) ? 2000 : 1000;
    utimesSync(join(root, file), at, at);
  }
  if (stampAt !== undefined) {
    mkdirSync(join(root, "dist"), { recursive: true });
    writeFileSync(join(root, "dist", ".compiled"), "");
    utimesSync(join(root, "dist", ".compiled"), stampAt, stampAt);
  }
  return root;
}

describe("compiledIsCurrent", () => {
  it.each([
    { case: "never compiled", stamp: undefined, newer: [], current: false },
    { case: "compiled after every source", stamp: 1500, newer: [], current: true },
    { case: "compiled in the same second as the newest source", stamp: 1000, newer: [], current: true },
    { case: "a TypeScript module edited since", stamp: 1500, newer: ["src/cli/main.ts"], current: false },
    { case: "a JavaScript module edited since", stamp: 1500, newer: ["src/build/prepare-worker.mjs"], current: false },
    { case: "a layout edited since", stamp: 1500, newer: ["layouts/base-page.ts"], current: false },
    { case: "the Eleventy config edited since", stamp: 1500, newer: [".eleventy.ts"], current: false },
    { case: "only a non-code file edited since", stamp: 1500, newer: ["src/notes.md"], current: true },
  ])("$case: $current", ({ stamp, newer, current }) => {
    expect(isCurrent(project(stamp, newer))).toBe(current);
  });
});

describe("the compiled command", () => {
  beforeAll(() => {
    // `npm test` compiles first (pretest); a bare `vitest run` after an edit may not have.
    if (!isCurrent(ROOT)) expect(spawnSync(process.execPath, [join(ROOT, "scripts/compile.mjs")], { stdio: "inherit" }).status).toBe(0);
  }, 120_000);

  it("builds byte for byte what the sources build, on worker threads", async () => {
    const content = tempDir("gazette-compiled-content-");
    await writeCorpus({ articles: 450, seed: 11, out: content });
    const [compiled, source] = [join(tempDir("gazette-compiled-out-"), "site"), join(tempDir("gazette-source-out-"), "site")];
    const report = join(tempDir("gazette-compiled-report-"), "report.json");
    const fromDist = runCli(["build", "--content", content, "--out", compiled, "--threads", "2", "--report", report]);
    expect(fromDist.stderr).toBe("");
    expect(fromDist.status).toBe(0);
    expect(JSON.parse(readFileSync(report, "utf8")).threads).toBe(2);
    expect(runCli(["build", "--content", content, "--out", source, "--threads", "2"], { GAZETTE_FROM_SOURCE: "1" }).status).toBe(0);
    expect(hashTree(compiled)).toEqual(hashTree(source));
  }, 180_000);

  it.each([
    { from: "dist/ when it is current", env: {}, tsx: false },
    { from: "the sources when asked to", env: { GAZETTE_FROM_SOURCE: "1" }, tsx: true },
  ])("runs $from (tsx loaded: $tsx)", ({ env, tsx }) => {
    // A module resolution hook records every module the command loads, in a file.
    const dir = tempDir("gazette-hooks-");
    const log = join(dir, "loaded.txt");
    writeFileSync(join(dir, "hooks.mjs"), `import { appendFileSync } from "node:fs";\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(${JSON.stringify(log)}, result.url + "\\n");\n  return result;\n}\n`);
    writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});\n`);
    const run = spawnSync(process.execPath, ["--import", pathToFileURL(join(dir, "register.mjs")).href, join(ROOT, "bin/gazette.mjs"), "codes"], { encoding: "utf8", env: { ...process.env, ...env } });
    expect(run.status).toBe(0);
    const loaded = readFileSync(log, "utf8").split("\n");
    expect(loaded.some((url) => url.includes("/node_modules/tsx/"))).toBe(tsx);
    expect(loaded.some((url) => url.includes("/dist/src/cli/main.js"))).toBe(!tsx);
    // Listing the codes needs neither Eleventy nor anything that renders.
    expect(loaded.some((url) => url.includes("/node_modules/@11ty/eleventy/"))).toBe(false);
  });
});
