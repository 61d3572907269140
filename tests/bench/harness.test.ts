import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { summarizeCorpus } from "../../bench/corpus-reader.ts";
import { sectionPageCount, sectionTotals } from "../../bench/expected-pages.ts";
import { classifyRun, parsePressureTotal, parseTimeReport } from "../../bench/measure.ts";
import { BenchUsageError, parseBenchArgs } from "../../bench/options.ts";
import { ourRatios, summarizeRuns, type BenchResults, type RunResult, type SizeResult } from "../../bench/results.ts";
import { median, ratio, spread } from "../../bench/stats.ts";
import { formatCount, formatMb, formatPercent, formatRatio, formatSeconds, markdownTable, resultsTable, stagesTable } from "../../bench/table.ts";
import { detectGazetteFeatures, eleventyTool, gazetteTool, hugoTool, hugoVersion, reportStages, type Tool } from "../../bench/tools.ts";
import { measure } from "../../bench/measure.ts";
import { writeCorpus } from "../../src/corpus/write-corpus.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "gazette-harness-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("stats", () => {
  it.each([
    { values: [], median: NaN, min: NaN, max: NaN },
    { values: [5], median: 5, min: 5, max: 5 },
    { values: [3, 1, 2], median: 2, min: 1, max: 3 },
    { values: [4, 1, 3, 2], median: 2.5, min: 1, max: 4 },
    { values: [10, 10, 10], median: 10, min: 10, max: 10 },
    { values: [100, 1, 2], median: 2, min: 1, max: 100 },
    { values: [-1, 0.5, 7.25], median: 0.5, min: -1, max: 7.25 },
  ])("median and spread of $values", ({ values, median: m, min, max }) => {
    const before = [...values];
    expect(median(values)).toBe(m);
    expect(spread(values)).toEqual({ min, max });
    expect(values).toEqual(before);
  });

  it("spread does not overflow the stack on a huge list", () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i);
    expect(spread(values)).toEqual({ min: 0, max: 299_999 });
  });

  it.each([
    { a: 10, b: 4, expected: 2.5 },
    { a: 3, b: 3, expected: 1 },
    { a: 10, b: 0, expected: undefined },
    { a: undefined, b: 4, expected: undefined },
    { a: 10, b: undefined, expected: undefined },
    { a: NaN, b: 4, expected: undefined },
  ])("ratio($a, $b) = $expected", ({ a, b, expected }) => {
    expect(ratio(a, b)).toBe(expected);
  });
});

describe("expected pages", () => {
  const ids = ["politics", "world", "world/europe", "world/asia", "sport"];
  it.each([
    { name: "empty corpus: one page per section", counts: {}, perPage: 30, totals: { politics: 0, world: 0, "world/europe": 0, "world/asia": 0, sport: 0 }, pages: 5 },
    { name: "a parent counts its children's articles", counts: { "world/europe": 31, "world/asia": 30 }, perPage: 30, totals: { politics: 0, world: 61, "world/europe": 31, "world/asia": 30, sport: 0 }, pages: 1 + 3 + 2 + 1 + 1 },
    { name: "exact multiples need no extra page", counts: { politics: 60, sport: 1 }, perPage: 30, totals: { politics: 60, world: 0, "world/europe": 0, "world/asia": 0, sport: 1 }, pages: 2 + 1 + 1 + 1 + 1 },
    { name: "perPage 1", counts: { world: 2, "world/asia": 1 }, perPage: 1, totals: { politics: 0, world: 3, "world/europe": 0, "world/asia": 1, sport: 0 }, pages: 1 + 3 + 1 + 1 + 1 },
    { name: "undeclared sections are ignored", counts: { culture: 99 }, perPage: 30, totals: { politics: 0, world: 0, "world/europe": 0, "world/asia": 0, sport: 0 }, pages: 5 },
  ])("$name", ({ counts, perPage, totals, pages }) => {
    const computed = sectionTotals(ids, new Map(Object.entries(counts)));
    expect(Object.fromEntries(computed)).toEqual(totals);
    expect(sectionPageCount(computed, perPage)).toBe(pages);
  });

  it("rejects a page size below 1", () => {
    expect(() => sectionPageCount(new Map(), 0)).toThrow(RangeError);
  });
});

describe("GNU time output", () => {
  it.each([
    { text: "1.50 20480 1.20 0.10\n", expected: { wallMs: 1500, maxRssKb: 20480, cpuUserMs: 1200, cpuSystemMs: 100 } },
    { text: "Command exited with non-zero status 1\n0.31 51200 0.25 0.04\n", expected: { wallMs: 310, maxRssKb: 51200, cpuUserMs: 250, cpuSystemMs: 40, exitCode: 1 } },
    { text: "Command terminated by signal 9\n12.00 4000000 11.50 0.90\n", expected: { wallMs: 12000, maxRssKb: 4000000, cpuUserMs: 11500, cpuSystemMs: 900, signal: 9 } },
  ])("parses $text", ({ text, expected }) => {
    expect(parseTimeReport(text)).toEqual(expected);
  });

  it.each([
    { text: "some avg10=1.00 avg60=0.50 avg300=0.20 total=123456\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n", total: 123456 },
    { text: "full avg10=0.00 avg60=0.00 avg300=0.00 total=7\n", total: undefined },
    { text: "", total: undefined },
  ])("reads the PSI total from $text", ({ text, total }) => {
    expect(parsePressureTotal(text)).toBe(total);
  });

  it.each(["", "garbage", "1.0 2.0 3.0"])("rejects %j", (text) => {
    expect(() => parseTimeReport(text)).toThrow(/Unexpected output/);
  });

  it.each([
    { end: { exitCode: 0, stderr: "" }, status: "ok" },
    { end: { exitCode: 1, stderr: "Error: boom" }, status: "failed" },
    { end: { exitCode: 134, stderr: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" }, status: "out of memory" },
    { end: { exitCode: null, signal: 9, stderr: "" }, status: "out of memory" },
    { end: { exitCode: null, signal: 15, stderr: "" }, status: "failed" },
    { end: { exitCode: null, stderr: "", timedOut: true }, status: "timeout" },
  ] as const)("classifies $end as $status", ({ end, status }) => {
    expect(classifyRun(end)).toBe(status);
  });

  it("measures a real command and stops one that runs too long", async () => {
    const ok = await measure(process.execPath, ["-e", "Buffer.alloc(64 * 2 ** 20, 1)"]);
    expect(ok.status).toBe("ok");
    expect(ok.maxRssMb).toBeGreaterThan(60);
    expect(ok.wallMs).toBeGreaterThan(0);
    const failed = await measure(process.execPath, ["-e", "console.error('nope'); process.exit(3)"]);
    expect(failed).toMatchObject({ status: "failed", exitCode: 3 });
    expect(failed.stderrTail).toContain("nope");
    const slow = await measure(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { timeoutMs: 300 });
    expect(slow.status).toBe("timeout");
    expect(slow.wallMs).toBeLessThan(10_000);
  });
});

describe("bench options", () => {
  const defaults = { results: "bench/results", gazette: ".", work: "/tmp" };
  it.each([
    { args: [], expected: { sizes: [1000, 20000], runs: 3, seed: 1, hugo: true, eleventy: true, baselineTimeoutS: 900, eleventyHeapMb: undefined } },
    { args: ["--sizes", "50", "--runs", "1", "--no-hugo"], expected: { sizes: [50], runs: 1, hugo: false, eleventy: true } },
    { args: ["--sizes", "1000,20000,100000", "--no-eleventy", "--seed", "42"], expected: { sizes: [1000, 20000, 100000], eleventy: false, seed: 42 } },
    { args: ["--baseline-timeout", "600", "--eleventy-heap", "8192"], expected: { baselineTimeoutS: 600, eleventyHeapMb: 8192 } },
    { args: ["--results", "/tmp/r", "--work", "/var/tmp", "--keep"], expected: { results: "/tmp/r", work: "/var/tmp", keep: true, notes: [] } },
    { args: ["--note", "first", "--note", "second"], expected: { notes: ["first", "second"], buildArgs: [] } },
    { args: ["--build-arg=--threads=2", "--build-arg=--drafts"], expected: { buildArgs: ["--threads=2", "--drafts"], compare: [] } },
    { args: ["--compare=--no-feeds", "--compare=--no-feeds  --no-search"], expected: { compare: [["--no-feeds"], ["--no-feeds", "--no-search"]] } },
  ])("$args", ({ args, expected }) => {
    expect(parseBenchArgs(args, defaults)).toMatchObject(expected);
  });

  it.each([
    { args: ["--sizes", "1000,abc"], message: /--sizes/ },
    { args: ["--sizes", "0"], message: /--sizes/ },
    { args: ["--runs", "0"], message: /--runs/ },
    { args: ["--runs", "2.5"], message: /--runs/ },
    { args: ["--seed", "x"], message: /--seed/ },
    { args: ["--eleventy-heap", "10"], message: /--eleventy-heap/ },
    { args: ["--bogus"], message: /bogus/ },
    { args: ["extra"], message: /extra/ },
    { args: ["--compare", " "], message: /--compare/ },
    { args: ["--compare", "feeds"], message: /--compare/ },
  ])("rejects $args", ({ args, message }) => {
    expect(() => parseBenchArgs(args, defaults)).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(args, defaults)).toThrow(message);
  });

  it("answers --help", () => {
    expect(parseBenchArgs(["--help"], defaults)).toBe("help");
  });
});

function run(runNo: number, wallMs: number, extra: Partial<RunResult> = {}): RunResult {
  return { run: runNo, status: "ok", exitCode: 0, wallMs, cpuMs: wallMs * 0.9, maxRssMb: 100 + runNo, pages: 63, cpuPressure: runNo / 10, ...extra };
}

describe("summaries", () => {
  it("takes medians over successful runs only", () => {
    const s = summarizeRuns("gazette", "gazette", [run(1, 3000, { stages: { load: 10, render: 100 } }), run(2, 1000, { stages: { load: 30, render: 300 } }), run(3, 2000, { stages: { load: 20, render: 200 } })]);
    expect(s).toMatchObject({ ok: 3, runs: 3, medianWallMs: 2000, minWallMs: 1000, maxWallMs: 3000, medianCpuMs: 1800, medianRssMb: 102, pages: 63, medianCpuPressure: 0.2, medianStagesMs: { load: 20, render: 200 } });
  });

  it("reports the failure when no run succeeded", () => {
    const s = summarizeRuns("eleventy", "bare Eleventy 3", [{ run: 1, status: "out of memory", exitCode: 134, wallMs: 420_000, cpuMs: NaN, maxRssMb: NaN }]);
    expect(s).toMatchObject({ ok: 0, runs: 1, failure: "out of memory", failureWallMs: 420_000 });
    expect(s.medianWallMs).toBeUndefined();
  });

  it("divides our median by each baseline's", () => {
    const ours = summarizeRuns("gazette", "gazette", [run(1, 6000)]);
    const hugo = summarizeRuns("hugo", "Hugo", [run(1, 1500)]);
    const eleventy = summarizeRuns("eleventy", "bare Eleventy 3", [{ run: 1, status: "timeout", exitCode: null, wallMs: 900_000, cpuMs: NaN, maxRssMb: NaN }]);
    expect(ourRatios([ours, hugo, eleventy])).toEqual({ hugo: 4 });
  });

  it.each([
    { report: { stages: { load: 50, render: 10 }, articleSteps: { read: 3 } }, expected: { load: 50, render: 10, "article read": 3 } },
    { report: { stages: { load: 50, note: "x" } }, expected: { load: 50 } },
    { report: { wallMs: 5 }, expected: undefined },
    { report: null, expected: undefined },
  ])("reads stage times from $report", ({ report, expected }) => {
    expect(reportStages(report)).toEqual(expected);
  });
});

describe("tables", () => {
  it.each([
    { ms: 1234, text: "1.23 s" },
    { ms: 0, text: "0.00 s" },
    { ms: 612_345, text: "612.35 s" },
    { ms: undefined, text: "—" },
    { ms: NaN, text: "—" },
  ])("formatSeconds($ms) = $text", ({ ms, text }) => {
    expect(formatSeconds(ms)).toBe(text);
  });

  it.each([
    { fn: formatMb, value: 211.4, text: "211 MB" },
    { fn: formatMb, value: NaN, text: "—" },
    { fn: formatRatio, value: 3.14159, text: "3.14×" },
    { fn: formatRatio, value: undefined, text: "—" },
    { fn: formatPercent, value: 0.874, text: "87%" },
    { fn: formatPercent, value: undefined, text: "—" },
    { fn: formatCount, value: 100000, text: "100,000" },
    { fn: formatCount, value: 999, text: "999" },
    { fn: formatCount, value: 1234567, text: "1,234,567" },
  ])("$fn.name($value) = $text", ({ fn, value, text }) => {
    expect(fn(value)).toBe(text);
  });

  it.each([
    { headers: ["a", "b"], rows: [["1", "2"]], align: [], text: "| a | b |\n| --- | --- |\n| 1 | 2 |" },
    { headers: ["n", "x"], rows: [["1"]], align: ["right"] as const, text: "| n | x |\n| ---: | --- |\n| 1 |  |" },
    { headers: ["cell"], rows: [["a|b"], ["two\nlines"]], align: [], text: "| cell |\n| --- |\n| a\\|b |\n| two lines |" },
    { headers: ["empty"], rows: [], align: [], text: "| empty |\n| --- |" },
  ])("markdownTable $headers", ({ headers, rows, align, text }) => {
    expect(markdownTable(headers, rows, align)).toBe(text);
  });

  const size: SizeResult = {
    articles: 20000,
    expectedPages: 21000,
    corpusMs: 9000,
    prepareMs: {},
    tools: [
      { tool: "gazette", label: "gazette", runs: [], summary: summarizeRuns("gazette", "gazette", [run(1, 60_000, { stages: { load: 3000, render: 40_000 } }), run(2, 62_000, { stages: { load: 3100, render: 41_000 } })]) },
      { tool: "eleventy", label: "bare Eleventy 3", runs: [], summary: summarizeRuns("eleventy", "bare Eleventy 3", [{ run: 1, status: "out of memory", exitCode: 134, wallMs: 421_000, cpuMs: NaN, maxRssMb: NaN }]) },
      { tool: "hugo", label: "Hugo", runs: [], summary: summarizeRuns("hugo", "Hugo", [run(1, 10_000), run(2, 12_000)]) },
    ],
    ratios: { hugo: 5.5 },
  };

  it("has one row per tool, with the failure in place of the times", () => {
    expect(resultsTable([size]).split("\n")).toEqual([
      "| Articles | Tool | Wall (median) | Wall (min–max) | CPU user+sys (median) | Peak RSS (median) | Pages | gazette ÷ tool | Runs ok | CPU pressure |",
      "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      "| 20,000 | gazette | 61.00 s | 60.00 s – 62.00 s | 54.90 s | 102 MB | 63 | — | 2/2 | 15% |",
      "| 20,000 | bare Eleventy 3 | out of memory after 421.00 s | — | — | — | — | — | 0/1 | — |",
      "| 20,000 | Hugo | 11.00 s | 10.00 s – 12.00 s | 9.90 s | 102 MB | 63 | 5.50× | 2/2 | 15% |",
    ]);
  });

  it("lists gazette's stages per size, or nothing without reports", () => {
    expect(stagesTable([size])).toBe("| Articles | load | render |\n| ---: | ---: | ---: |\n| 20,000 | 3.05 s | 40.50 s |");
    const noStages = { ...size, tools: [{ ...size.tools[2] }] };
    expect(stagesTable([noStages])).toBe("");
  });
});

/** index.html paths below `root`, site-relative. */
function pagePaths(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((p) => p.endsWith("index.html")).map((p) => `/${p.split("\\").join("/")}`).sort();
}

describe("baselines build the same pages as gazette", () => {
  it("article and section URLs are identical across tools (50 articles, 4 a page)", { timeout: 180_000 }, async () => {
    const corpus = join(scratch, "same-corpus");
    await writeCorpus({ articles: 50, seed: 3, out: corpus });
    // Small pages, so every tool has to paginate most sections (and honour site.yml's perPage).
    appendFileSync(join(corpus, "site.yml"), "perPage: 4\n");
    const summary = summarizeCorpus(corpus);
    expect(summary.expectedPages).toBeGreaterThan(50 + summary.site.sections.length);
    const tools: Tool[] = [gazetteTool(ROOT, detectGazetteFeatures(ROOT)), eleventyTool()];
    if (hugoVersion()) tools.push(hugoTool());
    const pages = new Map<string, string[]>();
    for (const tool of tools) {
      const dirs = { corpus, input: tool.id === "gazette" ? corpus : join(scratch, `same-${tool.id}-input`), out: join(scratch, `same-${tool.id}-out`), scratch: mkdtempSync(join(scratch, "run-")) };
      tool.prepare(corpus, dirs.input);
      const { command, args, cwd } = tool.command(dirs);
      const m = await measure(command, args, { cwd });
      expect(m.status, `${tool.label}: ${m.stderrTail}`).toBe("ok");
      if (tool.id !== "gazette") expect(tool.countPages(dirs.out)).toBe(summary.expectedPages);
      pages.set(tool.id, pagePaths(dirs.out));
    }
    // gazette writes more than the compared pages (front page, maybe more later): compare only
    // its article and section pages; Hugo's /SECTION/page/1/ redirects are not pages.
    const sectionIds = summary.site.sections.map((s) => s.id);
    const compared = (path: string) =>
      /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(path) ||
      sectionIds.some((id) => path === `/${id}/index.html` || new RegExp(`^/${id}/page/([2-9]|\\d{2,})/index\\.html$`).test(path));
    const ours = pages.get("gazette")!.filter(compared);
    expect(ours.length).toBe(summary.expectedPages);
    for (const [tool, paths] of pages) expect(paths.filter(compared), tool).toEqual(ours);
    for (const [tool, paths] of pages) if (tool !== "gazette") expect(paths.filter((p) => !compared(p) && !p.endsWith("/page/1/index.html")), tool).toEqual([]);
  });
});

describe("npm run bench, end to end", () => {
  it("measures a 50-article corpus once per tool and writes the results", { timeout: 300_000 }, () => {
    const results = join(scratch, "results");
    const work = join(scratch, "work");
    const child = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", "run.ts"), "--sizes", "50", "--runs", "1", "--results", results, "--work", work, "--compare=--no-feeds"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 280_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const files = readdirSync(results).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}\.json$/);
    expect(files[1]).toMatch(/^\d{4}-\d{2}-\d{2}\.md$/);
    const json = JSON.parse(readFileSync(join(results, files[0]), "utf8")) as BenchResults;
    const size = json.sizes[0];
    expect(size.articles).toBe(50);
    // --compare adds gazette with those arguments, right after gazette itself.
    const expectedTools = ["gazette", "gazette --no-feeds", "eleventy", ...(hugoVersion() ? ["hugo"] : [])];
    expect(size.tools.map((t) => t.tool)).toEqual(expectedTools);
    for (const t of size.tools) {
      expect(t.summary.ok, t.tool).toBe(1);
      const pages = t.summary.pages!;
      if (t.tool.startsWith("gazette")) expect(pages).toBeGreaterThanOrEqual(size.expectedPages + 1);
      else expect(pages).toBe(size.expectedPages);
    }
    if (json.options.gazetteFeatures.report) {
      const ours = size.tools[0].runs[0];
      expect(ours.threads).toBeGreaterThanOrEqual(1);
      expect(Object.keys(ours.stages ?? {})).toContain("load");
    }
    expect(Object.keys(size.ratios).sort()).toEqual(expectedTools.filter((t) => t !== "gazette").sort());
    expect(json.machine).toMatchObject({ cores: expect.any(Number), node: process.version, eleventy: expect.stringMatching(/^3\./) });
    const markdown = readFileSync(join(results, files[1]), "utf8");
    expect(markdown).toContain("| 50 | gazette |");
    expect(markdown).toContain("| 50 | gazette --no-feeds |");
    expect(child.stdout).toContain("| 50 | bare Eleventy 3 |");
    // Temporary folders are removed unless --keep.
    expect(readdirSync(work)).toEqual([]);
  });
});
