/**
 * `gazette` command dispatch: parse arguments, run the command, map outcomes to exit codes.
 */
import { parseArgs } from "node:util";
import { writeFileSync } from "node:fs";
import { benchCommand } from "./bench.ts";
import { buildSite, DEFAULT_CACHE } from "../build/build-site.ts";
import { systemFailure } from "../build/build-failure.ts";
import { catalogueTable } from "../issues/catalogue.ts";
import { formatIssue, hasErrors, type ContentIssue } from "../issues/content-issue.ts";
import { loadArchive } from "../content/load-archive.ts";
import { serveSite } from "./serve.ts";
import { EXIT, HELP, UsageError } from "./usage.ts";

const OPTIONS = {
  content: { type: "string", default: "content" },
  out: { type: "string", default: "_site" },
  force: { type: "boolean", default: false },
  drafts: { type: "boolean", default: false },
  port: { type: "string", default: "8080" },
  quiet: { type: "boolean", default: false },
  cache: { type: "string", default: DEFAULT_CACHE },
  "no-cache": { type: "boolean", default: false },
  report: { type: "string" },
  threads: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit code.
 * @example await main(["build", "--content", "content", "--out", "_site"]) // 0
 */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`gazette: ${error.message}\nRun \`gazette --help\` for usage.\n`);
      return EXIT.usage;
    }
    // Usage and file-system failures of a build: one line with the code and path, no stack.
    const failure = systemFailure(error);
    if (!failure) throw error;
    process.stderr.write(`gazette: ${failure.line}\n`);
    return failure.kind === "usage" ? EXIT.usage : EXIT.environment;
  }
}

async function run(argv: string[]): Promise<number> {
  // `bench` has options of its own.
  if (argv[0] === "bench") return benchCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || command === "help") {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (!command) throw new UsageError("no command given.");
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}".`);
  const say = (text: string) => values.quiet || process.stdout.write(`${text}\n`);

  switch (command) {
    case "build": {
      const threads = values.threads === undefined ? undefined : Number(values.threads);
      if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError(`--threads must be a whole number of at least 1, not "${values.threads}".`);
      const result = await buildSite({
        content: values.content,
        out: values.out,
        drafts: values.drafts,
        force: values.force,
        cache: values["no-cache"] ? false : values.cache,
        threads,
      });
      if (values.report) writeFileSync(values.report, `${JSON.stringify(result.report, null, 2)}\n`);
      report(result.issues, values.content);
      if (!result.ok) return failed(result.issues, values.out);
      const { cache, wallMs } = result.report;
      const reuse = result.report.cold ? "" : `, ${cache.reused + cache.unchangedContent} unchanged articles reused`;
      say(`gazette: built ${result.articles} articles into ${result.pagesWritten} pages in ${values.out} (${Math.round(wallMs)} ms${reuse}).`);
      return EXIT.ok;
    }
    case "check": {
      const { issues, filesRead } = await loadArchive(values.content, { drafts: values.drafts });
      report(issues, values.content);
      if (hasErrors(issues)) return failed(issues);
      say(`gazette: ${filesRead} articles checked, no errors.`);
      return EXIT.ok;
    }
    case "serve": {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}".`);
      return serveSite({ content: values.content, out: values.out, drafts: values.drafts, port });
    }
    case "codes":
      process.stdout.write(`${catalogueTable()}\n`);
      return EXIT.ok;
    default:
      throw new UsageError(`unknown command "${command}".`);
  }
}

function report(issues: ContentIssue[], content: string): void {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue, content)}\n`);
}

function failed(issues: ContentIssue[], out?: string): number {
  const errors = issues.filter((i) => i.severity === "error").length;
  const files = new Set(issues.map((i) => i.file)).size;
  process.stderr.write(
    `gazette: ${errors} error${errors === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}; ${out ? `nothing was written, ${out} is unchanged` : "fix them and run again"}.\n`,
  );
  return EXIT.contentErrors;
}
