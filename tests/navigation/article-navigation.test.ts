/**
 * Article pages rendered after indexing, through the real build: previous and next in the
 * section, related articles, links between articles, broken-link warnings and `--strict`,
 * and warm rebuilds that render only the pages whose inputs changed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { readPage, tempOut, text } from "../helpers/built-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { navigationFiles, story } from "./navigation-fixture.ts";

const URL_OF = {
  budget: "/2023/02/10/budget-plan/",
  vote: "/2023/02/18/council-vote/",
  mayor: "/2023/02/20/mayor/",
  europe: "/2023/02/19/europe/",
  sport: "/2024/01/02/sport/",
};

describe("an article page", () => {
  let out: string;
  beforeAll(async () => {
    out = tempOut();
    const result = await buildSite({ content: fixtureArchive(navigationFiles()), out, cache: false, baseUrl: "https://tribune.example.org/archive/" });
    expect(result.ok).toBe(true);
  });
  const steps = (url: string) => readPage(out, url).querySelector('nav.story-nav[aria-label="Previous and next article"]');
  const related = (url: string) => readPage(out, url).querySelectorAll(".related li a").map((a) => a.getAttribute("href"));

  it.each<[string, string | undefined, string | undefined]>([
    [URL_OF.vote, URL_OF.budget, URL_OF.mayor],
    [URL_OF.budget, undefined, URL_OF.vote],
    [URL_OF.mayor, URL_OF.vote, undefined],
  ])("%s links the previous (%s) and next (%s) article of its section", (url, previous, next) => {
    const nav = steps(url);
    expect(nav?.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe(previous && `/archive${previous}`);
    expect(nav?.querySelector('a[rel="next"]')?.getAttribute("href")).toBe(next && `/archive${next}`);
  });

  it("has no previous/next when it is alone in its section", () => {
    expect(steps(URL_OF.europe)).toBeNull();
  });

  it.each<[string, string[]]>([
    // budget is the rarer tag; mayor shares council and the section, europe only the tag (spelt "Council").
    [URL_OF.vote, [URL_OF.budget, URL_OF.mayor, URL_OF.europe]],
    [URL_OF.europe, [URL_OF.mayor, URL_OF.vote]],
    [URL_OF.sport, []],
  ])("%s lists its related articles in order", (url, expected) => {
    expect(related(url)).toEqual(expected.map((u) => `/archive${u}`));
  });

  it("names the related list by its heading", () => {
    expect(text(readPage(out, URL_OF.vote).querySelector(".related h2"))).toBe("Related articles");
  });

  it.each<[string, string, string]>([
    ["a relative link with a fragment", URL_OF.budget, `/archive${URL_OF.vote}#update-1`],
    ["a relative link", URL_OF.sport, `/archive${URL_OF.vote}`],
    ["a content-root-relative link with a fragment", URL_OF.sport, `/archive${URL_OF.vote}#correction-2`],
    ["a link in an update note", URL_OF.sport, `/archive${URL_OF.budget}`],
  ])("rewrites %s to the article's URL", (_, page, href) => {
    const hrefs = readPage(out, page).querySelectorAll(".story a").map((a) => a.getAttribute("href"));
    expect(hrefs).toContain(href);
  });

  it("leaves a link to a file that is no article as written", () => {
    const hrefs = readPage(out, URL_OF.sport).querySelectorAll(".story__body a").map((a) => a.getAttribute("href"));
    expect(hrefs).toContain("../2023/council-vte.md");
  });

  it("carries the resolved links into the feeds too", () => {
    const feed = readFileSync(join(out, "sport/feed.xml"), "utf8");
    expect(feed).toContain(`https://tribune.example.org/archive${URL_OF.vote}`);
    expect(feed).not.toContain("council-vote.md");
  });
});

describe("broken internal links", () => {
  const expected = [
    // In the update note, on its line of the front matter.
    ["2024/sport.md:7", "../2023/mayr.md", URL_OF.mayor],
    ["2024/sport.md:13", "../2023/council-vte.md", URL_OF.vote],
    ["2024/sport.md:13", "/politcs/", "/politics/"],
    ["2024/sport.md:13", "../2023/council-vote.md#update-9", `${URL_OF.vote}#update-1`],
  ];

  it("are warnings with file, line and the nearest existing address; the build still succeeds", async () => {
    const result = await buildSite({ content: fixtureArchive(navigationFiles()), out: tempOut(), cache: false });
    expect(result.ok).toBe(true);
    const broken = result.issues.filter((i) => i.code === "link-broken");
    expect(broken.map((i) => [`${i.file}:${i.line}`, i.message.split(" ")[2], i.hint?.replace("The nearest existing address is ", "").replace(/\.$/, "")])).toEqual(expected);
    expect(broken.every((i) => i.severity === "warning")).toBe(true);
  });

  it("are errors with --strict, and nothing is written", async () => {
    const out = tempOut();
    const result = await buildSite({ content: fixtureArchive(navigationFiles()), out, cache: false, strict: true });
    expect(result.ok).toBe(false);
    expect(result.issues.filter((i) => i.code === "link-broken").map((i) => i.severity)).toEqual(["error", "error", "error", "error"]);
    expect(hashTree(dirname(out))).toEqual({});
  });

  it("are reported by gazette check, and fail it and gazette build with --strict", () => {
    const content = fixtureArchive(navigationFiles());
    const check = runCli(["check", "--content", content]);
    expect(check.status).toBe(0);
    expect(check.stderr).toContain("/2024/sport.md:13:1  warning  link-broken  The link /politcs/ leads nowhere");
    expect(check.stderr).toContain("hint: The nearest existing address is /politics/.");
    expect(runCli(["check", "--strict", "--content", content]).status).toBe(1);
    const build = runCli(["build", "--strict", "--content", content, "--out", join(tempDir(), "site")]);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain("error  link-broken");
  });

  it("are not reported for a clean archive", async () => {
    const files = navigationFiles();
    files["2024/sport.md"] = article(story("Final", "2024-01-02T10:00:00", "sport", []), "See [the vote](../2023/council-vote.md#correction-2) and [home](/).\n");
    const result = await buildSite({ content: fixtureArchive(files), out: tempOut(), cache: false, strict: true });
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe("a warm rebuild", () => {
  type Case = [name: string, file: string, edit: (text: string) => string, rendered: number];
  const cases: Case[] = [
    ["a body edit nobody else shows", "2023/mayor.md", (t) => t.replace("The mayor spoke.", "The mayor spoke at length."), 1],
    // mayor's own page, vote's "next" and europe's related list show its title.
    ["a title edit", "2023/mayor.md", (t) => t.replace("Mayor speaks", "Mayor speaks out"), 3],
    // A new URL: every page that links it by navigation or in its text.
    ["a date that moves the URL", "2023/council-vote.md", (t) => t.replace("date: 2023-02-18T10:00:00", "date: 2023-02-17T10:00:00"), 5],
  ];

  it.each(cases)("after %s renders only the pages that show it, and equals a cold build", async (_, file, edit, rendered) => {
    const content = fixtureArchive(navigationFiles());
    const [out, cold, cache] = [tempOut(), tempOut(), tempDir("gazette-cache-")];
    expect((await buildSite({ content, out, cache })).report.cache.rendered).toBe(5);
    writeFileSync(join(content, file), edit(readFileSync(join(content, file), "utf8")));
    const warm = await buildSite({ content, out, cache });
    expect(warm.report.cache.prepared).toBe(1);
    expect(warm.report.cache.rendered).toBe(rendered);
    await buildSite({ content, out: cold, cache: false });
    expect(hashTree(out)).toEqual(hashTree(cold));
  });
});

describe("a link to an alias (an article's old address, as migrated bodies have them)", () => {
  it("becomes the article's URL, on the page and in the feed, and is no broken link", async () => {
    const out = tempOut();
    const result = await buildSite({
      content: fixtureArchive({
        "2023/vote.md": article(["title: Council vote", "date: 2023-02-18T10:00:00", "section: politics", "aliases: [/old/council-vote/, /news.php]", "updates:", "  - at: 2023-02-18T15:00:00", "    text: The mayor spoke."], "The council voted.\n"),
        "2023/later.md": article(["title: Later", "date: 2023-02-19T10:00:00", "section: politics"], "See [the vote](/old/council-vote/#update-1) and [again](/news.php).\n"),
      }),
      out,
      cache: false,
    });
    expect(result.ok).toBe(true);
    expect(result.issues.filter((i) => i.code === "link-broken")).toEqual([]);
    const hrefs = readPage(out, "/2023/02/19/later/").querySelectorAll(".story__body a").map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual(["/2023/02/18/vote/#update-1", "/2023/02/18/vote/"]);
    expect(readFileSync(join(out, "feed.xml"), "utf8")).not.toContain("/old/council-vote/");
  });
});
