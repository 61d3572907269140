/**
 * `gazette check`: validate the archive and report every problem, writing nothing.
 */
import { loadArchive } from "../content/load-archive.ts";
import { hasErrors } from "../issues/content-issue.ts";
import { defineCommand } from "./command.ts";
import { failed, reportIssues } from "./report-issues.ts";
import { CONTENT, DRAFTS, QUIET } from "./shared-options.ts";
import { EXIT } from "./usage.ts";

/** The `check` command. */
export const checkCommand = defineCommand({
  name: "check",
  summary: "Validate every article and report every problem, writing nothing",
  description: "Validates site.yml and every article and reports every problem in every file, without writing anything.",
  options: { content: CONTENT, drafts: DRAFTS, quiet: QUIET },
  async run({ values }) {
    const { issues, filesRead } = await loadArchive(values.content, { drafts: values.drafts });
    reportIssues(issues, values.content);
    if (hasErrors(issues)) return failed(issues);
    if (!values.quiet) process.stdout.write(`gazette: ${filesRead} articles checked, no errors.\n`);
    return EXIT.ok;
  },
});
