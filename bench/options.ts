/**
 * The command line of `npm run bench`. Pure: argv in, options or a usage error out.
 */
import { parseArgs } from "node:util";

/** What one benchmark run measures and where it writes. */
export interface BenchOptions {
  sizes: number[];
  runs: number;
  seed: number;
  hugo: boolean;
  eleventy: boolean;
  /** Time limit of each baseline build, in seconds. */
  baselineTimeoutS: number;
  /** --max-old-space-size for the Eleventy baseline, in MB; Node's default when absent. */
  eleventyHeapMb?: number;
  /** Folder for <date>.md and <date>.json. */
  results: string;
  /** Root of the gazette checkout whose `bin/gazette.mjs` is measured. */
  gazette: string;
  /** Parent of the temporary folders (corpora, inputs, outputs). */
  work: string;
  /** Keep the temporary folders, for inspecting the outputs. */
  keep: boolean;
  /** Extra arguments for every `gazette build`, e.g. `--threads=2`. */
  buildArgs: string[];
  /** gazette variants measured in the same rounds: each an argument list, e.g. `["--no-feeds"]`. */
  compare: string[][];
  /** Free-text notes for the results file, e.g. what state of gazette was measured. */
  notes: string[];
}

/** A wrong command line; the message says what to fix. */
export class BenchUsageError extends Error {}

/** The usage text of `npm run bench`. */
export const BENCH_USAGE = `Usage: npm run bench -- [--sizes 1000,20000] [--runs 3] [--seed 1] [--no-hugo] [--no-eleventy]
                       [--baseline-timeout 900] [--eleventy-heap MB] [--results bench/results]
                       [--gazette DIR] [--work DIR] [--keep] [--note TEXT]…
                       [--build-arg ARG]… [--compare "ARGS"]…

  --sizes N,N,…          Corpus sizes in articles (default 1000,20000)
  --runs N               Cold builds per tool and size, at least 1 (default 3)
  --seed S               Corpus seed (default 1)
  --no-hugo              Skip the Hugo baseline (also skipped when hugo is not on PATH)
  --no-eleventy          Skip the bare Eleventy baseline
  --baseline-timeout S   Seconds before a baseline build is stopped and recorded as "timeout" (default 900)
  --eleventy-heap MB     --max-old-space-size for the Eleventy baseline (default: Node's)
  --results DIR          Where <date>.md and <date>.json go (default bench/results)
  --gazette DIR          The gazette checkout to measure (default: this one)
  --work DIR             Parent of the temporary folders (default: the OS temp folder)
  --keep                 Keep the temporary folders
  --build-arg ARG        An extra argument for every gazette build (repeatable; write it with =, e.g. --build-arg=--threads=2)
  --compare "ARGS"       Also build with these extra gazette arguments in every round (repeatable),
                         e.g. --compare=--no-feeds: the cost of syndication, measured in the same run
  --note TEXT            A note for the results file (repeatable), e.g. what was measured
`;

function positiveInt(text: string, name: string, min = 1): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) throw new BenchUsageError(`${name} must be a whole number of at least ${min}, not "${text}".`);
  return value;
}

/**
 * Parses the arguments after `npm run bench --`; `defaults` supplies the folders.
 * @example parseBenchArgs(["--sizes", "1000,20000"], { results: "bench/results", gazette: ".", work: "/tmp" }).sizes // [1000, 20000]
 */
export function parseBenchArgs(argv: readonly string[], defaults: Pick<BenchOptions, "results" | "gazette" | "work">): BenchOptions | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        sizes: { type: "string", default: "1000,20000" },
        runs: { type: "string", default: "3" },
        seed: { type: "string", default: "1" },
        "no-hugo": { type: "boolean", default: false },
        "no-eleventy": { type: "boolean", default: false },
        "baseline-timeout": { type: "string", default: "900" },
        "eleventy-heap": { type: "string" },
        results: { type: "string", default: defaults.results },
        gazette: { type: "string", default: defaults.gazette },
        work: { type: "string", default: defaults.work },
        keep: { type: "boolean", default: false },
        note: { type: "string", multiple: true, default: [] },
        "build-arg": { type: "string", multiple: true, default: [] },
        compare: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  if (values.help) return "help";
  const sizes = values.sizes.split(",").map((part) => positiveInt(part, "--sizes"));
  const seed = Number(values.seed);
  if (!/^-?\d+$/.test(values.seed.trim()) || !Number.isSafeInteger(seed)) throw new BenchUsageError(`--seed must be an integer, not "${values.seed}".`);
  return {
    sizes,
    runs: positiveInt(values.runs, "--runs"),
    seed,
    hugo: !values["no-hugo"],
    eleventy: !values["no-eleventy"],
    baselineTimeoutS: positiveInt(values["baseline-timeout"], "--baseline-timeout"),
    eleventyHeapMb: values["eleventy-heap"] === undefined ? undefined : positiveInt(values["eleventy-heap"], "--eleventy-heap", 64),
    results: values.results,
    gazette: values.gazette,
    work: values.work,
    keep: values.keep,
    notes: values.note,
    buildArgs: values["build-arg"],
    compare: values.compare.map((text) => {
      const args = text.trim().split(/\s+/).filter(Boolean);
      if (!args.length || args.some((arg) => !arg.startsWith("-"))) throw new BenchUsageError(`--compare takes gazette build options such as "--no-feeds", not "${text}".`);
      return args;
    }),
  };
}
