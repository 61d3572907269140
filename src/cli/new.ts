/**
 * `gazette new --section ID "Headline"`: start an article, dated now in the site's zone.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { defineCommand } from "./command.ts";
import { CONTENT } from "./shared-options.ts";
import { EXIT, UsageError } from "./usage.ts";

/** The `new` command. */
export const newCommand = defineCommand({
  name: "new",
  summary: "Start an article: content/YYYY/MM/DD/<slug>.md with its front matter filled in",
  description:
    "Writes a new article for HEADLINE in the section, dated now in the site's time zone (or --date), at YYYY/MM/DD/<slug>.md\nwith a slug from the headline that no other article of the archive uses, and prints its path.",
  positionals: { min: 1, max: 1, names: "HEADLINE" },
  options: {
    content: CONTENT,
    section: { type: "string", value: "ID", help: "The article's section: an id declared in site.yml (required)" },
    date: { type: "string", value: "DATE", help: "Its date and time, e.g. \"2023-02-18 09:30\" (read in the site's zone); default now" },
  },
  async run({ values, positionals }) {
    // Loaded when the command runs, not when the CLI starts: every other command, and --help, skips them.
    const { validateArticle } = await import("../content/validate-article.ts");
    const { loadSite } = await import("../content/load-archive.ts");
    const { nearest } = await import("../content/suggest.ts");
    const { articlePath } = await import("../import/article-path.ts");
    const { articleText } = await import("../import/front-matter-writer.ts");
    const { archiveSlugs, uniqueSlug } = await import("../import/new-article.ts");
    const { headlineSlug } = await import("../import/wire-copy.ts");
    const { writeFileAtomic } = await import("../build/write-atomic.ts");
    const { contentIssue, hasErrors } = await import("../issues/content-issue.ts");
    const { authoringTime } = await import("./clock.ts");
    const { failed, reportIssues } = await import("./report-issues.ts");
    const title = positionals[0].trim();
    if (!title) throw new UsageError("the headline is empty.", "new");
    if (!values.section) throw new UsageError("missing --section ID.", "new");
    const { site, sections, issues } = loadSite(values.content);
    if (!site || !sections) {
      reportIssues(issues, values.content);
      return failed(issues);
    }
    const section = values.section.replace(/^\/+|\/+$/g, "");
    if (!sections.has(section)) {
      const suggestion = nearest(section, [...sections.keys()]);
      const issue = contentIssue("section-unknown", { file: "site.yml", field: "sections" }, `The section "${section}" is not declared in site.yml.`, {
        expected: `one of: ${[...sections.keys()].join(", ")}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : undefined,
      });
      reportIssues([issue], values.content);
      return failed([issue]);
    }
    const time = authoringTime(values.date, site.timeZone, "--date");
    if (!time.date || !time.text) {
      reportIssues([time.issue!], "");
      return failed([time.issue!]);
    }
    const base = headlineSlug(title) || "article";
    const slug = uniqueSlug(base, archiveSlugs(values.content));
    const path = articlePath(time.date, slug);
    const text = articleText({ title, date: time.text, section }, "");
    const checked = validateArticle(path, text, { site, sections });
    if (hasErrors(checked.issues) || existsSync(join(values.content, path))) {
      reportIssues(checked.issues, values.content);
      return failed(checked.issues);
    }
    writeFileAtomic(join(values.content, path), text);
    process.stdout.write(`${join(values.content, path)}\n`);
    return EXIT.ok;
  },
});
