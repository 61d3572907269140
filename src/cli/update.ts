/**
 * `gazette update PATH "Text"`: add an update (or, with --correction, a correction) to an
 * article, editing its front matter in place; an invalid result is not written.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { defineCommand } from "./command.ts";
import { EXIT, UsageError } from "./usage.ts";

/** The `update` command. */
export const updateCommand = defineCommand({
  name: "update",
  summary: "Add an update or a correction to an article",
  description:
    "Appends { at, text, kind } to the article's updates, leaving the rest of its front matter (comments, key order, formatting)\nand its body exactly as they are. The site.yml nearest above PATH gives the time zone. An invalid result is not written.",
  positionals: { min: 2, max: 2, names: "PATH TEXT" },
  options: {
    correction: { type: "boolean", default: false, help: "Record a correction rather than an update" },
    at: { type: "string", value: "TIME", help: "When, e.g. \"2023-02-18 14:16\" (read in the site's zone); default now" },
  },
  async run({ values, positionals }) {
    // Loaded when the command runs, not when the CLI starts: every other command, and --help, skips them.
    const { loadSite } = await import("../content/load-archive.ts");
    const { validateArticle } = await import("../content/validate-article.ts");
    const { withUpdate } = await import("../import/add-update.ts");
    const { writeFileAtomic } = await import("../build/write-atomic.ts");
    const { contentIssue, hasErrors } = await import("../issues/content-issue.ts");
    const { authoringTime } = await import("./clock.ts");
    const { failed, reportIssues } = await import("./report-issues.ts");
    const [path, note] = positionals as [string, string];
    if (!note.trim()) throw new UsageError("the text of the update is empty.", "update");
    const content = siteFolder(path);
    const file = relative(content ?? dirname(path), path).split("\\").join("/");
    if (!content) {
      const issue = contentIssue("site-missing", { file: path }, `No site.yml was found in the folders above ${path}.`);
      reportIssues([issue], "");
      return failed([issue]);
    }
    const { site, sections, issues } = loadSite(content);
    if (!site || !sections) {
      reportIssues(issues, content);
      return failed(issues);
    }
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      const issue = contentIssue("file-unreadable", { file }, `${path} cannot be read.`);
      reportIssues([issue], content);
      return failed([issue]);
    }
    const time = authoringTime(values.at, site.timeZone, "--at");
    if (!time.text) {
      reportIssues([time.issue!], "");
      return failed([time.issue!]);
    }
    const updated = withUpdate(text, { at: time.text, text: note.trim(), ...(values.correction ? { kind: "correction" as const } : {}) });
    if (updated === undefined) {
      const checked = validateArticle(file, text, { site, sections });
      const found = checked.issues.length ? checked.issues : [contentIssue("updates-invalid", { file, field: "updates" }, "The article's updates are not a list, so no entry can be added.")];
      reportIssues(found, content);
      return failed(found);
    }
    const checked = validateArticle(file, updated, { site, sections });
    if (hasErrors(checked.issues)) {
      reportIssues(checked.issues, content);
      process.stderr.write(`gazette: ${path} was not changed.\n`);
      return EXIT.contentErrors;
    }
    writeFileAtomic(path, updated);
    process.stdout.write(`gazette: added ${values.correction ? "a correction" : "an update"} at ${time.text} to ${path}\n`);
    return EXIT.ok;
  },
});

/** The nearest folder at or above the article's that holds site.yml. */
function siteFolder(path: string): string | undefined {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "site.yml"))) return relative(process.cwd(), dir) || ".";
    if (dirname(dir) === dir) return undefined;
  }
}
