/**
 * A large archive is prepared on worker threads; the output is the same as on one thread.
 */
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { writeCorpus } from "../../src/corpus/write-corpus.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { PARALLEL_THRESHOLD } from "../../src/build/prepare-in-parallel.ts";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { hashTree } from "../helpers/run-cli.ts";

let content: string;
beforeAll(async () => {
  content = join(tempDir("gazette-corpus-"), "content");
  // Fewer than the default threshold: two threads are used because they are asked for.
  expect(550).toBeLessThan(PARALLEL_THRESHOLD);
  await writeCorpus({ articles: 550, seed: 7, out: content });
});

it("gives byte-identical output on two worker threads and on the main thread", async () => {
  const [parallel, serial] = [tempOut(), tempOut()];
  const two = await buildSite({ content, out: parallel, cache: false, threads: 2 });
  const one = await buildSite({ content, out: serial, cache: false, threads: 1 });
  expect(two.issues.filter((i) => i.severity === "error")).toEqual([]);
  expect([two.report.threads, one.report.threads]).toEqual([2, 1]);
  expect(two.articles).toBe(550);
  expect(hashTree(parallel)).toEqual(hashTree(serial));
});
