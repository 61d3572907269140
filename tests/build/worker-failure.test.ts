/**
 * A worker thread of the article stage that throws or exits ends the build with a clear
 * error, stops the other workers and leaves the output folder as it was. The faults are real:
 * the worker reads the test-only GAZETTE_TEST_WORKER_FAULT (see prepare-worker.mjs).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { PARALLEL_THRESHOLD } from "../../src/build/prepare-in-parallel.ts";
import { writeCorpus } from "../../src/corpus/write-corpus.ts";
import { tempOut } from "../helpers/built-site.ts";
import { runCli } from "../helpers/run-cli.ts";

let corpus: string;
let content: string;
const outs: string[] = [];
beforeAll(async () => {
  corpus = mkdtempSync(join(tmpdir(), "gazette-corpus-"));
  content = join(corpus, "content");
  // Four batches on two threads (asked for: fewer files than the default threshold): the
  // healthy worker still has work when the other fails.
  expect(650).toBeLessThan(PARALLEL_THRESHOLD);
  await writeCorpus({ articles: 650, seed: 11, out: content });
});
afterEach(() => {
  delete process.env.GAZETTE_TEST_WORKER_FAULT;
});
afterAll(() => [corpus, ...outs.map((o) => dirname(o))].forEach((path) => rmSync(path, { recursive: true, force: true })));

it.each([
  ["throws", "throw", /worker thread 1 threw while preparing 200 files \(.+ … .+\): Error: injected fault/],
  ["exits (with code 1, as an uncaught error makes it)", "exit", /worker thread 1 exited with code 1 while preparing 200 files/],
])("ends the build with a clear error when a worker %s, and stops the others", async (_, fault, message) => {
  const out = tempOut();
  outs.push(out);
  process.env.GAZETTE_TEST_WORKER_FAULT = fault;
  const build = buildSite({ content, out, cache: false, threads: 2 });
  await expect(build).rejects.toThrow(/^The article stage failed: /);
  await expect(build).rejects.toThrow(message);
  expect(existsSync(out)).toBe(false);
  // A worker left running would go on writing pages into the staging folder beside the output.
  const staging = () => readdirSync(dirname(out)).filter((name) => name.includes(".staging-"));
  expect(staging()).toEqual([]);
  await new Promise((r) => setTimeout(r, 1500));
  expect(staging()).toEqual([]);
});

it("is one line with its code on the command line, exit 3, never a stack trace", () => {
  const out = tempOut();
  outs.push(out);
  const run = runCli(["build", "--content", content, "--out", out, "--no-cache", "--threads", "2"], { GAZETTE_TEST_WORKER_FAULT: "exit" });
  expect(run.status).toBe(3);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^gazette: .+  error  worker-failed  The article stage failed: worker thread 1 exited with code 1/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(out)).toBe(false);
});
