/**
 * `gazette import jekyll` and `gazette import hugo`: small archives written for these tests
 * convert (categories or folders to sections, last-modified times to updates, old URLs and
 * redirects to aliases) and build with every post at its dated URL in the newsroom's zone.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { readSourcePost, sourceDate } from "../../src/import/source-front-matter.ts";
import { hasPage, readPage, tempOut, text } from "../helpers/built-site.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { cpSync } from "node:fs";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const JEKYLL_BUDGET = `---
title: Council approves the harbour budget
date: 2023-02-18T09:30:00+01:00
section: news/county-council
summary: The vote was 19 to 12.
authors:
  - Mara Keller
tags:
  - budget
  - harbour
updates:
  - at: 2023-02-18T14:16:00+01:00
    text: The article was revised.
aliases:
  - /budget/
  - /news/county-council/2023/02/18/harbour-budget.html
---
The council passed the budget.

## What it buys

- A new pier
- {% include ferry.html %}
`;

const HUGO_FERRY = `---
title: Council votes on the ferry
date: 2023-02-18T09:30:00+11:00
section: news/county
summary: A close vote.
authors:
  - Mara Keller
  - Elif Şahin
tags:
  - ferry
  - council
updates:
  - at: 2023-02-19T08:00:00+11:00
    text: The article was revised.
aliases:
  - /old/ferry-vote/
  - /news/county/ferry-vote/
---
The council voted {{< figure src="pier.jpg" >}} on the ferry.
`;

describe("gazette import jekyll", () => {
  it("converts _posts into articles, writes site.yml from _config.yml, reports, and builds", async () => {
    const content = join(tempDir("gazette-jekyll-"), "content");
    const run = runCli(["import", "jekyll", fixture("jekyll-site"), "--content", content]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^gazette import jekyll: 2 articles written, 0 unchanged, 0 kept, 1 skipped/);
    expect(run.stdout).toContain("skipped    _posts/notes.md: not named YYYY-MM-DD-slug.md");
    expect(run.stdout).toContain("layout: dropped (1 post)");
    expect(run.stderr).toContain("warning  import-markup-kept  The template tag {% include ferry.html %} was kept as text.");
    expect(readFileSync(join(content, "2023/02/18/harbour-budget.md"), "utf8")).toBe(JEKYLL_BUDGET);
    expect(readFileSync(join(content, "2023/03/01/ferry-timetable.md"), "utf8")).toBe(
      "---\ntitle: Ferry timetable changes\ndate: 2023-03-01\nsection: transport\naliases:\n  - /transport/2023/03/01/ferry-timetable.html\n---\nFrom April the ferry leaves every half hour.\n",
    );
    expect(readFileSync(join(content, "site.yml"), "utf8")).toContain("title: The Lakeside Log\nurl: https://log.example.org\nlanguage: en\ntimeZone: Europe/Berlin\n");

    const before = hashTree(content);
    expect(runCli(["import", "jekyll", fixture("jekyll-site"), "--content", content]).stdout).toMatch(/0 articles written, 2 unchanged/);
    expect(hashTree(content)).toEqual(before);

    const out = tempOut();
    expect((await buildSite({ content, out, cache: false })).ok).toBe(true);
    const page = readPage(out, "/2023/02/18/harbour-budget/");
    expect(page.querySelector(".update time")?.getAttribute("datetime")).toBe("2023-02-18T14:16:00+01:00");
    expect(hasPage(out, "/2023/03/01/ferry-timetable/")).toBe(true);
    expect(hasPage(out, "/news/county-council/")).toBe(true);
  });

  it("reports front matter it cannot read, with its line, and writes nothing", () => {
    const site = tempDir("gazette-jekyll-src-");
    cpSync(fixture("jekyll-site"), site, { recursive: true });
    writeFileSync(join(site, "_posts/2023-04-01-broken.md"), "---\ntitle: Fine\ntags: [a\n---\nText\n");
    const content = join(tempDir("gazette-jekyll-"), "content");
    const run = runCli(["import", "jekyll", site, "--content", content]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/_posts\/2023-04-01-broken\.md:4:1 {2}error {2}import-front-matter-invalid/);
    expect(run.stdout).toBe("");
  });
});

describe("gazette import hugo", () => {
  it("converts content/ (TOML and YAML front matter, bundles, sections from folders) and builds", async () => {
    const content = join(tempDir("gazette-hugo-"), "content");
    const run = runCli(["import", "hugo", fixture("hugo-site"), "--content", content]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^gazette import hugo: 2 articles written, 0 unchanged, 0 kept, 2 skipped/);
    expect(run.stdout).toContain("section    news (Harbour News) added to site.yml");
    expect(run.stdout).toContain("skipped    content/about.md: a page outside any section");
    expect(readFileSync(join(content, "2023/02/18/ferry-vote.md"), "utf8")).toBe(HUGO_FERRY);
    expect(readFileSync(join(content, "2023/03/04/regatta-2023.md"), "utf8")).toBe(
      "---\ntitle: Regatta postponed\ndate: 2023-03-04\nsection: sport\nsummary: Wind too strong.\ndraft: true\naliases:\n  - /sport/regatta-2023/\n---\nThe regatta moves to next week.\n",
    );
    const before = hashTree(content);
    expect(runCli(["import", "hugo", fixture("hugo-site"), "--content", content]).stdout).toMatch(/0 articles written, 2 unchanged/);
    expect(hashTree(content)).toEqual(before);

    const out = tempOut();
    expect((await buildSite({ content, out, cache: false, drafts: true })).ok).toBe(true);
    const page = readPage(out, "/2023/02/18/ferry-vote/");
    expect(text(page.querySelector(".story__byline"))).toBe("By Mara Keller and Elif Şahin");
    expect(page.querySelector(".story__time time")?.getAttribute("datetime")).toBe("2023-02-18T09:30:00+11:00");
    expect(hasPage(out, "/2023/03/04/regatta-2023/")).toBe(true);
    expect(hasPage(out, "/news/county/")).toBe(true);
  });
});

describe("source front matter and dates", () => {
  it.each([
    ["+++\ntitle = \"A\"\n+++\nText", { title: "A" }, "Text"],
    ["---\ntitle: A\n---\nText", { title: "A" }, "Text"],
    ["No front matter", {}, "No front matter"],
  ])("reads %j", (source, data, body) => {
    const post = readSourcePost(source);
    expect({ ...post.data }).toEqual(data);
    expect(post.body).toBe(body);
  });

  it.each([
    ["2023-02-18 09:30:00 +0100", "2023-02-18T09:30:00.000+01:00"],
    ["2023-02-18 08:30:00 Z", "2023-02-18T09:30:00.000+01:00"],
    ["2023-02-18T09:30", "2023-02-18T09:30:00.000+01:00"],
    ["2023-02-18", "2023-02-18T00:00:00.000+01:00"],
  ])("reads the date %s in the site's zone", (value, iso) => {
    expect(sourceDate(value, "Europe/Berlin")?.date.toISO()).toBe(iso);
  });

  it.each([["2023-02-30"], ["yesterday"], [42]])("gives no date for %j", (value) => {
    expect(sourceDate(value, "Europe/Berlin")).toBeUndefined();
  });
});
