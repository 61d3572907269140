import { describe, expect, it } from "vitest";
import { articleIds, brokenLinks, type CheckedArticle } from "../../src/navigation/link-check.ts";
import { articleTargets } from "../../src/navigation/article-links.ts";

const vote: CheckedArticle = { file: "2023/vote.md", url: "/2023/02/18/vote/", updates: [{ kind: "correction" }, { kind: "update" }], links: [] };
const outputs = ["index.html", "politics/index.html", "2023/02/18/vote/index.html", "2023/02/19/other/index.html", "feed.xml", "assets/gazette.abc.css"];
const from = (href: string): CheckedArticle => ({ file: "2023/other.md", url: "/2023/02/19/other/", updates: [], links: [{ href, line: 9 }] });
const check = (href: string) => brokenLinks([vote, from(href)], outputs, articleTargets([vote, from(href)]));

describe("brokenLinks", () => {
  it.each([
    "/politics/",
    "/politics",
    "/",
    "/feed.xml",
    "/assets/gazette.abc.css",
    "../../18/vote/",
    "vote.md",
    "vote.md#update-1",
    "/2023/vote.md#correction-2",
    "/2023/02/18/vote/#headline",
    "#main",
    "/politics/#anything",
    "https://example.org/nowhere/",
    "mailto:desk@example.org",
  ])("%j leads somewhere", (href) => {
    expect(check(href)).toEqual([]);
  });

  it.each<[string, string, string | undefined]>([
    ["/politcs/", "the site has no page or file /politcs/", "/politics/"],
    ["../../18/vtoe/", "the site has no page or file /2023/02/18/vtoe/", "/2023/02/18/vote/"],
    ["vtoe.md", "no published article has the source file 2023/vtoe.md", "/2023/02/18/vote/"],
    ["../2024/vote.md", "no published article has the source file 2024/vote.md", "/2023/02/18/vote/"],
    ["vote.md#update-3", 'the page /2023/02/18/vote/ has no id "update-3"', "/2023/02/18/vote/#update-1"],
    ["#nowhere", 'the page /2023/02/19/other/ has no id "nowhere"', "/2023/02/19/other/#main"],
    ["/zzzzzzzzzzzzzzzzzzzzzz/", "the site has no page or file /zzzzzzzzzzzzzzzzzzzzzz/", undefined],
  ])("%j is broken: %s; nearest %s", (href, why, near) => {
    const [issue, ...rest] = check(href);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: "link-broken", severity: "warning", file: "2023/other.md", line: 9 });
    expect(issue.message).toBe(`The link ${href} leads nowhere: ${why}.`);
    expect(issue.hint).toBe(near ? `The nearest existing address is ${near}.` : "Correct the link; the message names the nearest existing address when there is one.");
  });
});

describe("articleIds", () => {
  it.each<[{ kind: string }[], string[]]>([
    [[], ["main", "headline", "related-heading"]],
    [[{ kind: "correction" }, { kind: "update" }], ["main", "headline", "related-heading", "correction-2", "update-1"]],
  ])("%j", (updates, ids) => expect(articleIds(updates)).toEqual(ids));
});
