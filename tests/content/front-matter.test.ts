import { describe, expect, it } from "vitest";
import { splitArticle } from "../../src/content/front-matter.ts";

describe("splitArticle", () => {
  it.each([
    ["---\ntitle: A\n---\nBody\n", true, { title: "A" }, "Body\n"],
    ["\uFEFF---\r\ntitle: B\r\n---\r\nBody\r\n", true, { title: "B" }, "Body\n"],
    ["No front matter\n", false, null, "No front matter\n"],
    ["---\n---\nBody", true, null, "Body"],
  ])("splits %j", (text, has, data, body) => {
    const split = splitArticle(text);
    expect(split.hasFrontMatter).toBe(has);
    expect(split.frontMatter.data).toEqual(data);
    expect(split.body).toBe(body);
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
