/**
 * The shapes of a benchmark's results, and the per-tool summary over repeated runs. Pure.
 */
import type { RunStatus } from "./measure.ts";
import { median, ratio, spread } from "./stats.ts";
import type { ToolId } from "./tools.ts";

/** One cold build. Times in ms, memory in MB; NaN where unknown (a killed run). */
export interface RunResult {
  run: number;
  status: RunStatus;
  exitCode: number | null;
  wallMs: number;
  /** User plus system CPU time. */
  cpuMs: number;
  maxRssMb: number;
  pages?: number;
  stages?: Record<string, number>;
  /** Worker threads the tool reported using (gazette's --report). */
  threads?: number;
  /** Share of the run's time some task waited for a CPU (PSI), 0–1, when the kernel reports it. */
  cpuPressure?: number;
  /** Why it failed: the end of stderr. */
  message?: string;
}

/** A tool's runs at one size, reduced to what the table shows. */
export interface ToolSummary {
  tool: ToolId;
  label: string;
  /** Runs that succeeded / runs made. */
  ok: number;
  runs: number;
  /** The first failure's status when no run succeeded. */
  failure?: RunStatus;
  /** Wall time of the failed run (e.g. when it ran out of memory). */
  failureWallMs?: number;
  medianWallMs?: number;
  minWallMs?: number;
  maxWallMs?: number;
  medianCpuMs?: number;
  medianRssMb?: number;
  pages?: number;
  /** Median CPU pressure during the successful runs, 0–1. */
  medianCpuPressure?: number;
  medianStagesMs?: Record<string, number>;
}

/** Everything measured for one corpus size. */
export interface SizeResult {
  articles: number;
  expectedPages: number;
  corpusMs: number;
  prepareMs: Partial<Record<ToolId, number>>;
  tools: { tool: ToolId; label: string; runs: RunResult[]; summary: ToolSummary }[];
  /** gazette's median wall time divided by each baseline's. */
  ratios: Partial<Record<ToolId, number>>;
}

/** Where and with what the benchmark ran. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  eleventy: string;
  hugo?: string;
  gazetteCommit?: string;
}

/** A whole benchmark, as written to bench/results/<date>.json. */
export interface BenchResults {
  date: string;
  machine: MachineInfo;
  options: { sizes: number[]; runs: number; seed: number; buildArgs: string[]; baselineTimeoutS: number; eleventyHeapMb?: number; gazetteFeatures: { report: boolean; cache: boolean } };
  notes: string[];
  sizes: SizeResult[];
}

/**
 * Reduces a tool's runs to medians and spreads over the successful ones.
 * @example summarizeRuns("hugo", "Hugo", [{ run: 1, status: "ok", wallMs: 900, … }]).medianWallMs // 900
 */
export function summarizeRuns(tool: ToolId, label: string, runs: readonly RunResult[]): ToolSummary {
  const ok = runs.filter((r) => r.status === "ok");
  const summary: ToolSummary = { tool, label, ok: ok.length, runs: runs.length };
  if (!ok.length) {
    const failed = runs.find((r) => r.status !== "ok");
    if (failed) {
      summary.failure = failed.status;
      summary.failureWallMs = failed.wallMs;
    }
    return summary;
  }
  const walls = ok.map((r) => r.wallMs);
  const { min, max } = spread(walls);
  Object.assign(summary, {
    medianWallMs: median(walls),
    minWallMs: min,
    maxWallMs: max,
    medianCpuMs: median(ok.map((r) => r.cpuMs)),
    medianRssMb: median(ok.map((r) => r.maxRssMb)),
    pages: median(ok.map((r) => r.pages ?? Number.NaN)),
  });
  const pressures = ok.map((r) => r.cpuPressure).filter((p): p is number => p !== undefined);
  if (pressures.length) summary.medianCpuPressure = median(pressures);
  const stageNames = [...new Set(ok.flatMap((r) => Object.keys(r.stages ?? {})))];
  if (stageNames.length) {
    summary.medianStagesMs = Object.fromEntries(
      stageNames.map((name) => [name, median(ok.map((r) => r.stages?.[name]).filter((v): v is number => v !== undefined))]),
    );
  }
  return summary;
}

/**
 * gazette's median wall time over each baseline's, for baselines with a successful run.
 * @example ourRatios([gazette, hugo]) // { hugo: 4.2 }
 */
export function ourRatios(summaries: readonly ToolSummary[]): Partial<Record<ToolId, number>> {
  const ours = summaries.find((s) => s.tool === "gazette")?.medianWallMs;
  const ratios: Partial<Record<ToolId, number>> = {};
  for (const s of summaries) {
    if (s.tool === "gazette") continue;
    const value = ratio(ours, s.medianWallMs);
    if (value !== undefined) ratios[s.tool] = value;
  }
  return ratios;
}
