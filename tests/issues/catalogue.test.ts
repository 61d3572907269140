import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE, catalogueTable } from "../../src/issues/catalogue.ts";
import { contentIssue, formatIssue, sortIssues } from "../../src/issues/content-issue.ts";

describe("the catalogue", () => {
  it("is the README's table, word for word", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(catalogueTable());
  });

  it.each(Object.entries(CATALOGUE))("%s says when it is reported and what to do", (code, entry) => {
    expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(entry.summary).toMatch(/\.$/);
    expect(entry.expected || entry.hint).toBeTruthy();
  });
});

describe("formatIssue", () => {
  it.each([
    [contentIssue("title-missing", { file: "2023/a.md", line: 2, column: 1, field: "title" }, "The article has no title."), "content", "content/2023/a.md:2:1  error  title-missing  The article has no title. (title)\n    expected: title: a non-empty string"],
    [contentIssue("site-missing", { file: "site.yml" }, "There is no site.yml in x."), "", "site.yml  error  site-missing  There is no site.yml in x.\n    expected: a site.yml file at the top of the content folder\n    hint: Create site.yml with title, url, language, timeZone and sections (see the README)."],
  ])("%#", (issue, root, text) => {
    expect(formatIssue(issue, root)).toBe(text);
  });

  it("sorts by file, then line", () => {
    const a = contentIssue("title-missing", { file: "b.md", line: 1 }, "x");
    const b = contentIssue("date-missing", { file: "a.md", line: 9 }, "x");
    const c = contentIssue("date-invalid", { file: "a.md", line: 3 }, "x");
    expect(sortIssues([a, b, c])).toEqual([c, b, a]);
  });
});

describe("examples", () => {
  it.each(Object.keys(CATALOGUE))("%s has an example for the README", (code) => {
    expect(CATALOGUE[code as keyof typeof CATALOGUE].example?.trim()).toBeTruthy();
  });
});
