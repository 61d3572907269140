/**
 * `gazette import wordpress`: an export written for these tests (nested categories, tags, two
 * authors, an HTML post with a caption, headings and a list, a plain-text post, a draft, a
 * page, an attachment, a menu item) converts and builds with every post at its dated URL in
 * the newsroom's zone.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { hasPage, readPage, tempOut, text } from "../helpers/built-site.ts";
import { fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const EXPORT = fileURLToPath(new URL("./fixtures/wordpress-export.xml", import.meta.url));

const HARBOUR = `---
title: Council approves the harbour budget
date: 2023-02-17T22:30:00-06:00
section: news/county-council
summary: The vote was 19 to 12.
authors:
  - Mara Keller
tags:
  - budget
  - harbour
aliases:
  - /2023/02/18/harbour-budget/
---
The county council passed the harbour budget late on Friday.

![The old pier](https://herald.example.org/wp-content/uploads/pier.jpg)
_The pier will be rebuilt first._

## What the money buys

- A new pier
- Two **electric** ferries

The vote was 19 to 12.
`;

describe("gazette import wordpress", () => {
  it("converts the export into a new archive, reports it, and builds every post at its dated URL", async () => {
    const content = join(tempDir("gazette-wp-"), "content");
    const run = runCli(["import", "wordpress", EXPORT, "--content", content, "--time-zone", "America/Chicago"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^gazette import wordpress: 3 articles written, 0 unchanged, 0 kept, 3 skipped/);
    for (const line of ['skipped    page 14 "About us": a page', 'skipped    attachment 15 "pier": an attachment', 'skipped    nav_menu_item 16 "Home": a menu item', "section    news/county-council (County Council) added to site.yml", "post_date_gmt → date"]) {
      expect(run.stdout).toContain(line);
    }
    expect(run.stderr).toMatch(/warning {2}import-markup-kept {2}post 12 .*\[gallery ids="15,16"\] was kept as text/);
    // 04:30 UTC on the 18th is 22:30 on the 17th in Chicago: the post moves to that day, its old path becomes an alias.
    expect(readFileSync(join(content, "2023/02/17/harbour-budget.md"), "utf8")).toBe(HARBOUR);
    const ferry = readFileSync(join(content, "2023/03/01/ferry-timetable.md"), "utf8");
    expect(ferry).toContain("authors:\n  - Elif Şahin\n");
    expect(ferry).toContain("---\nFrom April the ferry leaves every half hour.  \nThe first crossing is at six.\n\nTickets keep their price.\n");
    expect(readFileSync(join(content, "2023/03/05/harbour-festival-plans.md"), "utf8")).toContain("date: 2023-03-05T10:00:00-06:00\nsection: news\nauthors:\n  - Mara Keller\ndraft: true\n");
    expect(readFileSync(join(content, "site.yml"), "utf8")).toBe(
      "title: The Harbour Herald\nurl: https://herald.example.org\nlanguage: en-US\ntimeZone: America/Chicago\nsections:\n  - id: news\n    title: News\n  - id: news/county-council\n    title: County Council\n  - id: transport\n    title: Transport & Travel\n",
    );

    const before = hashTree(content);
    const again = runCli(["import", "wordpress", EXPORT, "--content", content, "--time-zone", "America/Chicago"]);
    expect(again.stdout).toMatch(/0 articles written, 3 unchanged/);
    expect(hashTree(content)).toEqual(before);

    const out = tempOut();
    expect((await buildSite({ content, out, cache: false })).ok).toBe(true);
    const harbour = readPage(out, "/2023/02/17/harbour-budget/");
    expect(harbour.querySelector(".story__body img")?.getAttribute("src")).toBe("https://herald.example.org/wp-content/uploads/pier.jpg");
    expect(harbour.querySelectorAll(".story__body li").map((li) => text(li))).toEqual(["A new pier", "Two electric ferries"]);
    expect(text(harbour.querySelector(".story__body h2"))).toBe("What the money buys");
    expect(harbour.querySelector(".story__time time")?.getAttribute("datetime")).toBe("2023-02-17T22:30:00-06:00");
    expect(readPage(out, "/2023/03/01/ferry-timetable/").querySelectorAll(".story__body p").length).toBe(3);
    expect(hasPage(out, "/news/county-council/")).toBe(true);
    expect(hasPage(out, "/2023/03/05/harbour-festival-plans/")).toBe(false);
    const withDrafts = tempOut();
    expect((await buildSite({ content, out: withDrafts, cache: false, drafts: true })).ok).toBe(true);
    expect(hasPage(withDrafts, "/2023/03/05/harbour-festival-plans/")).toBe(true);
  });

  it("uses an existing site.yml's zone and adds only the sections it lacks", () => {
    const site = "title: The Test Tribune\nurl: https://tribune.example.org\ntimeZone: Europe/Berlin # the newsroom\nsections:\n  - id: news\n    title: News\n";
    const content = fixtureArchive({ "site.yml": site });
    expect(runCli(["import", "wordpress", EXPORT, "--content", content]).status).toBe(0);
    expect(readFileSync(join(content, "site.yml"), "utf8")).toBe(`${site}  - id: news/county-council\n    title: County Council\n  - id: transport\n    title: Transport & Travel\n`);
    expect(readFileSync(join(content, "2023/02/18/harbour-budget.md"), "utf8")).toContain("date: 2023-02-18T05:30:00+01:00\n");
  });

  it.each([
    ["no site.yml and no --time-zone", () => [EXPORT], "import-site-zone-missing"],
    ["broken XML, located", () => [writeExport("<rss><channel><title>x</title>\n<item></channel></rss>")], "import-export-invalid"],
    ["XML that is not an export", () => [writeExport("<feed><title>x</title></feed>")], "import-export-invalid"],
    ["a missing file", () => ["/nonexistent/export.xml"], "import-source-missing"],
  ])("refuses %s and writes nothing", (_, args, code) => {
    const content = join(tempDir("gazette-wp-"), "content");
    const run = runCli(["import", "wordpress", ...args(), "--content", content]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error  ${code}`);
    expect(run.stdout).toBe("");
  });
});

function writeExport(xml: string): string {
  const path = join(tempDir("gazette-wp-src-"), "export.xml");
  writeFileSync(path, xml);
  return path;
}
