/**
 * `npm run bench -- --sizes 1000,20000 [--runs 3] …`: the entry point. Progress goes to stderr,
 * the results as Markdown to stdout (and into bench/results/).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from "./options.ts";
import { PageCountError, runBench } from "./run-bench.ts";
import { resultsMarkdown } from "./table.ts";
import { REPO_ROOT } from "./tools.ts";

async function main(argv: string[]): Promise<number> {
  // The search comparison has its own driver (bench/search-bench.ts).
  if (argv.includes("--search")) return (await import("./search-bench.ts")).runSearchBench(argv);
  // So has the dev server's (bench/serve-bench.ts).
  if (argv.includes("--serve")) return (await import("./serve-bench.ts")).runServeBench(argv);
  // And warm rebuilds' (bench/warm-bench.ts).
  if (argv.includes("--warm")) return (await import("./warm-bench.ts")).runWarmBench(argv);
  let options;
  try {
    options = parseBenchArgs(argv, { results: join(REPO_ROOT, "bench", "results"), gazette: REPO_ROOT, work: tmpdir() });
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${BENCH_USAGE}`);
    return 2;
  }
  if (options === "help") {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  try {
    const { results, files, gazetteFailed } = await runBench(options, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(resultsMarkdown(results));
    process.stderr.write(`bench: wrote ${files.markdown} and ${files.json}\n`);
    return gazetteFailed ? 1 : 0;
  } catch (error) {
    if (error instanceof PageCountError) {
      process.stderr.write(`\nbench: PAGE COUNT WRONG — ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
