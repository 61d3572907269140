/**
 * Aliases become redirects: pages, `_redirects` lines and redirects.json, and collisions that
 * name both files.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../src/model.ts";
import { aliasTargets, redirectPages, redirects, redirectsFileText, redirectsJsonText } from "../../src/publishing/redirects.ts";
import { aliasCollisions } from "../../src/publishing/alias-collisions.ts";
import { parseRedirects, matchRedirect } from "../../src/deploy/redirects-file.ts";

const summary = (file: string, url: string, aliases: string[], title = "A story"): ArticleSummary => ({
  file,
  title,
  slug: url.split("/").at(-2)!,
  date: DateTime.fromISO("2023-02-18T09:30:00Z"),
  dateHasTime: true,
  sectionId: "politics",
  authors: [],
  tags: [],
  draft: false,
  updates: [],
  url,
  aliases,
});

const budget = summary("2023/budget.md", "/2023/02/18/budget/", ["/old/budget/", "/?p=12", "/café.html"], "Budget passes");
const gone = summary("2023/gone.md", "/2023/02/19/gone/", ["/old/gone"], "Gone story");
const archive = { articles: [budget], withdrawn: [gone] };

describe("redirects of an archive", () => {
  it("maps every alias of every article with a page, withdrawn ones too, to its URL", () => {
    expect(Object.fromEntries(aliasTargets(archive))).toEqual({
      "/old/budget/": "/2023/02/18/budget/",
      "/?p=12": "/2023/02/18/budget/",
      "/café.html": "/2023/02/18/budget/",
      "/old/gone": "/2023/02/19/gone/",
    });
  });

  it("lists them ordered by alias, as 301s", () => {
    expect(redirects(archive).map((r) => `${r.from} ${r.to} ${r.status}`)).toEqual([
      "/?p=12 /2023/02/18/budget/ 301",
      "/café.html /2023/02/18/budget/ 301",
      "/old/budget/ /2023/02/18/budget/ 301",
      "/old/gone /2023/02/19/gone/ 301",
    ]);
  });

  it("gives a page to every alias a static file can answer, and none to a query", () => {
    expect(redirectPages(archive).map((p) => [p.url, p.path, p.target, p.title])).toEqual([
      ["/café.html", "café.html", "/2023/02/18/budget/", "Budget passes"],
      ["/old/budget/", "old/budget/index.html", "/2023/02/18/budget/", "Budget passes"],
      ["/old/gone/", "old/gone/index.html", "/2023/02/19/gone/", "Gone story"],
    ]);
  });

  it("writes _redirects lines the preview server (and Netlify, Cloudflare) read, with the base path", () => {
    const text = redirectsFileText(redirects(archive), "/archive");
    expect(text.split("\n").filter((l) => l && !l.startsWith("#"))).toEqual([
      "/archive/caf%C3%A9.html /archive/2023/02/18/budget/ 301",
      "/archive/old/budget/ /archive/2023/02/18/budget/ 301",
      "/archive/old/gone /archive/2023/02/19/gone/ 301",
    ]);
    const table = parseRedirects(text);
    expect(table.issues).toEqual([]);
    expect(matchRedirect(table, "/archive/old/budget/")?.location).toBe("/archive/2023/02/18/budget/");
  });

  it("lists every redirect in redirects.json, the query alias too", () => {
    expect(JSON.parse(redirectsJsonText(redirects(archive), "")).redirects).toEqual([
      { from: "/?p=12", to: "/2023/02/18/budget/", status: 301 },
      { from: "/caf%C3%A9.html", to: "/2023/02/18/budget/", status: 301 },
      { from: "/old/budget/", to: "/2023/02/18/budget/", status: 301 },
      { from: "/old/gone", to: "/2023/02/19/gone/", status: 301 },
    ]);
  });
});

describe("aliasCollisions", () => {
  const pages = [
    { path: "politics/index.html", owner: "site.yml (section politics)", url: "/politics/" },
    { path: "2023/02/18/budget/index.html", owner: "2023/budget.md", url: "/2023/02/18/budget/" },
  ];

  it.each([
    ["a section page", [{ alias: "/politics/", file: "a.md", line: 3 }], ["a.md:3 The alias /politics/ is the address of the page /politics/ of site.yml (section politics)."]],
    ["another article's page, without its slash", [{ alias: "/2023/02/18/budget", file: "a.md", line: 4 }], ["a.md:4 The alias /2023/02/18/budget is the address of the page /2023/02/18/budget/ of 2023/budget.md."]],
    [
      "another article's alias: both files are named",
      [
        { alias: "/old/x/", file: "a.md", line: 5 },
        { alias: "/old/x", file: "b.md", line: 6 },
      ],
      ["b.md:6 The alias /old/x is also an alias (/old/x/) in a.md.", "a.md:5 The alias /old/x/ is also an alias (/old/x) in b.md."],
    ],
    [
      "the same address twice in one file",
      [
        { alias: "/old/x/", file: "a.md", line: 5 },
        { alias: "/old/%78/", file: "a.md", line: 6 },
      ],
      ["a.md:6 The alias /old/%78/ is also an alias (/old/x/) in this file."],
    ],
    ["a free address", [{ alias: "/old/y/", file: "a.md", line: 5 }], []],
  ])("%s", (_case, aliases, expected) => {
    const issues = aliasCollisions(aliases, pages);
    expect(issues.map((i) => `${i.file}:${i.line} ${i.message}`)).toEqual(expected);
    expect(issues.every((i) => i.code === "alias-collision" && i.severity === "error")).toBe(true);
  });
});
