/**
 * `gazette import wire|wordpress|jekyll|hugo SOURCE`: bring an archive from elsewhere into
 * the content folder, with a report of everything done.
 */
import { targetSite } from "../import/site-file.ts";
import { runImport, type Planned } from "../import/run-import.ts";
import { planWire } from "../import/wire.ts";
import { planWordpress } from "../import/wordpress.ts";
import { planJekyll } from "../import/jekyll.ts";
import { planHugo } from "../import/hugo.ts";
import { defineCommand } from "./command.ts";
import { failed, reportIssues } from "./report-issues.ts";
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

function planner(kind: Kind, source: string, content: string, sectionMap: string[], timeZone: string | undefined): Promise<Planned> | Planned {
  switch (kind) {
    case "wire": {
      const { target, issues } = targetSite(content, {});
      return target ? { plan: planWire(source, target, sectionMap), target, issues } : { issues };
    }
    case "wordpress":
      return planWordpress(source, content, timeZone);
    case "jekyll":
      return planJekyll(source, content, timeZone);
    case "hugo":
      return planHugo(source, content, timeZone);
  }
}
