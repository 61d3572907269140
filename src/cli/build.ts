/**
 * `gazette build`: validate every article, then write the site.
 */
import { writeFileSync } from "node:fs";
import { defineCommand } from "./command.ts";
import { printable } from "../content/text-checks.ts";
import { CONTENT, DRAFTS, NOW, nowOption, OUT, QUIET, STRICT } from "./shared-options.ts";
import { EXIT, UsageError } from "./usage.ts";
import { DEFAULT_CACHE, DEFAULT_REPORT_DIR } from "../build/work-folders.ts";

/** The `build` command. */
export const buildCommand = defineCommand({
  name: "build",
  summary: "Validate every article, then write the site",
  description: `Validates every article, then writes the site. The output folder is replaced only when the
whole build succeeds; on errors it is left exactly as it was. Rebuilds read and render only
the articles that changed since the last build into the same folder.`,
  options: {
    content: CONTENT,
    out: OUT,
    force: { type: "boolean", default: false, help: "Replace an output folder that holds files no Gazette build wrote" },
    drafts: { ...DRAFTS, help: "Include articles marked draft: true (the same as --preview)" },
    preview: { type: "boolean", default: false, help: "Build drafts and embargoed articles too, each with a \"Not published\" banner and noindex" },
    "report-dir": { type: "string", value: "DIR", default: DEFAULT_REPORT_DIR, help: "Where report.json and next-publish.json are written (never into the site)" },
    cache: { type: "string", value: "DIR", default: DEFAULT_CACHE, help: "Build cache: a rebuild reads and renders only changed articles" },
    "no-cache": { type: "boolean", default: false, help: "Build everything from scratch, and keep no cache" },
    report: { type: "string", value: "FILE", help: "Write a JSON report of the build: stage times, cache use, memory" },
    threads: { type: "string", value: "N", help: "Worker threads for reading and rendering articles (default: one per core from 2,500 files, else none)" },
    "base-url": { type: "string", value: "URL", help: "Serve this build from URL instead of site.yml's url (e.g. a preview deployment)" },
    "no-host-files": { type: "boolean", default: false, help: "Do not write the static hosts' files (_headers, .nojekyll)" },
    now: { ...NOW, help: "\"Now\" for embargoes (default: the clock) and the News sitemap's 48 hours (default: the newest article's time), e.g. 2024-05-01T12:00:00+02:00" },
    "no-feeds": { type: "boolean", default: false, help: "Leave out feeds, sitemaps and robots.txt" },
    strict: STRICT,
    "no-search": { type: "boolean", default: false, help: "Leave out the search index (the /search/ page then says search is not available)" },
    quiet: QUIET,
  },
  async run({ values }) {
    // Loaded when the command runs, not when the CLI starts: every other command, and --help, skips them.
    const { buildSite } = await import("../build/build-site.ts");
    const { parseBaseUrl } = await import("../deploy/base-url.ts");
    const { failed, reportIssues } = await import("./report-issues.ts");
    const { progressLine } = await import("../publishing/progress-line.ts");
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError(`--threads must be a whole number of at least 1, not "${values.threads}".`, "build");
    const baseUrl = values["base-url"] === undefined ? undefined : parseBaseUrl(values["base-url"]);
    if (values["base-url"] !== undefined && baseUrl === undefined) {
      throw new UsageError(`base-url-invalid: --base-url must be an absolute http(s) address such as https://preview.example.org/archive/, not "${printable(values["base-url"])}".`, "build");
    }
    nowOption(values.now, "build");
    const progress = progressLine(process.stderr, process.env, values.quiet);
    const result = await buildSite({
      content: values.content,
      out: values.out,
      drafts: values.drafts || values.preview,
      reportDir: values["report-dir"],
      ...(progress ? { progress: progress.update } : {}),
      force: values.force,
      cache: values["no-cache"] ? false : values.cache,
      threads,
      baseUrl,
      hostFiles: !values["no-host-files"],
      ...(values.now === undefined ? {} : { now: values.now }),
      noFeeds: values["no-feeds"],
      strict: values.strict,
      noSearch: values["no-search"],
    }).finally(() => progress?.done());
    if (values.report) writeFileSync(values.report, `${JSON.stringify(result.report, null, 2)}\n`);
    reportIssues(result.issues, values.content);
    if (!result.ok) return failed(result.issues, values.out);
    const { cache, wallMs } = result.report;
    const reuse = result.report.cold ? "" : `, ${cache.reused + cache.unchangedContent} unchanged articles reused`;
    if (!values.quiet) process.stdout.write(`gazette: built ${result.articles} articles into ${result.pagesWritten} pages in ${values.out} (${Math.round(wallMs)} ms${reuse}).\n`);
    return EXIT.ok;
  },
});
