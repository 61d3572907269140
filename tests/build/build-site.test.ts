/**
 * The real Eleventy build of small fixture archives, asserted on the HTML it writes.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hasPage, readPage, tempOut, text } from "../helpers/built-site.ts";

const files = {
  // 23:30 in New York is 04:30 UTC the next day; the URL must carry the New York date.
  "late/late-night-vote.md": article(["title: Late night vote", "date: 2023-02-18T23:30:00", "section: politics", "summary: Counted after dark."]),
  "updates/storm.md": article([
    "title: Storm hits the coast",
    'date: "2023-02-18T09:30:00-05:00"',
    "section: world/europe",
    "authors: [Ann Lee, Bo Chen, Cy Diaz]",
    "tags: [storm, coast]",
    "updates:",
    "  - at: 2023-02-18T14:16:00-05:00",
    "    text: Power is **back** in most homes.",
    "  - at: 2023-02-20 08:00",
    "    kind: correction",
    "    text: An earlier version misnamed the harbour.",
    "  - at: 2023-02-19T10:05:00Z",
    "    text: The ferry runs again.",
  ]),
  "politics/p1.md": article(["title: P one", "date: 2023-01-01T10:00:00", "section: politics"]),
  "politics/p2.md": article(["title: P two", "date: 2023-01-02T10:00:00", "section: politics"]),
  "politics/p3.md": article(["title: P three", "date: 2023-01-03T10:00:00", "section: politics"]),
  "politics/p4.md": article(["title: P four", "date: 2023-01-04T10:00:00", "section: politics"]),
  "world/w1.md": article(["title: W one", "date: 2022-12-01", "section: world"]),
  "drafts/unfinished.md": article(["title: Unfinished", "date: 2023-03-01T10:00:00", "section: sport", "draft: true"]),
  "escape/2023-04-01-Tricky.md": article(["title: '<script>alert(\"x\")</script> & co'", "date: 2023-04-01T10:00:00", "section: sport", "summary: 'A <b>bold</b> claim'"], "Text with <em>raw</em> HTML.\n"),
  "_ignored/notes.md": "not an article, and not valid either",
  ".hidden.md": "neither is this",
};

describe("a built fixture archive", () => {
  let out: string;
  beforeAll(async () => {
    out = tempOut();
    const result = await buildSite({ content: fixtureArchive(files), out });
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("dates URLs in the newsroom's zone, across the UTC day boundary", () => {
    expect(hasPage(out, "/2023/02/18/late-night-vote/")).toBe(true);
    expect(hasPage(out, "/2023/02/19/late-night-vote/")).toBe(false);
    const time = readPage(out, "/2023/02/18/late-night-vote/").querySelector(".story__time time");
    expect(time?.getAttribute("datetime")).toBe("2023-02-18T23:30:00-05:00");
    expect(text(time)).toBe("Saturday, February 18, 2023, 11:30 p.m.");
  });

  it("renders update blocks newest first with their own datetimes, above the body", () => {
    const page = readPage(out, "/2023/02/18/storm/");
    const blocks = page.querySelectorAll(".updates .update");
    expect(blocks.map((b) => [b.classList.contains("update--correction"), b.querySelector("time")?.getAttribute("datetime"), text(b.querySelector(".update__label"))])).toEqual([
      [true, "2023-02-20T08:00:00-05:00", "Correction from Monday, February 20, 8:00 a.m.:"],
      [false, "2023-02-19T05:05:00-05:00", "Update from Sunday, February 19, 5:05 a.m.:"],
      [false, "2023-02-18T14:16:00-05:00", "Update from Saturday, February 18, 2:16 p.m.:"],
    ]);
    expect(text(blocks[2])).toBe("Update from Saturday, February 18, 2:16 p.m.: Power is back in most homes.");
    expect(blocks[2].querySelector("strong:not(.update__label)")?.textContent).toBe("back");
    const html = page.toString();
    expect(html.indexOf('class="updates"')).toBeLessThan(html.indexOf('class="story__body"'));
    expect(text(page.querySelector(".story__time--updated"))).toBe("Last updated Monday, February 20, 2023, 8:00 a.m.");
    expect(page.querySelector(".story__time--updated time")?.getAttribute("datetime")).toBe("2023-02-20T08:00:00-05:00");
  });

  it("shows the article's header: breadcrumb with parents, byline, tags", () => {
    const page = readPage(out, "/2023/02/18/storm/");
    expect(page.querySelectorAll(".breadcrumb a").map((a) => [text(a), a.getAttribute("href")])).toEqual([
      ["Home", "/"],
      ["World", "/world/"],
      ["Europe", "/world/europe/"],
    ]);
    expect(text(page.querySelector("h1"))).toBe("Storm hits the coast");
    expect(text(page.querySelector(".story__byline"))).toBe("By Ann Lee, Bo Chen and Cy Diaz");
    expect(text(page.querySelector(".story__tags"))).toBe("Topics: storm, coast");
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://tribune.example.org/2023/02/18/storm/");
  });

  it("paginates sections newest first at the boundaries", () => {
    // politics has 5 articles at 2 a page: pages 1–3.
    const titles = (url: string) => readPage(out, url).querySelectorAll(".teaser__headline a").map(text);
    expect(titles("/politics/")).toEqual(["Late night vote", "P four"]);
    expect(titles("/politics/page/2/")).toEqual(["P three", "P two"]);
    expect(titles("/politics/page/3/")).toEqual(["P one"]);
    expect(hasPage(out, "/politics/page/4/")).toBe(false);
    expect(hasPage(out, "/politics/page/1/")).toBe(false);
    const pager = readPage(out, "/politics/page/2/").querySelector(".pager");
    expect(pager?.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/politics/");
    expect(pager?.querySelector('a[rel="next"]')?.getAttribute("href")).toBe("/politics/page/3/");
    expect(text(pager?.querySelector(".pager__position"))).toBe("Page 2 of 3");
    expect(readPage(out, "/politics/page/3/").querySelector('a[rel="next"]')).toBeNull();
    expect(readPage(out, "/sport/").querySelector(".pager")).toBeNull();
  });

  it("lists children's articles on a parent section and links its sub-sections", () => {
    const world = readPage(out, "/world/");
    expect(world.querySelectorAll(".teaser__headline a").map(text)).toEqual(["Storm hits the coast", "W one"]);
    expect(world.querySelectorAll(".subsections a").map((a) => a.getAttribute("href"))).toEqual(["/world/europe/"]);
    const europe = readPage(out, "/world/europe/");
    expect(europe.querySelectorAll(".teaser__headline a").map(text)).toEqual(["Storm hits the coast"]);
    expect(europe.querySelectorAll(".breadcrumb a").map(text)).toEqual(["Home", "World"]);
    expect(europe.querySelector(".badge")?.textContent).toBe("Updated");
  });

  it("leaves drafts out of every page", () => {
    expect(hasPage(out, "/2023/03/01/unfinished/")).toBe(false);
    expect(readFileSync(join(out, "sport/index.html"), "utf8")).not.toContain("Unfinished");
    expect(readFileSync(join(out, "index.html"), "utf8")).not.toContain("Unfinished");
  });

  it("skips files and folders whose names start with _ or .", () => {
    expect(readFileSync(join(out, "index.html"), "utf8")).not.toContain("notes");
  });

  it("escapes front-matter text and passes allowed raw HTML in Markdown through the sanitiser", () => {
    const html = readFileSync(join(out, "2023/04/01/tricky/index.html"), "utf8");
    expect(html).toContain("<h1 id=\"headline\" class=\"story__headline\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</h1>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("A &lt;b&gt;bold&lt;/b&gt; claim");
    expect(html).toContain("Text with <em>raw</em> HTML.");
  });

  it("builds the front page, the sections' navigation, the 404 page and the stylesheet", () => {
    const front = readPage(out, "/");
    expect(front.querySelectorAll(".masthead__nav a").map(text)).toEqual(["Politics", "World", "Sport"]);
    expect(text(front.querySelector(".front-lead__top .teaser__headline"))).toContain("<script>");
    expect(front.querySelectorAll(".front-block h2").map(text)).toEqual([]);
    expect(text(readPage(out, "/404.html").querySelector("h1"))).toBe("Page not found");
    const stylesheet = front.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
    expect(stylesheet).toMatch(/^\/assets\/gazette\.[0-9a-f]{10}\.css$/);
    expect(readFileSync(join(out, stylesheet.slice(1)), "utf8")).toContain("prefers-color-scheme: dark");
  });

  it("includes drafts when asked", async () => {
    const withDrafts = tempOut();
    await buildSite({ content: fixtureArchive(files), out: withDrafts, drafts: true });
    expect(hasPage(withDrafts, "/2023/03/01/unfinished/")).toBe(true);
  });
});

describe("front page blocks", () => {
  it("leads with the newest and adds the newest few per top-level section, without repeats", async () => {
    const many: Record<string, string> = {
      "site.yml": readFileSync(fixtureArchive({}) + "/site.yml", "utf8") + "frontPage:\n  latest: 2\n  perSection: 1\n",
    };
    for (let day = 1; day <= 4; day++) {
      many[`p${day}.md`] = article([`title: Politics ${day}`, `date: 2023-01-0${day}T10:00:00`, "section: politics"]);
      many[`e${day}.md`] = article([`title: Europe ${day}`, `date: 2023-01-0${day}T11:00:00`, "section: world/europe"]);
    }
    const out = tempOut();
    await buildSite({ content: fixtureArchive(many), out });
    const front = readPage(out, "/");
    expect(front.querySelectorAll(".front-lead .teaser__headline").map(text)).toEqual(["Europe 4", "Politics 4"]);
    expect(front.querySelectorAll(".front-block").map((b) => [text(b.querySelector("h2")), b.querySelectorAll(".teaser__headline").map(text)])).toEqual([
      ["Politics", ["Politics 3"]],
      ["World", ["Europe 3"]],
    ]);
  });
});

describe("rebuilding", () => {
  it("removes pages of deleted articles", async () => {
    const content = fixtureArchive({ "a.md": article(["title: A", "date: 2023-01-01", "section: sport"]), "b.md": article(["title: B", "date: 2023-01-02", "section: sport"]) });
    const out = tempOut();
    await buildSite({ content, out });
    expect(hasPage(out, "/2023/01/01/a/")).toBe(true);
    rmSync(join(content, "a.md"));
    await buildSite({ content, out });
    expect(hasPage(out, "/2023/01/01/a/")).toBe(false);
    expect(hasPage(out, "/2023/01/02/b/")).toBe(true);
  });

  it("leaves the previous output exactly as it was when the new content has errors", async () => {
    const content = fixtureArchive({ "a.md": article(["title: A", "date: 2023-01-01", "section: sport"]) });
    const out = tempOut();
    await buildSite({ content, out });
    const before = readFileSync(join(out, "index.html"), "utf8");
    writeFileSync(join(content, "a.md"), article(["title: A changed", "date: 2023-01-01", "section: sport"]));
    writeFileSync(join(content, "b.md"), article(["title: B", "date: 2023-02-30", "section: sport"]));
    const result = await buildSite({ content, out });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.file, i.code])).toEqual([["b.md", "date-invalid"]]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe(before);
    expect(hasPage(out, "/2023/01/01/a/")).toBe(true);
  });
});
