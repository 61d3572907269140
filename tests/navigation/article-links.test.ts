import { describe, expect, it } from "vitest";
import { articleTargets, linkParts, linkTargets, resolveArticleLink, sourcePathOf } from "../../src/navigation/article-links.ts";
import { createMarkdown } from "../../src/render/markdown.ts";
import { articleLinkEnv } from "../../src/navigation/article-links.ts";

const targets = new Map([
  ...articleTargets([
    { file: "2023/council-vote.md", url: "/2023/02/18/council-vote/" },
    { file: "2024/budget.markdown", url: "/2024/01/05/budget/" },
    { file: "2024/sport/final score.md", url: "/2024/03/01/final-score/" },
  ]),
  // An alias is one more entry (publishing adds these).
  ["/old/vote.html", "/2023/02/18/council-vote/"],
]);

describe("linkTargets", () => {
  const archive = (file: string) => ({ articles: [{ file, url: `/${file.replace(/\.md$/, "")}/` }], withdrawn: [] }) as unknown as Parameters<typeof linkTargets>[0];
  it("is made once per archive, and anew for another", () => {
    const one = archive("2023/a.md");
    const other = archive("2023/b.md");
    expect(linkTargets(one)).toBe(linkTargets(one));
    expect(linkTargets(one).get("2023/a.md")).toBe("/2023/a/");
    expect(linkTargets(other).get("2023/a.md")).toBeUndefined();
    expect(linkTargets(other).get("2023/b.md")).toBe("/2023/b/");
  });
});

describe("resolveArticleLink", () => {
  it.each<[string, string, string | undefined]>([
    ["../2023/council-vote.md", "2024/budget.markdown", "/2023/02/18/council-vote/"],
    ["council-vote.md", "2023/other.md", "/2023/02/18/council-vote/"],
    ["./council-vote.md", "2023/other.md", "/2023/02/18/council-vote/"],
    ["/2023/council-vote.md", "2024/deep/a.md", "/2023/02/18/council-vote/"],
    ["../2023/council-vote.md#update-2", "2024/a.md", "/2023/02/18/council-vote/#update-2"],
    ["../2023/council-vote.md?ref=x#correction-1", "2024/a.md", "/2023/02/18/council-vote/#correction-1"],
    ["../2023/COUNCIL-VOTE.md", "2024/a.md", undefined],
    ["2024/budget.markdown", "a.md", "/2024/01/05/budget/"],
    ["sport/final%20score.md", "2024/a.md", "/2024/03/01/final-score/"],
    ["/old/vote.html", "2024/a.md", "/2023/02/18/council-vote/"],
    ["../2023/missing.md", "2024/a.md", undefined],
    ["../../outside.md", "2024/a.md", undefined],
    ["https://example.org/2023/council-vote.md", "2024/a.md", undefined],
    ["//example.org/x.md", "2024/a.md", undefined],
    ["#update-1", "2024/a.md", undefined],
    ["/politics/", "2024/a.md", undefined],
  ])("%j from %s → %j", (href, from, url) => {
    expect(resolveArticleLink(href, from, targets)).toBe(url);
  });
});

describe("linkParts and sourcePathOf", () => {
  it.each<[string, ReturnType<typeof linkParts>]>([
    ["a.md#x", { path: "a.md", fragment: "#x" }],
    ["a.md?q=1", { path: "a.md", fragment: "" }],
    ["#top", { path: "", fragment: "#top" }],
    ["mailto:desk@example.org", undefined],
  ])("%j → %j", (href, parts) => expect(linkParts(href)).toEqual(parts));

  it.each<[string, string, string | undefined]>([
    ["../2023/a.md", "2024/b.md", "2023/a.md"],
    ["/2023/a.md", "2024/b.md", "2023/a.md"],
    ["a/", "2024/b.md", undefined],
    ["../../a.md", "2024/b.md", undefined],
  ])("%j from %s is the source %j", (path, from, source) => expect(sourcePathOf(path, from)).toBe(source));
});

describe("in the Markdown renderer", () => {
  it.each<[string, string, string]>([
    ["", "[vote](../2023/council-vote.md)", '<p><a href="/2023/02/18/council-vote/">vote</a></p>\n'],
    ["/archive", "[vote](../2023/council-vote.md#update-1)", '<p><a href="/archive/2023/02/18/council-vote/#update-1">vote</a></p>\n'],
    ["/archive", "[gone](../2023/gone.md)", '<p><a href="../2023/gone.md">gone</a></p>\n'],
  ])("with base path %j: %j", (base, markdown, html) => {
    expect(createMarkdown(base).render(markdown, articleLinkEnv("2024/a.md", targets))).toBe(html);
  });

  it("collects links and images with their lines", () => {
    expect(createMarkdown("/archive").links("Intro.\n\nSee [a](/x/) and\n[b](b.md#c).\n\n![p](/img.png)\n")).toEqual([
      { href: "/x/", line: 2 },
      { href: "b.md#c", line: 3 },
      { href: "/img.png", line: 5 },
    ]);
  });
});
