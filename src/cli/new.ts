/**
 * `gazette new --section ID "Headline"`: start an article, dated now in the site's zone.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { validateArticle } from "../content/validate-article.ts";
import { loadSite } from "../content/load-archive.ts";
import { nearest } from "../content/suggest.ts";
import { articlePath } from "../import/article-path.ts";
import { articleText } from "../import/front-matter-writer.ts";
import { archiveSlugs, uniqueSlug } from "../import/new-article.ts";
import { headlineSlug } from "../import/wire-copy.ts";
import { writeFileAtomic } from "../import/write-atomic.ts";
import { contentIssue, hasErrors } from "../issues/content-issue.ts";
import { authoringTime } from "./clock.ts";
import { defineCommand } from "./command.ts";
import { failed, reportIssues } from "./report-issues.ts";
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
