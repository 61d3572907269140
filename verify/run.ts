/**
 * `npm run verify`: builds the sample archive and a generated one of 500 articles into a
 * temporary folder, runs every gate over both, prints a summary and exits 1 on any failure
 * (2 on bad arguments). Screenshots and a JSON report go to .gazette/report/.
 *
 *   node --import tsx verify/run.ts [--content content] [--articles 500] [--seed 4]
 *                                   [--gates html,links,…] [--report .gazette/report] [--keep]
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { writeCorpus } from "../src/corpus/write-corpus.ts";
import { buildForVerify, type BuiltSite } from "./built-site.ts";
import { allFailures, formatSummary, GATES, verifySites, type GateName } from "./verify-sites.ts";

/** Size and seed of the generated archive the gates run on besides the sample. */
export const GENERATED = { articles: 500, seed: 4 } as const;

/**
 * Builds the sample and a generated archive into `work` and returns both sites.
 * @example await buildVerifySites("/tmp/verify", { content: "content", articles: 500, seed: 4 })
 */
export async function buildVerifySites(work: string, options: { content: string; articles: number; seed: number }): Promise<BuiltSite[]> {
  const sites = [await buildForVerify("sample", resolve(options.content), join(work, "sample-site"))];
  if (options.articles > 0) {
    const content = join(work, "generated-content");
    await writeCorpus({ articles: options.articles, seed: options.seed, out: content });
    sites.push(await buildForVerify(`generated-${options.articles}`, content, join(work, "generated-site")));
  }
  return sites;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        content: { type: "string", default: "content" },
        articles: { type: "string", default: String(GENERATED.articles) },
        seed: { type: "string", default: String(GENERATED.seed) },
        gates: { type: "string", default: GATES.join(",") },
        report: { type: "string", default: ".gazette/report" },
        keep: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`verify: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`usage: npm run verify -- [--content DIR] [--articles N] [--seed S] [--gates ${GATES.join(",")}] [--report DIR] [--keep]\n`);
    return 0;
  }
  const articles = Number(values.articles);
  const seed = Number(values.seed);
  const gates = values.gates.split(",").map((g) => g.trim()) as GateName[];
  const unknown = gates.filter((g) => !GATES.includes(g));
  if (!Number.isSafeInteger(articles) || articles < 0 || !Number.isSafeInteger(seed) || unknown.length) {
    process.stderr.write(`verify: ${unknown.length ? `unknown gate(s) ${unknown.join(", ")}` : "--articles and --seed must be integers"}\n`);
    return 2;
  }

  const started = performance.now();
  const work = await mkdtemp(join(tmpdir(), "gazette-verify-"));
  const report = resolve(values.report);
  const screenshots = join(report, "screenshots");
  await rm(screenshots, { recursive: true, force: true });
  await mkdir(report, { recursive: true });
  try {
    process.stdout.write(`verify: building the sample archive and a generated one of ${articles} articles in ${work}\n`);
    const sites = await buildVerifySites(work, { content: values.content, articles, seed });
    const reports = await verifySites(sites, {
      gates,
      screenshotsDir: screenshots,
      onResult: (site, result) => process.stdout.write(`verify: ${site} ${result.gate}: ${result.failures.length ? `${result.failures.length} failure(s)` : "pass"} (${(result.ms / 1000).toFixed(1)} s)\n`),
    });
    await writeFile(join(report, "verify.json"), `${JSON.stringify(reports, null, 2)}\n`);
    const failures = allFailures(reports);
    process.stdout.write(`\n${formatSummary(reports)}\n\nScreenshots: ${screenshots}\n`);
    process.stdout.write(`verify: ${failures.length ? `FAILED with ${failures.length} failure(s)` : "all gates passed"} in ${((performance.now() - started) / 1000).toFixed(0)} s.\n`);
    return failures.length ? 1 : 0;
  } finally {
    if (values.keep) process.stdout.write(`verify: kept ${work}\n`);
    else await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
