import { describe, expect, it } from "vitest";
import { ARTICLE_KEYS, foldText, misspeltKey, repeatsBody, summaryLength, UPDATE_KEYS } from "../../src/content/content-warnings.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { article } from "../helpers/fixture-archive.ts";

describe("misspeltKey", () => {
  it.each([
    ["sectoin", "section"],
    ["sumary", "summary"],
    ["tag", "tags"],
    ["author", "authors"],
    ["Title", "title"],
    ["dat", "date"],
    ["updtes", "updates"],
    ["drafts", "draft"],
    ["section", undefined],
    ["rating", undefined],
    ["legacy_id", undefined],
    ["status", undefined],
    ["aliases", undefined],
  ])("%j → %j", (key, meant) => {
    expect(misspeltKey(key, ARTICLE_KEYS)).toBe(meant);
  });

  it.each([["txt", "text"], ["knd", "kind"], ["at", undefined]])("in an update, %j → %j", (key, meant) => {
    expect(misspeltKey(key, UPDATE_KEYS)).toBe(meant);
  });
});

describe("repeatsBody", () => {
  it.each([
    ["The mayor's office confirmed the figures.", "Text.\n\nThe **mayor's** office\nconfirmed the figures.", true],
    ["The mayor’s office confirmed the figures.", "The mayor's office confirmed the figures.", true],
    ["The mayor's office confirmed the figures.", "The council voted.", false],
    ["Photo added.", "Photo added.", false],
  ])("%j in %j → %s", (update, body, repeats) => {
    expect(repeatsBody(update, body)).toBe(repeats);
    // The same with the body folded once by the caller, and only when a long update needs it.
    let folds = 0;
    expect(repeatsBody(update, () => (folds++, foldText(body)))).toBe(repeats);
    expect(folds).toBe(foldText(update).length >= 24 ? 1 : 0);
  });

  it("folds Markdown and case away", () => {
    expect(foldText("The **Mayor**  said")).toBe("the mayor said");
  });
});

describe("summaryLength", () => {
  it.each([["Zürich 🙂", 8], ["a".repeat(300), 300]])("%j → %d", (text, length) => {
    expect(summaryLength(text)).toBe(length);
  });
});

describe("warnings in validation", () => {
  const context = { site: { timeZone: "UTC" }, sections: new Map([["politics", { id: "politics", title: "Politics" } as never]]) };
  const base = ["title: T", "date: 2023-02-18T10:00:00", "section: politics"];
  it.each([
    ["a summary of 300 characters", [`summary: ${"a".repeat(300)}`], []],
    ["a summary of 301 characters", [`summary: ${"a".repeat(301)}`], ["summary-too-long"]],
    ["an image with captoin", ["image:", "  src: /a.jpg", "  alt: A", "  captoin: x"], ["front-matter-key-misspelt"]],
    ["a key of the newsroom's own", ["legacy_id: 123"], []],
  ])("%s", (_, lines, codes) => {
    const result = validateArticle("a.md", article([...base, ...lines]), context);
    expect(result.issues.map((i) => i.code)).toEqual(codes);
    // A warning never keeps the article out.
    expect(result.article).toBeDefined();
  });
});
