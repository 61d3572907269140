/**
 * The driver the dev server and warm rebuild benchmarks share: for each size, a fresh work
 * folder (removed afterwards) and one result; then the results as Markdown and JSON under a
 * name that never overwrites an earlier run's (freshResultFiles).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileGazette, freshResultFiles } from "./run-bench.ts";
import { REPO_ROOT } from "./tools.ts";

/** What one benchmark run is given. */
export interface PerSizeRun<R> {
  name: string;
  sizes: number[];
  /** Where work folders are made (`--work`). */
  work: string;
  /** Where the result files go (`--results`). */
  results: string;
  bench(size: number, work: string): Promise<R>;
  markdown(results: R[]): string;
  log(line: string): void;
}

/**
 * Compiles gazette, runs `bench` for each size, writes and prints the results; returns the exit code.
 * @example await runPerSize({ name: "warm", sizes: [20000], work: "/dev/shm", results, bench, markdown, log })
 */
export async function runPerSize<R>(run: PerSizeRun<R>): Promise<number> {
  compileGazette(REPO_ROOT, run.log);
  const results: R[] = [];
  for (const size of run.sizes) {
    const work = mkdtempSync(join(run.work, `gazette-${run.name}-bench-`));
    try {
      results.push(await run.bench(size, work));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  mkdirSync(run.results, { recursive: true });
  const files = freshResultFiles(run.results, `${new Date().toISOString().slice(0, 10)}-${run.sizes.join("-")}`);
  const text = run.markdown(results);
  writeFileSync(files.markdown, text);
  writeFileSync(files.json, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(text);
  run.log(`wrote ${files.markdown} and ${files.json}`);
  return 0;
}
