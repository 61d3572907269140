/**
 * The media benchmark (issue 11): a corpus of N articles of which M have a lead image, built
 * cold by gazette (its images encoded: WebP and JPEG at 400, 800 and 1,200 pixels, quality
 * 80) and by Hugo doing the same image work through `Resize` in the baseline's single.html;
 * then gazette warm after a text edit, which must encode no image (its build report counts).
 * Every command runs under GNU time (bench/measure.ts). Feeds and search are off: the Hugo
 * baseline writes neither, and this compares the image work.
 *
 *   node --import tsx bench/media-bench.ts --size 20000 --images 2000 [--runs 1] [--results bench/results/media]
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { convertForHugo } from "./hugo-baseline/convert.ts";
import { measure, type Measurement } from "./measure.ts";
import { REPO_ROOT } from "./tools.ts";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "20000" },
    images: { type: "string", default: "2000" },
    runs: { type: "string", default: "1" },
    results: { type: "string", default: join(REPO_ROOT, "bench/results/media") },
    note: { type: "string", multiple: true, default: [] },
  },
});
const size = Number(values.size);
const images = Number(values.images);
const runs = Number(values.runs);
const GAZETTE = join(REPO_ROOT, "bin/gazette.mjs");
const work = mkdtempSync(join(tmpdir(), "gazette-media-bench-"));
const corpus = join(work, "corpus");

interface Row {
  tool: string;
  run: string;
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  cpuPressure?: number;
  encoded?: number;
  status: string;
}
const rows: Row[] = [];
const row = (tool: string, run: string, m: Measurement, encoded?: number): Row => {
  const r = { tool, run, wallMs: m.wallMs, cpuMs: m.cpuUserMs + m.cpuSystemMs, maxRssMb: Math.round(m.maxRssMb), cpuPressure: m.cpuPressure, encoded, status: m.status };
  rows.push(r);
  console.log(JSON.stringify(r));
  if (m.status !== "ok") console.log(m.stderrTail);
  return r;
};
const filesBelow = (dir: string, test: (name: string) => boolean): number =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && test(e.name)).length;

try {
  let m = await measure(process.execPath, [GAZETTE, "bench", "generate", String(size), "--images", String(images), "--out", corpus, "--quiet"]);
  console.log(`corpus: ${size} articles, ${images} images, ${Math.round(m.wallMs / 1000)} s`);
  const hugoSite = join(work, "hugo");
  convertForHugo(corpus, hugoSite);

  const gOut = join(work, "gazette-out");
  const gCache = join(work, "gazette-cache");
  const report = join(work, "report.json");
  const gazetteBuild = () => measure(process.execPath, [GAZETTE, "build", "--content", corpus, "--out", gOut, "--cache", gCache, "--report", report, "--quiet", "--no-feeds", "--no-host-files", "--no-search"]);
  const encoded = () => (JSON.parse(readFileSync(report, "utf8")) as { media?: { encoded: number } }).media?.encoded;
  for (let run = 1; run <= runs; run++) {
    // Cold: no output, no build cache, no media cache.
    rmSync(gOut, { recursive: true, force: true });
    rmSync(gCache, { recursive: true, force: true });
    row("gazette", `cold ${run}`, await gazetteBuild(), encoded());
    // Hugo's processed images live in resources/_gen: removed, every image is resized again.
    rmSync(join(hugoSite, "resources"), { recursive: true, force: true });
    rmSync(join(hugoSite, "public"), { recursive: true, force: true });
    row("hugo", `cold ${run}`, await measure("hugo", ["--quiet", "-s", hugoSite, "-d", join(hugoSite, "public")]));
  }
  // Warm after a text edit: one article's body changes; no image may be encoded.
  const first = readdirSync(corpus, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name.endsWith(".md"))!;
  appendFileSync(join(first.parentPath, first.name), "\nA sentence added for the warm rebuild.\n");
  row("gazette", "warm after a text edit", await gazetteBuild(), encoded());
  row("hugo", "warm (resources/_gen kept)", await measure("hugo", ["--quiet", "-s", hugoSite, "-d", join(hugoSite, "public")]));

  const variants = { gazette: filesBelow(join(gOut, "media"), () => true), hugo: filesBelow(join(hugoSite, "public"), (n) => /_hu[0-9a-f]+_/.test(n)) };
  const date = new Date().toISOString().slice(0, 10);
  const name = `${date}-${size}-${images}`;
  mkdirSync(values.results, { recursive: true });
  const summary = { date, size, images, runs, cpus: cpus().length, variants, notes: values.note, rows };
  writeFileSync(join(values.results, `${name}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  const table = rows.map((r) => `| ${r.tool} | ${r.run} | ${(r.wallMs / 1000).toFixed(1)} | ${(r.cpuMs / 1000).toFixed(1)} | ${r.maxRssMb} | ${r.cpuPressure === undefined ? "" : `${Math.round(r.cpuPressure * 100)} %`} | ${r.encoded ?? ""} | ${r.status} |`);
  writeFileSync(
    join(values.results, `${name}.md`),
    [
      `# Media benchmark ${date}: ${size} articles, ${images} with a lead image`,
      "",
      `Widths 400, 800, 1200; WebP and JPEG at quality 80, for both tools (gazette's defaults; Hugo's \`Resize\` in bench/hugo-baseline/layouts/_default/single.html). ${cpus().length} cores, shared.`,
      `Variants written: gazette ${variants.gazette}, Hugo ${variants.hugo}.`,
      ...values.note.map((n) => `- ${n}`),
      "",
      "| tool | run | wall s | CPU s | peak RSS MB | CPU pressure | images encoded | status |",
      "| --- | --- | --: | --: | --: | --: | --: | --- |",
      ...table,
      "",
    ].join("\n"),
  );
  console.log(`results: ${join(values.results, name)}.md`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
