/**
 * Date archives, topics and authors through real builds of fixture archives: the newsroom's
 * midnight, month and year boundaries, previous/next periods skipping empty ones, calendars in
 * two locales, tag merges and collisions, authors described in site.yml, and the article page's
 * links to all of them.
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HTMLElement } from "node-html-parser";
import { buildSite, type BuildResult } from "../../src/build/build-site.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";
import { hasPage, readPage, tempOut, text } from "../helpers/built-site.ts";

const created: string[] = [];
afterAll(() => {
  for (const path of created) rmSync(path, { recursive: true, force: true });
});

async function build(files: Record<string, string>, site = SITE_YML): Promise<{ out: string; result: BuildResult }> {
  const root = fixtureArchive({ "site.yml": site, ...files });
  const out = tempOut();
  created.push(root, dirname(out));
  return { out, result: await buildSite({ content: root, out, cache: false, threads: 1 }) };
}

const story = (title: string, date: string, ...more: string[]) => article([`title: ${title}`, `date: "${date}"`, "section: politics", ...more]);
const hrefs = (page: HTMLElement, selector: string) => page.querySelectorAll(selector).map((a) => a.getAttribute("href"));
const headlines = (page: HTMLElement) => page.querySelectorAll(".teaser__headline a").map((a) => text(a));

describe("date archives (site in America/New_York, perPage 2)", () => {
  let out: string;
  beforeAll(async () => {
    const built = await build({
      // 23:30 in New York on New Year's Eve is 04:30 on 1 January in UTC.
      "eve.md": story("New Year's Eve party", "2023-12-31 23:30", "tags: [Parties]"),
      "dawn.md": story("First baby of the year", "2024-01-01 00:15"),
      "later.md": story("Resolutions kept", "2024-01-01 09:00"),
      "noon.md": story("Noon briefing", "2024-01-01 12:00"),
      "dec29.md": story("Year in review", "2023-12-29 10:00"),
      // No articles in November 2023, nor on 30 December.
      "oct.md": story("Autumn leaves", "2023-10-02 08:00"),
      "march.md": story("Spring comes", "2024-03-05 10:00"),
      "old.md": story("A story from 2021", "2021-06-15 10:00"),
    });
    expect(built.result.ok, JSON.stringify(built.result.issues)).toBe(true);
    out = built.out;
  });

  it("puts an article at 23:30 in New York on that New York day, not the UTC one", () => {
    expect(headlines(readPage(out, "/2023/12/31/"))).toEqual(["New Year's Eve party"]);
    expect(headlines(readPage(out, "/2024/01/01/"))).toEqual(["Noon briefing", "Resolutions kept"]);
    expect(text(readPage(out, "/2023/12/31/").querySelector("h1"))).toBe("Sunday, December 31, 2023");
  });

  it("paginates a day like a section index, newest first", () => {
    expect(headlines(readPage(out, "/2024/01/01/page/2/"))).toEqual(["First baby of the year"]);
    expect(hrefs(readPage(out, "/2024/01/01/"), ".pager a")).toEqual(["/2024/01/01/page/2/"]);
  });

  it.each([
    // page, earlier, later: empty periods skipped, across month and year boundaries.
    ["/2024/01/01/", "/2023/12/31/", "/2024/03/05/"],
    ["/2023/12/31/", "/2023/12/29/", "/2024/01/01/"],
    ["/2023/12/29/", "/2023/10/02/", "/2023/12/31/"],
    ["/2021/06/15/", undefined, "/2023/10/02/"],
    ["/2024/03/05/", "/2024/01/01/", undefined],
    ["/2024/01/", "/2023/12/", "/2024/03/"],
    ["/2023/12/", "/2023/10/", "/2024/01/"],
    ["/2023/10/", "/2021/06/", "/2023/12/"],
    ["/2024/", "/2023/", undefined],
    ["/2023/", "/2021/", "/2024/"],
    ["/2021/", undefined, "/2023/"],
  ])("%s links earlier to %s and later to %s", (url, earlier, later) => {
    const page = readPage(out, url);
    expect(page.querySelector(".period-nav__earlier")?.getAttribute("href")).toBe(earlier);
    expect(page.querySelector(".period-nav__later")?.getAttribute("href")).toBe(later);
  });

  it("names the neighbouring periods in words", () => {
    expect(text(readPage(out, "/2023/12/").querySelector(".period-nav__earlier"))).toBe("Earlier: October 2023");
    expect(text(readPage(out, "/2023/12/29/").querySelector(".period-nav__earlier"))).toBe("Earlier: October 2, 2023");
  });

  it("shows a year's twelve months with counts, linking only those with articles", () => {
    const months = readPage(out, "/2023/").querySelectorAll(".months__list li");
    expect(months.map((m) => text(m))).toEqual([
      "January 0 articles", "February 0 articles", "March 0 articles", "April 0 articles", "May 0 articles", "June 0 articles",
      "July 0 articles", "August 0 articles", "September 0 articles", "October 1 article", "November 0 articles", "December 2 articles",
    ]);
    expect(hrefs(readPage(out, "/2023/"), ".months__list a")).toEqual(["/2023/10/", "/2023/12/"]);
  });

  it("lists a year's and a month's articles newest first, paginated", () => {
    expect(headlines(readPage(out, "/2024/"))).toEqual(["Spring comes", "Noon briefing"]);
    expect(headlines(readPage(out, "/2024/page/2/"))).toEqual(["Resolutions kept", "First baby of the year"]);
    expect(headlines(readPage(out, "/2023/12/"))).toEqual(["New Year's Eve party", "Year in review"]);
    expect(hasPage(out, "/2023/11/")).toBe(false);
    expect(hasPage(out, "/2023/12/30/")).toBe(false);
  });

  it("lists every year and month with counts on /archive/", () => {
    const page = readPage(out, "/archive/");
    expect(page.querySelectorAll(".archive-year h2").map((h) => text(h))).toEqual(["2024 4 articles", "2023 3 articles", "2021 1 article"]);
    expect(hrefs(page, ".archive-year a")).toEqual(["/2024/", "/2024/03/", "/2024/01/", "/2023/", "/2023/12/", "/2023/10/", "/2021/", "/2021/06/"]);
    expect(page.querySelectorAll(".archive-year")[0].querySelectorAll("li").map((li) => text(li))).toEqual(["March 1 article", "January 3 articles"]);
  });

  it("links an article's date to its day page, and every page's footer to the archive and topics", () => {
    const page = readPage(out, "/2023/12/31/eve/");
    expect(page.querySelector(".story__time a")?.getAttribute("href")).toBe("/2023/12/31/");
    expect(hrefs(page, ".colophon a")).toEqual(expect.arrayContaining(["/archive/", "/topics/", "/authors/"]));
  });
});

/** The calendar of February 2023 on a site in `language` (1 February 2023 was a Wednesday). */
async function february(language: string): Promise<HTMLElement> {
  const built = await build(
    {
      "a.md": story("Storm warning", "2023-02-18 09:30"),
      "b.md": story("Storm passes", "2023-02-18 17:00"),
      "c.md": story("Clean-up starts", "2023-02-21 08:00"),
    },
    SITE_YML.replace("language: en", `language: ${language}`),
  );
  expect(built.result.ok, JSON.stringify(built.result.issues)).toBe(true);
  return readPage(built.out, "/2023/02/");
}

describe("a month's calendar", () => {
  it.each([
    // locale, caption, first column (short, long), blank days before the 1st
    ["en-US", "February 2023", "Sun", "Sunday", 3],
    ["en-GB", "February 2023", "Mon", "Monday", 2],
    ["de", "Februar 2023", "Mo", "Montag", 2],
  ])("in %s: caption %s, weeks from %s (%s), %i blank days first", async (language, caption, short, long, blanks) => {
    const page = await february(language);
    const table = page.querySelector("table.calendar")!;
    expect(text(table.querySelector("caption"))).toBe(caption);
    const headers = table.querySelectorAll('thead th[scope="col"]');
    expect(headers).toHaveLength(7);
    expect(text(headers[0])).toBe(short);
    expect(headers[0].querySelector("abbr")?.getAttribute("title")).toBe(long);
    const cells = table.querySelectorAll("tbody td");
    expect(cells.length % 7).toBe(0);
    expect(cells.findIndex((c) => text(c) !== "")).toBe(blanks);
    expect(text(cells[blanks])).toBe("1");
    expect(cells.filter((c) => text(c) !== "").map((c) => text(c))).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    // Only the days with articles are links, to their day pages.
    expect(hrefs(table, "a")).toEqual(["/2023/02/18/", "/2023/02/21/"]);
    expect(table.querySelectorAll("a").map((a) => text(a))).toEqual(["18", "21"]);
  });
});

describe("topics", () => {
  let out: string;
  beforeAll(async () => {
    const built = await build({
      "a.md": story("One", "2024-01-01 10:00", "tags: [Brexit, Élections]"),
      "b.md": story("Two", "2024-01-02 10:00", "tags: [brexit, elections]"),
      "c.md": story("Three", "2024-01-03 10:00", "tags: [Brexit]", "summary: Talks <resume> today."),
      "d.md": story("Four", "2024-01-04 10:00", "tags: [élections, Zürich]"),
    });
    expect(built.result.ok, JSON.stringify(built.result.issues)).toBe(true);
    out = built.out;
  });

  it("merges tags differing in case or accents into one topic, in its most common spelling, with counts", () => {
    const index = readPage(out, "/topics/");
    expect(index.querySelectorAll(".name-list li").map((li) => text(li))).toEqual(["Brexit 3 articles", "Élections 3 articles", "Zürich 1 article"]);
    expect(hrefs(index, ".name-list a")).toEqual(["/topics/brexit/", "/topics/elections/", "/topics/zurich/"]);
  });

  it("lists a topic's articles newest first, paginated, with its own feed", () => {
    const page = readPage(out, "/topics/brexit/");
    expect(text(page.querySelector("h1"))).toBe("Brexit");
    expect(headlines(page)).toEqual(["Three", "Two"]);
    expect(headlines(readPage(out, "/topics/brexit/page/2/"))).toEqual(["One"]);
    expect(page.querySelector('link[rel="alternate"][type="application/atom+xml"][href="/topics/brexit/feed.xml"]')).not.toBeNull();
    expect(hasPage(out, "/topics/brexit/feed.xml")).toBe(true);
  });

  it("gives a topic's feed entries the summary, not the whole body (hundreds of topic feeds stay cheap)", () => {
    const feed = JSON.parse(readFileSync(join(out, "topics/brexit/feed.json"), "utf8")) as { items: { url: string; content_html: string }[] };
    expect(feed.items.map((i) => [i.url.replace("https://tribune.example.org", ""), i.content_html])).toEqual([
      ["/2024/01/03/c/", "<p>Talks &lt;resume&gt; today.</p>"],
      ["/2024/01/02/b/", ""],
      ["/2024/01/01/a/", ""],
    ]);
    // The site's own feed still carries the body.
    const site = JSON.parse(readFileSync(join(out, "feed.json"), "utf8")) as { items: { content_html: string }[] };
    expect(site.items[0].content_html).toContain("Something happened.");
  });

  it("links an article's tags to their topic pages, whatever spelling the article uses", () => {
    const page = readPage(out, "/2024/01/02/b/");
    expect(page.querySelectorAll(".story__tags a").map((a) => [text(a), a.getAttribute("href")])).toEqual([
      ["brexit", "/topics/brexit/"],
      ["elections", "/topics/elections/"],
    ]);
  });
});

describe("a true tag collision", () => {
  it("stops the build with an error naming both files", async () => {
    const { result } = await build({
      "a.md": story("One", "2024-01-01 10:00", "tags: [C++]"),
      "b.md": story("Two", "2024-01-02 10:00", "tags: [C]"),
    });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.file, i.message])).toEqual([
      ["tag-slug-collision", "a.md", 'The tag "C++" would have the page /topics/c/, as would "C" in b.md.'],
      ["tag-slug-collision", "b.md", 'The tag "C" would have the page /topics/c/, as would "C++" in a.md.'],
    ]);
  });
});

describe("authors", () => {
  let out: string;
  beforeAll(async () => {
    const site = `${SITE_YML}authors:
  - name: Zoë Müller
    bio: Covers city hall & the courts.
    url: https://zoe.example.net/
`;
    const built = await build(
      {
        "a.md": story("One", "2024-01-01 10:00", "authors: [Zoe Muller, Ana Ruiz]"),
        "b.md": story("Two", "2024-01-02 10:00", "authors: Zoë Müller"),
      },
      site,
    );
    expect(built.result.ok, JSON.stringify(built.result.issues)).toBe(true);
    out = built.out;
  });

  it("lists every author with a count, in the name site.yml gives", () => {
    const index = readPage(out, "/authors/");
    expect(index.querySelectorAll(".name-list li").map((li) => text(li))).toEqual(["Ana Ruiz 1 article", "Zoë Müller 2 articles"]);
  });

  it("shows site.yml's bio and link on the author's page, above their articles", () => {
    const page = readPage(out, "/authors/zoe-muller/");
    expect(text(page.querySelector("h1"))).toBe("Zoë Müller");
    expect(text(page.querySelector(".author__bio"))).toBe("Covers city hall & the courts.");
    expect(page.querySelector(".author__link a")?.getAttribute("href")).toBe("https://zoe.example.net/");
    expect(headlines(page)).toEqual(["Two", "One"]);
    expect(readPage(out, "/authors/ana-ruiz/").querySelector(".author__bio")).toBeNull();
  });

  it("links an article's authors to their pages", () => {
    expect(hrefs(readPage(out, "/2024/01/01/a/"), ".story__byline a")).toEqual(["/authors/zoe-muller/", "/authors/ana-ruiz/"]);
  });
});
