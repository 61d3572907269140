/**
 * An article is data, never code: what validateArticle refuses in front matter and bodies
 * written by anyone (language tags, control characters, lists where one value belongs,
 * merge keys, alias bombs, slugs no file system can hold).
 */
import { describe, expect, it } from "vitest";
import { buildSectionTree } from "../../src/archive/sections.ts";
import { validateArticle } from "../../src/content/validate-article.ts";

const context = {
  site: { timeZone: "America/New_York" },
  sections: buildSectionTree([
    { id: "politics", title: "Politics" },
    { id: "world", title: "World" },
  ]),
};
const fm = (lines: string[], body = "Body text.\n") => `---\n${lines.join("\n")}\n---\n${body}`;
const base = ["title: A headline", "date: 2023-02-18T09:30:00-05:00", "section: politics"];
const one = (file: string, text: string) => {
  const { article, issues } = validateArticle(file, text, context);
  expect(article).toBeUndefined();
  return issues;
};

describe("front matter is only YAML", () => {
  it.each(["js", "javascript", "coffee", "toml", "json", " js"])("refuses ---%s at line 1", (tag) => {
    const issues = one("a.md", `---${tag}\n{ title: "T", x: require("child_process").execSync("true") }\n---\nBody\n`);
    expect(issues).toEqual([expect.objectContaining({ code: "front-matter-language", file: "a.md", line: 1 })]);
    expect(issues[0].message).toContain(`"${tag.trim()}"`);
  });

  it("accepts ---yaml as plain YAML", () => {
    expect(validateArticle("a.md", `---yaml\n${base.join("\n")}\n---\nBody\n`, context).article?.title).toBe("A headline");
  });

  it("reports a front matter that is never closed at line 1, instead of publishing an empty article", () => {
    const issues = one("a.md", `---\n${base.join("\n")}\n\nThe body: it never ends.\nSecond: line.\n`);
    expect(issues).toEqual([expect.objectContaining({ code: "front-matter-unclosed", line: 1 })]);
  });
});

describe("control characters", () => {
  it.each([
    ["title", "title", ['title: "Bell\\u0007"', "date: 2023-02-18", "section: politics"], 2, "U+0007"],
    ["summary NUL", "summary", [...base, 'summary: "a\\0b"'], 5, "U+0000"],
    ["authors", "authors[1]", [...base, 'authors: ["Mara", "Ke\\u001bller"]'], 5, "U+001B"],
    ["tags", "tags[0]", [...base, "tags:", '  - "x\\u007f"'], 6, "U+007F"],
    ["slug", "slug", [...base, 'slug: "a\\u0001"'], 5, "U+0001"],
    ["section", "section", ["title: T", "date: 2023-02-18", 'section: "politics\\u000b"'], 4, "U+000B"],
    ["update text", "updates[0].text", [...base, "updates:", "  - at: 2023-02-19", '    text: "x\\f"'], 7, "U+000C"],
    ["lone high surrogate", "summary", [...base, 'summary: "a\\ud800"'], 5, "U+D800"],
    ["lone low surrogate", "summary", [...base, 'summary: "\\udc00b"'], 5, "U+DC00"],
  ])("%s → control-character naming %s", (_, field, lines, line, codePoint) => {
    const issue = one("a.md", fm(lines)).find((i) => i.code === "control-character");
    expect(issue).toMatchObject({ field, line });
    expect(issue?.message).toContain(codePoint);
  });

  it("locates a control character in the body by the file's line and column", () => {
    const issue = one("a.md", fm(base, "First line.\n\nSo\u0000me text.\n")).find((i) => i.code === "control-character");
    expect(issue).toMatchObject({ field: "body", line: 8, column: 3 });
    expect(issue?.message).toContain("U+0000");
  });

  it("quotes the value in other messages with the character escaped, so no terminal is driven by it", () => {
    const issues = one("a.md", fm(["title: T", "date: 2023-02-18", 'section: "\\u001b]0;owned\\u0007"']));
    expect(issues.map((i) => i.code)).toEqual(["control-character", "section-unknown"]);
    for (const issue of issues) expect(issue.message).not.toMatch(/[\u0000-\u001f]/);
    expect(issues.find((i) => i.code === "section-unknown")?.message).toContain("\\u001B]0;owned\\u0007");
  });

  it("accepts tabs, newlines, Windows line ends and real astral characters", () => {
    const text = fm([...base, 'summary: "tab\\there 🦆"'], "Line\tone 🦆\r\nLine two\r\n").replace(/\n/g, "\r\n");
    expect(validateArticle("a.md", text, context).issues).toEqual([]);
  });
});

describe("one value where one value belongs", () => {
  it.each([
    ["section: [world]", "section", 4],
    ["section: {id: world}", "section", 4],
    ["title: [a]", "title", 2],
    ["slug: [a]", "slug", 5],
    ["summary: {a: b}", "summary", 5],
    ["date: [2023-02-18]", "date", 3],
    ["updates: [{at: [2023-02-19], text: x}]", "updates[0].at", 5],
    ["updates: [{at: 2023-02-19, text: [x]}]", "updates[0].text", 5],
    ["updates: [{at: 2023-02-19, text: x, kind: {a: correction}}]", "updates[0].kind", 5],
  ])("%s → field-not-scalar naming %s", (line, field, at) => {
    const lines = ["title: T", "date: 2023-02-18", "section: politics", line];
    const key = line.split(":")[0];
    const text = fm([...lines.slice(0, 3).filter((l) => !l.startsWith(`${key}:`)), line].sort((a, b) => order(a) - order(b)));
    const issues = one("a.md", text);
    expect(issues.find((i) => i.code === "field-not-scalar"), JSON.stringify(issues)).toMatchObject({ field, line: at });
    expect(issues.map((i) => i.message).join(" ")).not.toContain("[object Object]");
  });

  it.each([
    ["<<: *base", "<<", 5],
    ["updates: [{<<: *base, text: x}]", "updates[0].<<", 5],
  ])("refuses the merge key in %s", (line, field, at) => {
    const issues = one("a.md", fm(["base: &base {at: 2023-02-19}", "title: T", "date: 2023-02-18", line, "section: politics"]));
    expect(issues).toEqual([expect.objectContaining({ code: "front-matter-merge-key", field, line: at })]);
  });
});

// Keeps the fixture's fields in their usual order: title, date, section, then the rest.
function order(line: string): number {
  const index = ["title", "date", "section"].indexOf(line.split(":")[0]);
  return index === -1 ? 3 : index;
}

describe("aliases", () => {
  it("refuses a billion-laughs bomb well under a second, at the first alias", () => {
    const levels = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(", ")}]`);
    const text = fm([...base, ...levels, "summary: *l9"]);
    const started = performance.now();
    const issues = one("a.md", text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(issues).toEqual([expect.objectContaining({ code: "front-matter-aliases", line: 6 })]);
  });

  it("still reads a few aliases", () => {
    const text = fm([...base, "tags: &t [ferry, strike]", "extra: *t"]);
    expect(validateArticle("a.md", text, context).article?.tags).toEqual(["ferry", "strike"]);
  });
});

describe("slug length", () => {
  it.each([
    ["explicit", "a.md", [...base, `slug: ${"a".repeat(201)}`], 5],
    ["derived from the file name", `${"Lang".repeat(51)}.md`, base, 1],
    ["derived, longer once transliterated", `${"ß".repeat(101)}.md`, base, 1],
  ])("refuses a slug over 200 bytes (%s)", (_, file, lines, line) => {
    expect(one(file, fm(lines))).toEqual([expect.objectContaining({ code: "slug-too-long", line })]);
  });

  it("accepts a slug of exactly 200 bytes", () => {
    expect(validateArticle("a.md", fm([...base, `slug: ${"a".repeat(200)}`]), context).article?.slug).toHaveLength(200);
  });
});
