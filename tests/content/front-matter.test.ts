import { describe, expect, it } from "vitest";
import { articleBody, splitArticle } from "../../src/content/front-matter.ts";

describe("splitArticle", () => {
  it.each([
    ["---\ntitle: A\n---\nBody\n", true, { title: "A" }, "Body\n"],
    ["\uFEFF---\r\ntitle: B\r\n---\r\nBody\r\n", true, { title: "B" }, "Body\n"],
    ["No front matter\n", false, null, "No front matter\n"],
    ["---\n---\nBody", true, null, "Body"],
    ["---yaml\ntitle: C\n---\nBody", true, { title: "C" }, "Body"],
    ["--- \ntitle: D\n---  \nBody", true, { title: "D" }, "Body"],
    ["---\ntitle: E\n---\n---\nBody", true, { title: "E" }, "---\nBody"],
    ["----\nA rule, then text.\n", false, null, "----\nA rule, then text.\n"],
    ["Text\n---\nMore\n", false, null, "Text\n---\nMore\n"],
  ])("splits %j", (text, has, data, body) => {
    const split = splitArticle(text);
    expect(split.problem).toBeUndefined();
    expect(split.hasFrontMatter).toBe(has);
    expect(split.frontMatter.data).toEqual(data);
    expect(split.body).toBe(body);
  });

  it.each([
    ["---js\n{}\n---\n", "front-matter-language"],
    ["---javascript\n{}\n---\n", "front-matter-language"],
    ["---coffee\n{}\n---\n", "front-matter-language"],
    ["---toml\ntitle = 'x'\n---\n", "front-matter-language"],
    ["\uFEFF---js\r\n{}\r\n---\r\n", "front-matter-language"],
    ["---\ntitle: A\n\nBody: text\n", "front-matter-unclosed"],
    ["---", "front-matter-unclosed"],
    ["---\ntitle: A\n--- \u00a0\n", "front-matter-unclosed"],
  ])("refuses %j as %s, reading no YAML", (text, code) => {
    const split = splitArticle(text);
    expect(split.problem?.code).toBe(code);
    expect(split.frontMatter.data).toBeNull();
  });

  it.each([
    ["---\ntitle: A\n---\nBody", 4],
    ["---\n---\nBody", 3],
    ["---\r\na: 1\r\nb: 2\r\n---\r\nBody", 5],
    ["No front matter", 1],
  ])("the body of %j starts on line %i", (text, line) => {
    expect(splitArticle(text).bodyLine).toBe(line);
  });

  it("reports fields at their line in the whole file", () => {
    const split = splitArticle("---\ntitle: A\n\ndate: 2023-02-18\n---\nBody");
    expect(split.frontMatter.locate(["date"])).toEqual({ line: 4, column: 1 });
  });

  it("does not cache: the same text parsed twice gives independent results", () => {
    const a = splitArticle("---\ntitle: A\n---\n").frontMatter.data as { title: string };
    a.title = "changed";
    expect(splitArticle("---\ntitle: A\n---\n").frontMatter.data).toEqual({ title: "A" });
  });
});

describe("articleBody", () => {
  it.each([
    ["a plain block", "---\ntitle: A\n---\nBody\n"],
    ["Windows line ends and a byte-order mark", "\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n"],
    ["---yaml and trailing blanks", "---yaml  \ntitle: A\n---  \nBody\n\n## Sub\n"],
    ["no front matter", "Just a body.\n"],
    ["a rule, not a block", "----\nBody\n"],
  ])("gives the same body as splitArticle for %s", (_, text) => {
    expect(articleBody(text)).toBe(splitArticle(text).body);
  });
});
