/**
 * `npm run bench -- --search --sizes 5000,20000`: gazette's build with search against what a Hugo
 * newsroom runs (Hugo, then `pagefind --site public`) on the same generated corpus, each cold,
 * with the peak memory of the whole process tree; then a warm gazette rebuild after one edit,
 * which must re-index one shard. Results go to bench/results/search/<date>-<size>.{md,json}.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeCorpus } from "../src/corpus/write-corpus.ts";
import { pagefindBinary } from "../src/search/run-pagefind.ts";
import { pagefindVersion } from "../src/search/shard-key.ts";
import { convertForHugo } from "./hugo-baseline/convert.ts";
import { runTree, type TreeRun } from "./process-tree.ts";
import { freshResultFiles, localDate } from "./run-bench.ts";
import { hugoVersion, REPO_ROOT } from "./tools.ts";

/** One size's figures. */
interface SearchBenchResult {
  articles: number;
  gazette: TreeRun & { search?: unknown; stages?: unknown };
  hugo?: TreeRun;
  pagefind?: TreeRun;
  warm: TreeRun & { search?: unknown; prepared?: number };
}

function log(line: string): void {
  process.stderr.write(`bench search: ${line}\n`);
}

function report(file: string): { search?: unknown; stages?: unknown; cache?: { prepared: number } } {
  return JSON.parse(readFileSync(file, "utf8")) as { search?: unknown; stages?: unknown; cache?: { prepared: number } };
}

function firstArticle(dir: string): string {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = firstArticle(path);
      if (found) return found;
    } else if (entry.name.endsWith(".md")) return path;
  }
  return "";
}

async function benchSize(articles: number, seed: number, work: string, hugo: boolean): Promise<SearchBenchResult> {
  const corpus = join(work, `corpus-${articles}`);
  log(`generating ${articles} articles`);
  await writeCorpus({ articles, seed, out: corpus });
  const gazette = (args: string[]) => runTree(process.execPath, [join(REPO_ROOT, "bin", "gazette.mjs"), "build", "--content", corpus, "--quiet", ...args], REPO_ROOT);
  const out = join(work, "gazette-out");
  const cache = join(work, "gazette-cache");
  log("gazette build with search (cold)");
  const cold = await gazette(["--out", out, "--cache", cache, "--report", join(work, "cold.json")]);
  if (cold.exitCode !== 0) throw new Error(`gazette failed: ${cold.stderrTail}`);
  const coldReport = report(join(work, "cold.json"));
  log(`  ${Math.round(cold.wallMs)} ms, tree peak ${cold.peakTreeMb} MB`);
  appendFileSync(firstArticle(corpus), "\nA sentence added for the warm rebuild.\n");
  log("gazette rebuild after one edit (warm)");
  const warm = await gazette(["--out", out, "--cache", cache, "--report", join(work, "warm.json")]);
  const warmReport = report(join(work, "warm.json"));
  log(`  ${Math.round(warm.wallMs)} ms, search ${JSON.stringify(warmReport.search)}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const result: SearchBenchResult = { articles, gazette: { ...cold, search: coldReport.search, stages: coldReport.stages }, warm: { ...warm, search: warmReport.search, prepared: warmReport.cache?.prepared } };
  if (hugo) {
    const site = join(work, "hugo-site");
    convertForHugo(corpus, site);
    const pub = join(work, "hugo-public");
    log("hugo");
    result.hugo = await runTree("hugo", ["--source", site, "--destination", pub, "--cacheDir", join(work, "hugo-cache"), "--quiet"], work);
    log(`  ${Math.round(result.hugo.wallMs)} ms, tree peak ${result.hugo.peakTreeMb} MB`);
    log("pagefind --site public");
    result.pagefind = await runTree(pagefindBinary(), ["--site", pub, "--silent"], work);
    log(`  ${Math.round(result.pagefind.wallMs)} ms, tree peak ${result.pagefind.peakTreeMb} MB, exit ${result.pagefind.exitCode}`);
    rmSync(site, { recursive: true, force: true });
    rmSync(pub, { recursive: true, force: true });
  }
  rmSync(corpus, { recursive: true, force: true });
  return result;
}

function markdown(results: SearchBenchResult[], notes: string[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `# Search benchmark (${new Date().toISOString().slice(0, 10)})`,
    "",
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB; load average at the end ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}.`,
    `Pagefind ${pagefindVersion()}; ${hugoVersion() ?? "no hugo"}. Memory is the peak of the summed RSS of the whole process tree, sampled every 100 ms.`,
    ...notes.map((n) => `- ${n}`),
    "",
    "| articles | gazette cold (with search) | tree peak | Hugo | Pagefind over Hugo's site | Hugo + Pagefind | their peak | warm rebuild after one edit | shards re-indexed |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map((r) => {
      const both = r.hugo && r.pagefind ? s(r.hugo.wallMs + r.pagefind.wallMs) : "–";
      const search = r.warm.search as { indexed?: number; shards?: number } | undefined;
      return `| ${r.articles} | ${s(r.gazette.wallMs)} | ${r.gazette.peakTreeMb} MB | ${r.hugo ? s(r.hugo.wallMs) : "–"} | ${r.pagefind ? `${s(r.pagefind.wallMs)}${r.pagefind.exitCode === 0 ? "" : ` (exit ${r.pagefind.exitCode})`}` : "–"} | ${both} | ${r.hugo && r.pagefind ? `${Math.max(r.hugo.peakTreeMb, r.pagefind.peakTreeMb)} MB` : "–"} | ${s(r.warm.wallMs)} | ${search?.indexed ?? "?"} of ${search?.shards ?? "?"} |`;
    }),
    "",
  ];
  return lines.join("\n");
}

/** Runs the search benchmark for the sizes on the command line. */
export async function runSearchBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { search: { type: "boolean" }, sizes: { type: "string", default: "5000" }, seed: { type: "string", default: "1" }, "no-hugo": { type: "boolean", default: false }, results: { type: "string", default: join(REPO_ROOT, "bench", "results", "search") }, note: { type: "string", multiple: true, default: [] } }, strict: true });
  const sizes = values.sizes.split(",").map(Number);
  const results: SearchBenchResult[] = [];
  for (const size of sizes) {
    const work = mkdtempSync(join(tmpdir(), "gazette-search-bench-"));
    try {
      results.push(await benchSize(size, Number(values.seed), work, !values["no-hugo"] && hugoVersion() !== undefined));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  mkdirSync(values.results, { recursive: true });
  // A second run on the same day gets files of its own (`…-2.md`), as the other benchmarks' do.
  const files = freshResultFiles(values.results, `${localDate(new Date())}-${sizes.join("-")}`);
  const text = markdown(results, values.note);
  writeFileSync(files.markdown, text);
  writeFileSync(files.json, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(text);
  log(`wrote ${files.markdown} and ${files.json}`);
  return 0;
}
