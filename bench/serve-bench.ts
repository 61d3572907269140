/**
 * `npm run bench -- --serve --sizes 20000`: the dev server, as a writer meets it. `gazette serve`
 * and `hugo server` (the baseline, in the same run, on the same corpus) each serve a generated
 * archive to a page open in headless Chromium; then one article is edited several times, and
 * each edit is timed from the write until the open page shows the new sentence (the watcher,
 * the rebuild or preview, the live-reload message, the reload, the new page in the DOM).
 * gazette's full rebuild after each edit is timed too (until the server prints "rebuilt"), and
 * the section page: a headline edit must reach the open section page. Results go to
 * bench/results/serve/<date>-<size>.{md,json}.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { writeCorpus } from "../src/corpus/write-corpus.ts";
import { launchBrowser } from "../verify/browser.ts";
import { toBaselineArticle } from "./baseline-article.ts";
import { readCorpusArticles, readCorpusSite } from "./corpus-reader.ts";
import { convertForHugo } from "./hugo-baseline/convert.ts";
import { median } from "./stats.ts";
import { runPerSize } from "./per-size.ts";
import { hugoVersion, REPO_ROOT } from "./tools.ts";

/** One tool's figures at one size. */
interface ServeRun {
  /** From the start of the command until the server answers the edited article's page. */
  readyMs: number;
  /** Each edit of the article's body: write → the open page shows it. */
  editMs: number[];
  /** Each edit: write → the server says the whole site is rebuilt (gazette only). */
  rebuiltMs?: number[];
  /** A headline edit: write → the open section page shows the new headline. */
  listingMs: number;
}

interface ServeBenchResult {
  articles: number;
  gazette: ServeRun;
  hugo?: ServeRun;
  /** Why Hugo's run has no figures (it did not show an edit in time, …): the others are kept. */
  hugoError?: string;
}

function log(line: string): void {
  process.stderr.write(`bench serve: ${line}\n`);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A running server, its output so far, and a way to wait for a line in it. */
interface Server {
  child: ChildProcess;
  output: () => string;
}

function start(command: string, args: string[], cwd: string): Server {
  let output = "";
  const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return { child, output: () => output };
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((done) => server.child.once("exit", done));
  server.child.kill("SIGINT");
  await Promise.race([exited, sleep(10_000)]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * Milliseconds from now until `page` shows `text` (the page reloads itself on the way). The
 * page is asked every 10 ms; a question asked while it navigates fails and is asked again.
 * (Playwright's waitForFunction re-arms itself after a navigation, which adds 100–200 ms.)
 */
async function untilShown(page: Page, text: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const shown = await page.evaluate((t) => document.body?.innerText.includes(t) ?? false, text).catch(() => false);
    if (shown) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`the page did not show "${text}" within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/**
 * The article a run edits: the newest published one, so that its section's first page lists
 * it (both tools list newest first), with its URL and its section's.
 */
function pickArticle(corpus: string): { file: string; url: string; section: string; slug: string; sectionId: string } {
  const site = readCorpusSite(corpus);
  let newest: { file: string; url: string; section: string; slug: string; sectionId: string; at: number } | undefined;
  for (const source of readCorpusArticles(corpus)) {
    if (source.data.draft === true) continue;
    const a = toBaselineArticle(source, site.timeZone);
    const at = Date.parse(a.date);
    if (!newest || at > newest.at) newest = { file: source.file, url: a.url, section: `/${a.sectionId}/`, slug: a.slug, sectionId: a.sectionId, at };
  }
  if (!newest) throw new Error("the corpus has no published article");
  return newest;
}

async function measure(
  name: string,
  server: Server,
  base: string,
  target: { path: string; url: string; section: string },
  edits: number,
  rebuilt: ((seen: number) => boolean) | undefined,
  startedAt: number,
): Promise<ServeRun> {
  const readyMs = await waitFor(
    async () => {
      if (server.child.exitCode !== null) throw new Error(`${name} exited: ${server.output().slice(-2000)}`);
      const ok = await fetch(`${base}${target.url}`).then((r) => r.ok, () => false);
      return ok ? performance.now() - startedAt : undefined;
    },
    `${name} to serve ${target.url}`,
    30 * 60_000,
  );
  log(`  ${name} ready after ${(readyMs / 1000).toFixed(1)} s`);
  const original = readFileSync(target.path);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}${target.url}`);
    const sectionPage = await browser.newPage();
    await sectionPage.goto(`${base}${target.section}`);
    // Let the live-reload clients connect and the first build's follow-up work settle.
    await sleep(3000);
    const editMs: number[] = [];
    const rebuiltMs: number[] = [];
    for (let i = 0; i < edits; i++) {
      const marker = `Edited for the benchmark, edit ${i + 1} of ${edits}, ${Date.now()}.`;
      const before = rebuilt ? countRebuilt(server.output()) : 0;
      const started = performance.now();
      appendFileSync(target.path, `\n${marker}\n`);
      editMs.push(await untilShown(page, marker, 120_000));
      if (rebuilt) {
        await waitFor(() => (rebuilt(countRebuilt(server.output()) - before) ? true : undefined), `${name} to rebuild`, 30 * 60_000);
        rebuiltMs.push(performance.now() - started);
      } else await sleep(500);
      log(`  ${name} edit ${i + 1}: on screen after ${Math.round(editMs[i])} ms${rebuilt ? `, rebuilt after ${Math.round(rebuiltMs[i])} ms` : ""}`);
      // The reload after the rebuild is in flight now; an edit during it would be announced to
      // a page that is reconnecting (both tools' clients miss it), so the writer pauses.
      await sleep(1500);
    }
    // A headline edit, seen on the section page's list.
    const headline = `Benchmark headline ${Date.now()}`;
    const text = readFileSync(target.path, "utf8").replace(/^title: .*$/m, `title: ${JSON.stringify(headline)}`);
    const started = performance.now();
    writeFileSync(target.path, text);
    await untilShown(sectionPage, headline, 30 * 60_000);
    const listingMs = performance.now() - started;
    log(`  ${name} headline on the section page after ${Math.round(listingMs)} ms`);
    return { readyMs, editMs, ...(rebuilt ? { rebuiltMs } : {}), listingMs };
  } finally {
    writeFileSync(target.path, original);
    await browser.close();
  }
}

function countRebuilt(output: string): number {
  return output.split("gazette: rebuilt in ").length - 1;
}

async function benchSize(articles: number, seed: number, work: string, edits: number, hugo: boolean): Promise<ServeBenchResult> {
  const corpus = join(work, `corpus-${articles}`);
  log(`generating ${articles} articles`);
  await writeCorpus({ articles, seed, out: corpus });
  const picked = pickArticle(corpus);
  const cwd = join(work, "gazette-cwd");
  mkdirSync(cwd);
  log("gazette serve");
  const port = 8300 + (articles % 97);
  const startedAt = performance.now();
  const server = start(process.execPath, [join(REPO_ROOT, "bin", "gazette.mjs"), "serve", "--content", corpus, "--out", join(work, "gazette-out"), "--port", String(port)], cwd);
  let gazette: ServeRun;
  try {
    gazette = await measure("gazette", server, `http://localhost:${port}`, { path: join(corpus, picked.file), url: picked.url, section: picked.section }, edits, (n) => n >= 1, startedAt);
  } finally {
    await stop(server);
  }
  const result: ServeBenchResult = { articles, gazette };
  if (hugo) {
    const site = join(work, "hugo-site");
    convertForHugo(corpus, site);
    const path = join(site, "content", ...picked.sectionId.split("/"), `${picked.slug}.md`);
    log("hugo server");
    const hugoPort = port + 1;
    const hugoStarted = performance.now();
    const hugoServer = start("hugo", ["server", "--source", site, "--port", String(hugoPort), "--bind", "127.0.0.1", "--baseURL", `http://localhost:${hugoPort}/`, "--cacheDir", join(work, "hugo-cache")], work);
    try {
      result.hugo = await measure("hugo", hugoServer, `http://localhost:${hugoPort}`, { path, url: picked.url, section: picked.section }, edits, undefined, hugoStarted);
    } catch (error) {
      result.hugoError = error instanceof Error ? error.message : String(error);
      log(`  hugo failed: ${result.hugoError}`);
    } finally {
      await stop(hugoServer);
    }
  }
  return result;
}

function markdown(results: ServeBenchResult[], notes: string[]): string {
  const ms = (values: number[] | undefined) => (values?.length ? `${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})` : "–");
  const s = (value: number | undefined) => (value === undefined ? "–" : `${(value / 1000).toFixed(1)} s`);
  const lines = [
    `# Dev server benchmark (${new Date().toISOString().slice(0, 10)})`,
    "",
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GB; load average at the end ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}.`,
    `${hugoVersion() ?? "no hugo"} (\`hugo server\`, its defaults: pages in memory, fast render). Times from the write of the file to the open page in headless Chromium showing the change; medians (min–max) over the edits.`,
    ...notes.map((n) => `- ${n}`),
    "",
    "| articles | tool | ready | edited article on screen | whole site rebuilt | new headline on the section page |",
    "| ---: | --- | ---: | ---: | ---: | ---: |",
    ...results.flatMap((r) => [
      `| ${r.articles} | gazette | ${s(r.gazette.readyMs)} | ${ms(r.gazette.editMs)} | ${ms(r.gazette.rebuiltMs)} | ${s(r.gazette.listingMs)} |`,
      ...(r.hugo ? [`| ${r.articles} | Hugo | ${s(r.hugo.readyMs)} | ${ms(r.hugo.editMs)} | – | ${s(r.hugo.listingMs)} |`] : []),
      ...(r.hugoError ? [`| ${r.articles} | Hugo | failed: ${r.hugoError.replaceAll("|", "\\|")} | | | |`] : []),
    ]),
    "",
  ];
  return lines.join("\n");
}

/** Runs the dev server benchmark for the sizes on the command line. */
export async function runServeBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      serve: { type: "boolean" },
      sizes: { type: "string", default: "20000" },
      seed: { type: "string", default: "1" },
      edits: { type: "string", default: "5" },
      "no-hugo": { type: "boolean", default: false },
      work: { type: "string", default: tmpdir() },
      results: { type: "string", default: join(REPO_ROOT, "bench", "results", "serve") },
      note: { type: "string", multiple: true, default: [] },
    },
    strict: true,
  });
  return runPerSize({
    name: "serve",
    sizes: values.sizes.split(",").map(Number),
    work: values.work,
    results: values.results,
    bench: (size, work) => benchSize(size, Number(values.seed), work, Number(values.edits), !values["no-hugo"] && hugoVersion() !== undefined),
    markdown: (results) => markdown(results, values.note),
    log,
  });
}
