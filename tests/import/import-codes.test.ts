/**
 * Every import code of the catalogue is produced by a real import (in process, through the
 * same planners and checks the command uses), located in its source.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE, type IssueCode } from "../../src/issues/catalogue.ts";
import { planHugo } from "../../src/import/hugo.ts";
import { planJekyll } from "../../src/import/jekyll.ts";
import { runImport } from "../../src/import/run-import.ts";
import { targetSite } from "../../src/import/site-file.ts";
import { planWire } from "../../src/import/wire.ts";
import { planWordpress } from "../../src/import/wordpress.ts";
import { fixtureArchive } from "../helpers/fixture-archive.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

type ImportCode = Extract<IssueCode, `import-${string}`>;

const WIRE = "date 2023-03-11 politics\n\nHeadline here\n\nLAKEFORD – Text of the story.\n";
const wxr = (items: string) =>
  `<?xml version="1.0"?><rss xmlns:wp="w" xmlns:dc="d" xmlns:content="c"><channel><title>T</title><link>https://t.example.org</link><wp:wxr_version>1.2</wp:wxr_version>${items}</channel></rss>`;
const post = (fields: string) => `<item><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>${fields}</item>`;

function source(files: Record<string, string>): string {
  const dir = tempDir("gazette-import-src-");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const wire = (copy: string) => async (content: string) => {
  const dir = source({ "a.txt": copy });
  return runImport(dir, content, { force: false }, () => {
    const { target, issues } = targetSite(content, {});
    return { plan: target && planWire(dir, target, []), target, issues };
  });
};
const wordpress = (xml: string | undefined, zone?: string) => async (content: string) => {
  const file = xml === undefined ? "/nonexistent/export.xml" : join(source({ "e.xml": xml }), "e.xml");
  return runImport(file, content, { force: false }, () => planWordpress(file, content, zone));
};

const cases: Record<ImportCode, (content: string) => Promise<{ issues: { code: string; line?: number }[] }>> = {
  "import-source-missing": wordpress(undefined),
  "import-site-zone-missing": async () => {
    const content = join(tempDir("gazette-import-"), "content");
    return wordpress(wxr(""))(content);
  },
  "import-wire-date-line": wire("Headline here\n\nText."),
  "import-section-unmapped": wire(WIRE.replace("politics", "Weather desk")),
  "import-wire-headline-missing": wire("date 2023-03-11 politics\n\nOnly a sentence.\n"),
  "import-wire-update-invalid": wire(WIRE.replace("Headline here", "Update from Saturday at noon: more.\n\nHeadline here")),
  "import-wire-update-weekday": wire(WIRE.replace("Headline here", "Update from Sunday, March 11, 1:00 p.m.: more.\n\nHeadline here")),
  "import-export-invalid": wordpress("<rss><channel>"),
  "import-front-matter-invalid": async (content) => {
    const dir = source({ "content/news/a.md": "+++\ntitle = \n+++\n" });
    return runImport(dir, content, { force: false }, () => planHugo(dir, content, undefined));
  },
  "import-date-invalid": async (content) => {
    const dir = source({ "_posts/2023-03-11-a.md": "---\ntitle: A\ndate: soon\n---\nText\n" });
    return runImport(dir, content, { force: false }, () => planJekyll(dir, content, undefined));
  },
  "import-result-invalid": wordpress(wxr(post("<title>   </title><wp:post_date_gmt>2023-03-11 10:00:00</wp:post_date_gmt><wp:post_name>a</wp:post_name>"))),
  "import-markup-kept": wordpress(wxr(post("<title>A</title><wp:post_date_gmt>2023-03-11 10:00:00</wp:post_date_gmt><content:encoded>[gallery]</content:encoded>"))),
};

describe("every import code comes from an import", () => {
  const codes = (Object.keys(CATALOGUE) as IssueCode[]).filter((code): code is ImportCode => code.startsWith("import-"));
  it.each(codes)("%s", async (code) => {
    const content = fixtureArchive({});
    const run = await cases[code](content);
    expect(run.issues.map((i) => i.code)).toContain(code);
    expect(CATALOGUE[code].severity === "warning" ? "ok" : "failed").toBe("ok" in run && run.ok ? "ok" : "failed");
  });
});
