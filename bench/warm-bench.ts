/**
 * `npm run bench -- --warm --sizes 20000,100000`: `gazette build` after one edit, the way a
 * newsroom rebuilds its archive. On a generated corpus gazette builds once with its cache,
 * then after each kind of edit builds again (each kind `--runs` times, each run a new edit):
 *
 * - the text of an archive article (one no feed carries): the quick rebuild;
 * - the text of the newest article, whose body the feeds carry;
 * - the headline of an archive article, shown on listing pages;
 * - a new article, which shifts every newest-first list it is in.
 *
 * The baseline is Hugo in the same run: `hugo` has no incremental build, so its rebuild after
 * an edit is a whole build (measured after the first edit, with its cache folder kept from a
 * first build). Every build runs under GNU time (wall, peak memory); gazette's own report says
 * whether it was quick and what it rendered. Search is off (`--no-search`), as in the cold
 * comparison; it is measured on its own (`--search`). Results go to bench/results/warm/.
 */
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeCorpus } from "../src/corpus/write-corpus.ts";
import { convertForHugo } from "./hugo-baseline/convert.ts";
import { measure, type Measurement } from "./measure.ts";
import { readCorpusArticles } from "./corpus-reader.ts";
import { median } from "./stats.ts";
import { runPerSize } from "./per-size.ts";
import { hugoVersion, REPO_ROOT } from "./tools.ts";

/** The kinds of edit, in the order they are made. */
const KINDS = ["archive text", "newest text", "archive headline", "new article"] as const;
type Kind = (typeof KINDS)[number];

const LABELS: Record<Kind, string> = {
  "archive text": "text of an archive article (no feed carries it)",
  "newest text": "text of the newest article (the feeds carry it)",
  "archive headline": "headline of an archive article",
  "new article": "a new article",
};

/** One gazette build after an edit. */
interface WarmRun {
  wallMs: number;
  maxRssMb: number;
  quick: boolean;
  /** Article and listing pages rendered again, from the build's report. */
  rendered: number;
  listings: number;
}

interface WarmBenchResult {
  articles: number;
  coldMs: number;
  coldRssMb: number;
  runs: Record<Kind, WarmRun[]>;
  hugo?: { coldMs: number; rebuildMs: number; rebuildRssMb: number };
}

function log(line: string): void {
  process.stderr.write(`bench warm: ${line}\n`);
}

function checked(what: string, run: Measurement): Measurement {
  if (run.status !== "ok") throw new Error(`${what} failed (${run.status}):\n${run.stderrTail}`);
  return run;
}

/** The article files of the corpus, oldest first. */
function articleFiles(corpus: string): { file: string; date: number }[] {
  return [...readCorpusArticles(corpus)].map((a) => ({ file: a.file, date: Date.parse(String(a.data.date)) })).sort((a, b) => a.date - b.date || (a.file < b.file ? -1 : 1));
}

/** The files whose bodies the feeds carry, as the last build recorded them (the base of the cache's index, src/build/manifest-store.ts). */
function feedBodies(cache: string): Set<string> {
  const base = readdirSync(cache).find((name) => /^build-[0-9a-f]+\.stamps\.json$/.test(name));
  if (!base) throw new Error(`bench warm: no manifest base in ${cache}: the cold build kept no cache`);
  const facts = (JSON.parse(readFileSync(join(cache, base), "utf8")) as { quick?: { feedBodies: string[] } }).quick;
  if (!facts) throw new Error(`bench warm: the manifest base in ${cache} has no quick-rebuild facts`);
  return new Set(facts.feedBodies);
}

async function benchSize(articles: number, seed: number, runs: number, work: string, hugo: boolean): Promise<WarmBenchResult> {
  const corpus = join(work, "corpus");
  log(`generating ${articles} articles`);
  await writeCorpus({ articles, seed, out: corpus });
  // A file changed within 3 s of a build's scan is "racily clean" and read again by the next
  // build (build-cache.ts, RACY_MARGIN_MS); a newsroom's files are older than that.
  await new Promise((done) => setTimeout(done, 3500));
  const out = join(work, "gazette-out");
  const cache = join(work, "gazette-cache");
  const report = join(work, "report.json");
  const gazette = (what: string) =>
    measure(process.execPath, [join(REPO_ROOT, "bin", "gazette.mjs"), "build", "--content", corpus, "--out", out, "--cache", cache, "--report-dir", join(work, "reports"), "--no-search", "--quiet", "--report", report], { cwd: work }).then((run) => checked(what, run));
  log("gazette cold build");
  const cold = await gazette("the cold build");
  log(`  ${Math.round(cold.wallMs)} ms, ${cold.maxRssMb} MB`);

  const files = articleFiles(corpus);
  const carried = feedBodies(cache);
  // Archive articles from the oldest third, none a feed carries; each edit takes the next.
  const archive = files.slice(0, Math.ceil(files.length / 3)).filter((a) => !carried.has(a.file));
  const newest = files[files.length - 1];
  const edits: Record<Kind, (run: number) => void> = {
    "archive text": (run) => appendFileSync(join(corpus, archive[run * 97].file), `\nA sentence added for warm run ${run}.\n`),
    "newest text": (run) => appendFileSync(join(corpus, newest.file), `\nA sentence added to the newest for warm run ${run}.\n`),
    "archive headline": (run) => {
      const path = join(corpus, archive[run * 97 + 13].file);
      // The corpus writes every title as a JSON string.
      writeFileSync(path, readFileSync(path, "utf8").replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`${JSON.parse(title) as string} (updated ${run})`)}`));
    },
    "new article": (run) => {
      const path = join(corpus, newest.file);
      const text = readFileSync(path, "utf8").replace(/^title: .*$/m, `title: "A new story, warm run ${run}"`);
      writeFileSync(join(corpus, newest.file.replace(/\.md$/, `-new-${run}.md`)), text);
    },
  };

  const result: WarmBenchResult = { articles, coldMs: cold.wallMs, coldRssMb: cold.maxRssMb, runs: { "archive text": [], "newest text": [], "archive headline": [], "new article": [] } };
  for (const kind of KINDS) {
    for (let run = 0; run < runs; run++) {
      edits[kind](run);
      const build = await gazette(`the build after ${kind} ${run}`);
      const r = JSON.parse(readFileSync(report, "utf8")) as { quick?: boolean; cache: { rendered: number; listings: number } };
      result.runs[kind].push({ wallMs: build.wallMs, maxRssMb: build.maxRssMb, quick: Boolean(r.quick), rendered: r.cache.rendered, listings: r.cache.listings });
      log(`  ${kind} ${run + 1}: ${Math.round(build.wallMs)} ms${r.quick ? " (quick)" : ""}, ${r.cache.rendered} article and ${r.cache.listings} listing pages`);
    }
  }

  if (hugo) {
    const site = join(work, "hugo-site");
    convertForHugo(corpus, site);
    const hugoArgs = ["--source", site, "--destination", join(work, "hugo-out"), "--cacheDir", join(work, "hugo-cache"), "--quiet"];
    log("hugo build");
    const first = checked("hugo", await measure("hugo", hugoArgs, { cwd: work }));
    // The same edit as gazette's first: Hugo builds everything again.
    const post = readdirSync(join(site, "content"), { recursive: true, encoding: "utf8" }).find((p) => p.endsWith(".md") && !p.endsWith("_index.md"))!;
    appendFileSync(join(site, "content", post), "\nA sentence added for the warm run.\n");
    log("hugo rebuild after an edit");
    const again = checked("hugo", await measure("hugo", hugoArgs, { cwd: work }));
    result.hugo = { coldMs: first.wallMs, rebuildMs: again.wallMs, rebuildRssMb: again.maxRssMb };
    log(`  ${Math.round(first.wallMs)} ms, then ${Math.round(again.wallMs)} ms`);
  }
  return result;
}

function markdown(results: WarmBenchResult[], notes: string[]): string {
  const s = (ms: number | undefined) => (ms === undefined ? "–" : `${(ms / 1000).toFixed(2)} s`);
  const lines = [
    `# Warm rebuilds after one edit (${new Date().toISOString().slice(0, 10)})`,
    "",
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB; load average at the end ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}. ${hugoVersion() ?? "no hugo"}.`,
    "Each row: `gazette build` (a whole process, under GNU time) after one edit of that kind, median (min–max) over the runs, each run a new edit; Hugo's rebuild after an edit is a whole build. Search off.",
    ...notes.map((n) => `- ${n}`),
    "",
    "| articles | edit | gazette | quick | pages rendered (article + listing) | peak memory | Hugo's rebuild | ratio |",
    "| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ...results.flatMap((r) =>
      KINDS.map((kind) => {
        const runs = r.runs[kind];
        const walls = runs.map((x) => x.wallMs);
        const wall = median(walls);
        const quick = runs.every((x) => x.quick) ? "yes" : runs.some((x) => x.quick) ? "some" : "no";
        const pages = `${median(runs.map((x) => x.rendered))} + ${median(runs.map((x) => x.listings))}`;
        const ratio = r.hugo ? (wall / r.hugo.rebuildMs).toFixed(2) : "–";
        return `| ${r.articles} | ${LABELS[kind]} | ${s(wall)} (${s(Math.min(...walls))}–${s(Math.max(...walls))}) | ${quick} | ${pages} | ${Math.round(Math.max(...runs.map((x) => x.maxRssMb)))} MB | ${s(r.hugo?.rebuildMs)} | ${ratio} |`;
      }),
    ),
    "",
    "| articles | gazette cold (with its cache) | peak memory | Hugo cold | Hugo after an edit |",
    "| ---: | ---: | ---: | ---: | ---: |",
    ...results.map((r) => `| ${r.articles} | ${s(r.coldMs)} | ${Math.round(r.coldRssMb)} MB | ${s(r.hugo?.coldMs)} | ${s(r.hugo?.rebuildMs)} |`),
    "",
  ];
  return lines.join("\n");
}

/** Runs the warm benchmark for the sizes on the command line. */
export async function runWarmBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      warm: { type: "boolean" },
      sizes: { type: "string", default: "20000" },
      seed: { type: "string", default: "1" },
      runs: { type: "string", default: "3" },
      "no-hugo": { type: "boolean", default: false },
      work: { type: "string", default: tmpdir() },
      results: { type: "string", default: join(REPO_ROOT, "bench", "results", "warm") },
      note: { type: "string", multiple: true, default: [] },
    },
    strict: true,
  });
  return runPerSize({
    name: "warm",
    sizes: values.sizes.split(",").map(Number),
    work: values.work,
    results: values.results,
    bench: (size, work) => benchSize(size, Number(values.seed), Number(values.runs), work, !values["no-hugo"] && hugoVersion() !== undefined),
    markdown: (results) => markdown(results, values.note),
    log,
  });
}
