/**
 * The benchmark: for each size, generate the corpus once, prepare each tool's input once, then
 * make `runs` rounds of cold builds, each round running every tool once. Rounds rather than one
 * tool's runs in a row, so a burst of background load on the shared machine lands on every tool
 * alike and the same-run ratios stay meaningful.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { writeCorpus } from "../src/corpus/write-corpus.ts";
import { summarizeCorpus, type CorpusSummary } from "./corpus-reader.ts";
import { measure } from "./measure.ts";
import type { BenchOptions } from "./options.ts";
import { ourRatios, summarizeRuns, type BenchResults, type MachineInfo, type RunResult, type SizeResult } from "./results.ts";
import { resultsMarkdown, resultsTable } from "./table.ts";
import { detectGazetteFeatures, eleventyTool, eleventyVersion, gazetteTool, hugoTool, hugoVersion, isGazette, type Tool, type ToolId } from "./tools.ts";

/** A build wrote the wrong number of pages: its numbers would compare different work. */
export class PageCountError extends Error {}

/** What a benchmark produced. */
export interface BenchOutcome {
  results: BenchResults;
  files: { markdown: string; json: string };
  /** True when some gazette run failed (baseline failures are results, not errors). */
  gazetteFailed: boolean;
}

/**
 * The Markdown and JSON files for results named `stem` in `dir`: a second run on the same day
 * gets its own (`<stem>-2.md`, …), so results are never overwritten.
 * @example freshResultFiles("bench/results", "2026-12-01").markdown // "bench/results/2026-12-01-2.md" when the first exists
 */
export function freshResultFiles(dir: string, stem: string): { markdown: string; json: string } {
  let name = stem;
  for (let n = 2; existsSync(join(dir, `${name}.md`)) || existsSync(join(dir, `${name}.json`)); n++) name = `${stem}-${n}`;
  return { markdown: join(dir, `${name}.md`), json: join(dir, `${name}.json`) };
}

/**
 * The date as YYYY-MM-DD on the machine's clock.
 * @example localDate(new Date(2025, 0, 31)) // "2025-01-31"
 */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function gazetteCommit(root: string): string | undefined {
  const head = spawnSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  if (head.status !== 0) return undefined;
  const dirty = spawnSync("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" });
  return `${head.stdout.trim()}${dirty.stdout.trim() ? " with uncommitted changes" : ""}`;
}

/**
 * Compiles the measured checkout's TypeScript (as npm install does): bin/gazette.mjs runs the
 * compiled JavaScript only when it is newer than every source, and falls back to transpiling
 * at run time otherwise — which would measure start-up work no user pays.
 */
export function compileGazette(root: string, log: (line: string) => void): void {
  const script = join(root, "scripts", "compile.mjs");
  if (!existsSync(script)) return;
  const compiled = spawnSync(process.execPath, [script], { cwd: root, encoding: "utf8" });
  if (compiled.status !== 0) throw new Error(`Compiling ${root} failed:\n${compiled.stdout}${compiled.stderr}`);
  log(`compiled ${root} (scripts/compile.mjs)`);
}

function machineInfo(options: BenchOptions, hugo: string | undefined): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    eleventy: eleventyVersion(),
    hugo,
    gazetteCommit: gazetteCommit(options.gazette),
  };
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join("\n");
}

/** Raises PageCountError unless `pages` meets the tool's expectation. */
function checkPages(tool: Tool, pages: number, summary: CorpusSummary): void {
  const expected = tool.expected(summary);
  const ok = expected.exact ? pages === expected.pages : pages >= expected.pages;
  if (!ok) {
    throw new PageCountError(
      `${tool.label} wrote ${pages} pages for ${summary.articles} articles; expected ${expected.exact ? "" : "at least "}${expected.pages} ` +
        `(${summary.articles} articles + ${summary.expectedPages - summary.articles} section pages${isGazette(tool.id) ? " + the front page" : ""}).`,
    );
  }
}

async function measureSize(size: number, tools: Tool[], options: BenchOptions, log: (line: string) => void): Promise<SizeResult> {
  const root = mkdtempSync(join(options.work, `gazette-bench-${size}-`));
  try {
    const corpus = join(root, "corpus");
    let started = performance.now();
    await writeCorpus({ articles: size, seed: options.seed, out: corpus });
    const corpusMs = Math.round(performance.now() - started);
    const summary = summarizeCorpus(corpus);
    if (summary.articles !== size) throw new Error(`The corpus has ${summary.articles} articles, not ${size}.`);
    log(`${size} articles: corpus written in ${(corpusMs / 1000).toFixed(1)} s; every baseline must write ${summary.expectedPages} pages.`);

    const prepareMs: Partial<Record<ToolId, number>> = {};
    const inputs = new Map<ToolId, string>();
    for (const tool of tools) {
      const input = isGazette(tool.id) ? corpus : join(root, `${tool.id}-input`);
      started = performance.now();
      tool.prepare(corpus, input);
      prepareMs[tool.id] = Math.round(performance.now() - started);
      inputs.set(tool.id, input);
    }

    const runs = new Map<ToolId, RunResult[]>(tools.map((tool) => [tool.id, []]));
    const stopped = new Set<ToolId>();
    for (let run = 1; run <= options.runs; run++) {
      for (const tool of tools) {
        if (stopped.has(tool.id)) continue;
        const dirs = { corpus, input: inputs.get(tool.id)!, out: join(root, `${tool.id}-out`), scratch: mkdtempSync(join(root, `${tool.id}-scratch-`)) };
        // Cold: nothing left from an earlier run, neither output nor cache.
        rmSync(dirs.out, { recursive: true, force: true });
        const { command, args, cwd, timeoutMs } = tool.command(dirs);
        const m = await measure(command, args, { cwd, timeoutMs });
        const result: RunResult = { run, status: m.status, exitCode: m.exitCode, wallMs: m.wallMs, cpuMs: m.cpuUserMs + m.cpuSystemMs, maxRssMb: m.maxRssMb, cpuPressure: m.cpuPressure };
        if (m.status === "ok") {
          result.pages = tool.countPages(dirs.out);
          checkPages(tool, result.pages, summary);
          const report = tool.report?.(dirs);
          if (report?.stages) result.stages = report.stages;
          if (report?.threads !== undefined) result.threads = report.threads;
          const busy = m.cpuPressure === undefined ? "" : `, CPU pressure ${Math.round(m.cpuPressure * 100)}%`;
          log(`  run ${run}/${options.runs} ${tool.label}: ${(m.wallMs / 1000).toFixed(2)} s, ${Math.round(m.maxRssMb)} MB, ${result.pages} pages${busy}`);
        } else {
          // V8's out-of-memory report ends in a native stack trace; its first line says what happened.
          const fatal = m.stderrTail.split("\n").find((line) => /FATAL ERROR|heap out of memory/.test(line));
          result.message = fatal?.trim() ?? lastLines(m.stderrTail, 8);
          // A build that ran out of memory or time will do so again: spare the machine the repeats.
          stopped.add(tool.id);
          log(`  run ${run}/${options.runs} ${tool.label}: ${m.status} after ${(m.wallMs / 1000).toFixed(1)} s; its remaining runs at this size are skipped.\n${result.message.replace(/^/gm, "    ")}`);
        }
        runs.get(tool.id)!.push(result);
        rmSync(dirs.out, { recursive: true, force: true });
        rmSync(dirs.scratch, { recursive: true, force: true });
      }
    }
    const measured = tools.map((tool) => ({ tool: tool.id, label: tool.label, runs: runs.get(tool.id)!, summary: summarizeRuns(tool.id, tool.label, runs.get(tool.id)!) }));
    return { articles: size, expectedPages: summary.expectedPages, corpusMs, prepareMs, tools: measured, ratios: ourRatios(measured.map((t) => t.summary)) };
  } finally {
    if (options.keep) log(`  kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Runs the whole benchmark, writes <date>.md and <date>.json into `options.results`, and returns
 * the results. Progress goes to `log`.
 * @example await runBench(parseBenchArgs(["--sizes", "50", "--runs", "1"], defaults), console.error)
 */
export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<BenchOutcome> {
  compileGazette(options.gazette, log);
  const features = detectGazetteFeatures(options.gazette);
  const notes = [
    ...options.notes,
    "Cold runs: every build writes into a missing output folder" + (features.cache ? " with a fresh, empty cache folder" : "") + "; the OS file cache is warm (the corpus was just written), as it is on a developer's machine.",
    "Each round builds with every tool once, one after another, so background load on the shared machine lands on all tools alike; ratios compare medians of the same rounds.",
    "Wall time, CPU time (user + system, all threads and child processes) and peak RSS come from GNU time for every tool; gazette's stage times come from its --report.",
    "Pages are index.html files. gazette also writes the front page (one more than the baselines). Hugo 0.111's redirect pages at /SECTION/page/1/ are not counted.",
    "CPU pressure is Linux PSI \"some\" for the CPU over the run: the share of time in which some task on the machine (the tool's own threads included) waited for a CPU. Far above 0% means other work competed and the times are inflated.",
    "Corpus generation and converting the corpus into each baseline's input are not timed as part of the builds.",
  ];
  const tools: Tool[] = [gazetteTool(options.gazette, features, options.buildArgs)];
  if (options.buildArgs.length) notes.push(`Extra gazette build arguments: ${options.buildArgs.join(" ")}.`);
  for (const variant of options.compare) tools.push(gazetteTool(options.gazette, features, options.buildArgs, variant));
  if (options.compare.length) notes.push(`"gazette ARGS" rows are gazette built with those arguments as well, in the same rounds; "gazette ÷ tool" on such a row is the cost of what the arguments turn off (e.g. 1.05× for --no-feeds: the build with feeds takes 5 % longer).`);
  const timeoutMs = options.baselineTimeoutS * 1000;
  if (options.eleventy) tools.push(eleventyTool({ timeoutMs, heapMb: options.eleventyHeapMb }));
  const hugo = hugoVersion();
  if (options.hugo && hugo) tools.push(hugoTool({ timeoutMs }));
  else if (options.hugo) notes.push("Hugo was skipped: `hugo` is not on PATH (apt-get install -y hugo).");
  if (!features.report) notes.push("This gazette has no `build --report` yet, so there are no stage times.");
  else notes.push("gazette's \"article …\" steps are summed over its worker threads (per run in the JSON as `threads`), so together they can exceed the wall time of the \"articles\" stage.");

  const results: BenchResults = {
    date: localDate(new Date()),
    machine: machineInfo(options, hugo),
    options: { sizes: options.sizes, runs: options.runs, seed: options.seed, buildArgs: options.buildArgs, baselineTimeoutS: options.baselineTimeoutS, eleventyHeapMb: options.eleventyHeapMb, gazetteFeatures: features },
    notes,
    sizes: [],
  };
  mkdirSync(options.work, { recursive: true });
  // One size at a time, to the end, so sizes never compete for the machine.
  for (const size of options.sizes) {
    const result = await measureSize(size, tools, options, log);
    results.sizes.push(result);
    log(`\n${resultsTable([result])}\n`);
  }
  mkdirSync(options.results, { recursive: true });
  const files = freshResultFiles(options.results, results.date);
  writeFileSync(files.markdown, resultsMarkdown(results));
  // NaN (unknown, e.g. the memory of a killed run) is written as null by JSON.stringify.
  writeFileSync(files.json, `${JSON.stringify(results, null, 2)}\n`);
  const gazetteFailed = results.sizes.some((size) => size.tools.some((t) => isGazette(t.tool) && t.summary.ok < t.summary.runs));
  return { results, files, gazetteFailed };
}
