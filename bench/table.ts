/**
 * The Markdown the harness prints and writes. Pure: results in, text out.
 */
import type { BenchResults, SizeResult, ToolSummary } from "./results.ts";

/** Column alignment in a Markdown table. */
export type Align = "left" | "right";

/**
 * A Markdown table; `|` in cells is escaped and line breaks become spaces, so no cell can break
 * the table.
 * @example markdownTable(["a", "b"], [["1", "2"]]) // "| a | b |\n| --- | --- |\n| 1 | 2 |"
 */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const cell = (text: string) => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = headers.map((_, i) => (align[i] === "right" ? "---:" : "---"));
  return [line(headers), line(rule), ...rows.map((row) => line(headers.map((_, i) => row[i] ?? "")))].join("\n");
}

/**
 * Milliseconds as seconds with two decimals; "—" when unknown.
 * @example formatSeconds(1234) // "1.23 s"
 */
export function formatSeconds(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? "—" : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Megabytes, rounded; "—" when unknown.
 * @example formatMb(211.4) // "211 MB"
 */
export function formatMb(mb: number | undefined): string {
  return mb === undefined || !Number.isFinite(mb) ? "—" : `${Math.round(mb)} MB`;
}

/**
 * A ratio with two decimals and a times sign; "—" when unknown.
 * @example formatRatio(3.14159) // "3.14×"
 */
export function formatRatio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "—" : `${value.toFixed(2)}×`;
}

/**
 * Whole numbers with thousands separators, independent of the machine's locale.
 * @example formatCount(100000) // "100,000"
 */
export function formatCount(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "—" : Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A 0–1 share as a whole percentage; "—" when unknown.
 * @example formatPercent(0.874) // "87%"
 */
export function formatPercent(share: number | undefined): string {
  return share === undefined || !Number.isFinite(share) ? "—" : `${Math.round(share * 100)}%`;
}

function failureText(s: ToolSummary): string {
  return s.failureWallMs !== undefined ? `${s.failure} after ${formatSeconds(s.failureWallMs)}` : (s.failure ?? "not run");
}

/**
 * One row per size and tool: medians, spread, pages, and gazette's wall time over this tool's.
 * @example resultsTable(results.sizes) // "| Articles | Tool | Wall (median) | …"
 */
export function resultsTable(sizes: readonly SizeResult[]): string {
  const headers = ["Articles", "Tool", "Wall (median)", "Wall (min–max)", "CPU user+sys (median)", "Peak RSS (median)", "Pages", "gazette ÷ tool", "Runs ok", "CPU pressure"];
  const rows = sizes.flatMap((size) =>
    size.tools.map(({ summary: s }) => {
      const runs = `${s.ok}/${s.runs}`;
      if (s.medianWallMs === undefined) return [formatCount(size.articles), s.label, failureText(s), "—", "—", "—", "—", "—", runs, "—"];
      return [
        formatCount(size.articles),
        s.label,
        formatSeconds(s.medianWallMs),
        `${formatSeconds(s.minWallMs)} – ${formatSeconds(s.maxWallMs)}`,
        formatSeconds(s.medianCpuMs),
        formatMb(s.medianRssMb),
        formatCount(s.pages),
        s.tool === "gazette" ? "—" : formatRatio(size.ratios[s.tool]),
        runs,
        formatPercent(s.medianCpuPressure),
      ];
    }),
  );
  return markdownTable(headers, rows, ["right", "left", "right", "right", "right", "right", "right", "right", "right", "right"]);
}

/**
 * gazette's median per-stage times per size, from its build reports; empty when no report had stages.
 * @example stagesTable(results.sizes) // "| Articles | load | validate | render | write |…"
 */
export function stagesTable(sizes: readonly SizeResult[]): string {
  const withStages = sizes
    .map((size) => ({ articles: size.articles, stages: size.tools.find((t) => t.tool === "gazette")?.summary.medianStagesMs }))
    .filter((row): row is { articles: number; stages: Record<string, number> } => row.stages !== undefined);
  if (!withStages.length) return "";
  const names = [...new Set(withStages.flatMap((row) => Object.keys(row.stages)))];
  const rows = withStages.map((row) => [formatCount(row.articles), ...names.map((name) => formatSeconds(row.stages[name]))]);
  return markdownTable(["Articles", ...names], rows, ["right", ...names.map((): Align => "right")]);
}

/**
 * The whole results file: machine, options, the tables and the notes.
 * @example resultsMarkdown(results).startsWith("# Benchmark") // true
 */
export function resultsMarkdown(results: BenchResults): string {
  const m = results.machine;
  const o = results.options;
  const stages = stagesTable(results.sizes);
  const lines = [
    `# Benchmark ${results.date}`,
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb.toFixed(1)} GB, ${m.os}`,
    `- Node ${m.node}; Eleventy ${m.eleventy}; ${m.hugo ?? "Hugo not installed"}${m.gazetteCommit ? `; gazette at ${m.gazetteCommit}` : ""}`,
    `- Sizes ${o.sizes.map(formatCount).join(", ")}; ${o.runs} cold runs each; corpus seed ${o.seed}; baseline time limit ${o.baselineTimeoutS} s${o.eleventyHeapMb ? `; Eleventy heap ${o.eleventyHeapMb} MB` : ""}`,
    `- gazette build options used: ${o.gazetteFeatures.report ? "--report" : "no --report (not yet in the CLI)"}, ${o.gazetteFeatures.cache ? "--cache (fresh per run)" : "no --cache (not yet in the CLI)"}`,
    "",
    "## Wall time, CPU and memory",
    "",
    resultsTable(results.sizes),
    "",
  ];
  if (stages) lines.push("## gazette stages (median)", "", stages, "");
  if (results.notes.length) lines.push("## Notes", "", ...results.notes.map((note) => `- ${note}`), "");
  return lines.join("\n");
}
