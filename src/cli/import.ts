/**
 * `gazette import wire|wordpress|jekyll|hugo SOURCE`: bring an archive from elsewhere into
 * the content folder, with a report of everything done.
 */
import type { Planned } from "../import/run-import.ts";
import { defineCommand } from "./command.ts";
import { CONTENT } from "./shared-options.ts";
import { EXIT, UsageError } from "./usage.ts";

const KINDS = ["wire", "wordpress", "jekyll", "hugo"] as const;
type Kind = (typeof KINDS)[number];

/** The `import` command. */
export const importCommand = defineCommand({
  name: "import",
  summary: "Import wire copy or a WordPress, Jekyll or Hugo archive into the content folder",
  description: [
    "Converts SOURCE into articles of the content folder and prints what was imported, skipped and how every field was mapped.",
    "KIND is wire (a file or folder of plain-text copy), wordpress (a WXR export file), jekyll (a site folder with _posts/)",
    "or hugo (a site folder with content/). Existing files are never overwritten unless --force; running the same import",
    "again changes nothing. Sections the articles need are added to site.yml; without a site.yml one is created (needs --time-zone).",
  ].join("\n"),
  positionals: { min: 2, max: 2, names: "KIND SOURCE" },
  options: {
    content: CONTENT,
    force: { type: "boolean", default: false, help: "Overwrite articles that exist with other text" },
    "section-map": { type: "string", multiple: true, value: "\"WORDS=ID\"", help: "wire: map the date line's section words to a section id (repeatable)" },
    "time-zone": { type: "string", value: "ZONE", help: "wordpress, jekyll, hugo: the newsroom's IANA zone when the content folder has no site.yml" },
  },
  async run({ values, positionals }) {
    // Loaded when the command runs, not when the CLI starts: every other command, and --help, skips them.
    const { runImport } = await import("../import/run-import.ts");
    const { failed, reportIssues } = await import("./report-issues.ts");
    const [kind, source] = positionals as [string, string];
    if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown KIND "${kind}" (one of: ${KINDS.join(", ")}).`, "import");
    const sectionMap = (values["section-map"] as string[] | undefined) ?? [];
    if (sectionMap.length && kind !== "wire") throw new UsageError("--section-map is for wire copy only.", "import");
    if (values["time-zone"] !== undefined && kind === "wire") throw new UsageError("--time-zone is not for wire copy: its zone is site.yml's.", "import");
    const run = await runImport(source, values.content, { force: values.force }, () => planner(kind as Kind, source, values.content, sectionMap, values["time-zone"]));
    reportIssues(run.issues, "");
    if (!run.ok) return failed(run.issues);
    process.stdout.write(run.report ?? "");
    return EXIT.ok;
  },
});

// Each importer is loaded only when it is the one asked for (the WordPress one brings an XML parser and turndown).
async function planner(kind: Kind, source: string, content: string, sectionMap: string[], timeZone: string | undefined): Promise<Planned> {
  switch (kind) {
    case "wire": {
      const { targetSite } = await import("../import/site-file.ts");
      const { planWire } = await import("../import/wire.ts");
      const { target, issues } = targetSite(content, {});
      return target ? { plan: planWire(source, target, sectionMap), target, issues } : { issues };
    }
    case "wordpress":
      return (await import("../import/wordpress.ts")).planWordpress(source, content, timeZone);
    case "jekyll":
      return (await import("../import/jekyll.ts")).planJekyll(source, content, timeZone);
    case "hugo":
      return (await import("../import/hugo.ts")).planHugo(source, content, timeZone);
  }
}
