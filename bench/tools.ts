/**
 * The builds being compared: gazette's full pipeline and the two baselines. Each tool knows how
 * to prepare its input from a corpus (untimed, once per size), the command of one cold build,
 * and how to count and check the pages it wrote.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CorpusSummary } from "./corpus-reader.ts";
import { countIndexPages } from "./count-pages.ts";
import { convertForEleventy, ELEVENTY_BASELINE_CONFIG } from "./eleventy-baseline/convert.ts";
import { convertForHugo } from "./hugo-baseline/convert.ts";

/** The repository the harness lives in. */
export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Which tool; `gazette <args>` is gazette built with extra arguments (`--compare`) in the same rounds. */
export type ToolId = "gazette" | "eleventy" | "hugo" | `gazette ${string}`;

/**
 * Whether a tool is gazette itself or one of its `--compare` variants.
 * @example isGazette("gazette --no-feeds") // true
 */
export function isGazette(id: ToolId): boolean {
  return id === "gazette" || id.startsWith("gazette ");
}

/** Folders of one cold run; `scratch` is fresh and empty (report, caches). */
export interface RunDirs {
  corpus: string;
  /** The tool's prepared input, from `prepare`. */
  input: string;
  out: string;
  scratch: string;
}

/** A command to measure. */
export interface ToolCommand {
  command: string;
  args: string[];
  cwd: string;
  timeoutMs?: number;
}

/** How many pages a correct build writes: exactly this many, or at least this many. */
export interface PageExpectation {
  pages: number;
  exact: boolean;
}

/** One of the compared builds. */
export interface Tool {
  id: ToolId;
  /** For tables, e.g. "gazette (full pipeline)". */
  label: string;
  /** Turns the corpus into this tool's input folder. */
  prepare(corpus: string, input: string): void;
  command(dirs: RunDirs): ToolCommand;
  countPages(out: string): number;
  expected(summary: CorpusSummary): PageExpectation;
  /** Per-stage times (ms) and worker threads from the run's own report, when the tool writes one. */
  report?(dirs: RunDirs): { stages?: Record<string, number>; threads?: number } | undefined;
}

/** The options of `gazette build` that the harness uses when the CLI has them. */
export interface GazetteFeatures {
  report: boolean;
  cache: boolean;
}

/**
 * Asks `gazette --help` which of the newer build options exist, so the harness works both before
 * and after `--report` and `--cache` land.
 * @example detectGazetteFeatures(REPO_ROOT) // { report: true, cache: false }
 */
export function detectGazetteFeatures(gazetteRoot: string): GazetteFeatures {
  const help = spawnSync(process.execPath, [join(gazetteRoot, "bin", "gazette.mjs"), "--help"], { encoding: "utf8" });
  if (help.status !== 0) throw new Error(`\`gazette --help\` failed in ${gazetteRoot}: ${help.stderr}`);
  return { report: /--report\b/.test(help.stdout), cache: /--cache\b/.test(help.stdout) };
}

/**
 * gazette's full pipeline, through its CLI as a user runs it; `variant` (extra arguments on top of
 * `extraArgs`) makes the tool `gazette <variant…>`, measured beside the plain build.
 * @example gazetteTool("/work/main", { report: true, cache: false }).command(dirs).args[1] // "build"
 */
export function gazetteTool(gazetteRoot: string, features: GazetteFeatures, extraArgs: readonly string[] = [], variant: readonly string[] = []): Tool {
  const report = (dirs: RunDirs) => join(dirs.scratch, "report.json");
  const id: ToolId = variant.length ? `gazette ${variant.join(" ")}` : "gazette";
  return {
    id,
    label: id,
    // gazette reads the corpus as it is.
    prepare: () => {},
    command: (dirs) => ({
      command: process.execPath,
      args: [
        join(gazetteRoot, "bin", "gazette.mjs"),
        "build",
        "--content",
        dirs.corpus,
        "--out",
        dirs.out,
        "--quiet",
        ...(features.report ? ["--report", report(dirs)] : []),
        // A fresh cache folder per run keeps every run cold.
        ...(features.cache ? ["--cache", join(dirs.scratch, "cache")] : []),
        ...extraArgs,
        ...variant,
      ],
      cwd: gazetteRoot,
    }),
    countPages: (out) => countIndexPages(out),
    // The front page comes on top of the pages the baselines write; features such as tag pages
    // may add more, so gazette is held to a minimum rather than an exact count.
    expected: (summary) => ({ pages: summary.expectedPages + 1, exact: false }),
    report: (dirs) => {
      if (!features.report || !existsSync(report(dirs))) return undefined;
      const parsed = JSON.parse(readFileSync(report(dirs), "utf8")) as { threads?: unknown };
      return { stages: reportStages(parsed), threads: typeof parsed.threads === "number" ? parsed.threads : undefined };
    },
  };
}

/**
 * The stage times (ms) of a gazette build report: every number in `stages`, then every number in
 * `articleSteps` (the per-article work summed over articles) prefixed "article ". Anything else,
 * and any shape change, is ignored rather than fatal: the report is still evolving.
 * @example reportStages({ stages: { load: 50 }, articleSteps: { render: 290 } }) // { load: 50, "article render": 290 }
 */
export function reportStages(report: unknown): Record<string, number> | undefined {
  const numbers = (value: unknown, prefix: string): [string, number][] =>
    typeof value === "object" && value !== null
      ? Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number").map(([name, ms]) => [`${prefix}${name}`, ms])
      : [];
  const record = (typeof report === "object" && report !== null ? report : {}) as Record<string, unknown>;
  const stages = [...numbers(record.stages, ""), ...numbers(record.articleSteps, "article ")];
  return stages.length ? Object.fromEntries(stages) : undefined;
}

/** Options of the bare Eleventy baseline. */
export interface EleventyOptions {
  timeoutMs?: number;
  /** V8's --max-old-space-size in MB; Node's default when absent. */
  heapMb?: number;
}

/**
 * Bare Eleventy 3: one Markdown template per article, Nunjucks layouts and section pagination.
 * @example eleventyTool({ timeoutMs: 900_000 }).id // "eleventy"
 */
export function eleventyTool(options: EleventyOptions = {}): Tool {
  const eleventyDir = eleventyPackageDir();
  return {
    id: "eleventy",
    label: "bare Eleventy 3",
    prepare: convertForEleventy,
    command: (dirs) => ({
      command: process.execPath,
      args: [
        ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []),
        join(eleventyDir, "cmd.cjs"),
        "--input",
        dirs.input,
        "--output",
        dirs.out,
        "--config",
        ELEVENTY_BASELINE_CONFIG,
        "--quiet",
      ],
      // Run from the scratch folder so no .gitignore or .eleventyignore of the repo applies.
      cwd: dirs.scratch,
      timeoutMs: options.timeoutMs,
    }),
    countPages: (out) => countIndexPages(out),
    expected: (summary) => ({ pages: summary.expectedPages, exact: true }),
  };
}

/**
 * The installed Hugo's version line, or undefined when `hugo` is not on PATH.
 * @example hugoVersion() // "hugo v0.111.3+extended linux/amd64 …"
 */
export function hugoVersion(): string | undefined {
  const result = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Hugo with list and single layouts and section pagination.
 * @example hugoTool({ timeoutMs: 900_000 }).id // "hugo"
 */
export function hugoTool(options: { timeoutMs?: number } = {}): Tool {
  return {
    id: "hugo",
    label: "Hugo",
    prepare: convertForHugo,
    command: (dirs) => ({
      command: "hugo",
      args: ["--source", dirs.input, "--destination", dirs.out, "--cacheDir", join(dirs.scratch, "cache"), "--quiet"],
      cwd: dirs.scratch,
      timeoutMs: options.timeoutMs,
    }),
    // Hugo 0.111 always writes a redirect at /SECTION/page/1/; it is not a page.
    countPages: (out) => countIndexPages(out, (path) => path.endsWith("/page/1/index.html")),
    expected: (summary) => ({ pages: summary.expectedPages, exact: true }),
  };
}

/**
 * The version of the Eleventy the baseline runs.
 * @example eleventyVersion() // "3.1.8"
 */
export function eleventyVersion(): string {
  return (JSON.parse(readFileSync(join(eleventyPackageDir(), "package.json"), "utf8")) as { version: string }).version;
}

/** The installed @11ty/eleventy's folder: its `exports` hide package.json, so walk up from its entry. */
function eleventyPackageDir(): string {
  let dir = dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  while (!existsSync(join(dir, "cmd.cjs"))) {
    if (dirname(dir) === dir) throw new Error("Cannot find @11ty/eleventy's cmd.cjs");
    dir = dirname(dir);
  }
  return dir;
}
