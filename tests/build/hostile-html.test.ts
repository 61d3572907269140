/**
 * Hostile HTML through the real build: every hostile body of tests/helpers/hostile-html.ts is
 * an article, and markup sits in titles, summaries, tags, author names and update texts. No
 * live script reaches a page, a feed (Atom, RSS, JSON Feed, the updates feed) or the JSON-LD;
 * a migrated article's embed, table and outline come out as the newsroom meant, and the pages
 * pass the Nu Html Checker with the Content-Security-Policy meta in place.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { contentSecurityPolicy } from "../../src/render/content-security.ts";
import { FRAME_SANDBOX } from "../../src/render/html-policy.ts";
import { checkHtml } from "../../verify/html-gate.ts";
import { readPage, tempOut } from "../helpers/built-site.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";
import { HOSTILE_BODIES, liveScriptIn } from "../helpers/hostile-html.ts";

const SECTIONS = ["politics", "world", "world/europe", "sport"];
const MARKUP = '<script>alert(1)</script><img src=x onerror=alert(1)></script><svg onload=alert(1)>';
const YOUTUBE = '<iframe width="640" height="360" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" frameborder="0" allowfullscreen></iframe>';
const MIGRATED = "/2023/03/01/migrated/";

function files(): Record<string, string> {
  const all: Record<string, string> = {};
  HOSTILE_BODIES.forEach(({ body }, i) => {
    const day = String(1 + (i % 28)).padStart(2, "0");
    all[`hostile-${i}.md`] = article([`title: Hostile ${i}`, `date: 2023-02-${day}T10:00:00`, `section: ${SECTIONS[i % SECTIONS.length]}`], `${body}\n`);
  });
  all["markup.md"] = article(
    [
      `title: ${JSON.stringify(`Breaking </script>${MARKUP}`)}`,
      "date: 2023-03-02T10:00:00",
      "section: politics",
      `summary: ${JSON.stringify(`Summary ${MARKUP}`)}`,
      `authors: [${JSON.stringify(`Ann <b onclick=alert(1)>Bold</b>`)}, ${JSON.stringify(`</script><script>alert(1)</script>`)}]`,
      `tags: [${JSON.stringify(`<img src=x onerror=alert(1)>`)}, ${JSON.stringify("javascript:alert(1)")}]`,
      "updates:",
      "  - at: 2023-03-02T12:00:00",
      `    text: ${JSON.stringify(`Update <script>alert(1)</script> <a href="javascript:alert(1)">here</a> <img src=x onerror=alert(1)>`)}`,
      "  - at: 2023-03-02T13:00:00",
      "    kind: correction",
      `    text: ${JSON.stringify(`Corrected <svg onload=alert(1)></svg> [x](javascript:alert(1))`)}`,
    ],
    `Body.\n\n${MARKUP}\n`,
  );
  all["migrated.md"] = article(
    ['title: "Migrated: the harbour in pictures"', "date: 2023-03-01T10:00:00", "section: world"],
    [
      "### The harbour",
      "",
      `Watch "the film":`,
      "",
      YOUTUBE,
      "",
      "##### Results",
      "",
      "| Team | Won |",
      "|---|--:|",
      "| Lakeford | 3 |",
      "",
      '<figure><img src="https://example.org/harbour.jpg" alt="The harbour"><figcaption>The harbour</figcaption></figure>',
      "",
      "<details>",
      "<summary>More</summary>",
      "",
      "Some *detail*, H<sub>2</sub>O and <abbr title=\"European Union\">EU</abbr>.",
      "",
      "</details>",
      "",
    ].join("\n"),
  );
  return all;
}

const made: string[] = [];
afterAll(() => made.forEach((path) => rmSync(path, { recursive: true, force: true })));

async function build(siteYml = SITE_YML): Promise<string> {
  const content = fixtureArchive({ ...files(), "site.yml": siteYml });
  const out = tempOut();
  made.push(content, dirname(out));
  const result = await buildSite({ content, out, cache: false });
  expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  return out;
}

function filesBelow(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(suffix)).sort();
}

const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true });
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const textOf = (value: unknown): string => (typeof value === "object" && value !== null ? String((value as Record<string, unknown>)["#text"] ?? "") : String(value ?? ""));

/** Every piece of HTML a feed reader renders from one feed file: titles, summaries, contents. */
function feedHtml(out: string, file: string): string[] {
  const text = readFileSync(join(out, file), "utf8");
  if (file.endsWith(".json")) {
    const feed = JSON.parse(text) as { items: Record<string, string>[] };
    // JSON Feed's title and summary are plain text; only content_html is HTML.
    return feed.items.map((item) => item.content_html ?? "");
  }
  const doc = xml.parse(text);
  if (doc.rss) return asList(doc.rss.channel.item).flatMap((item: Record<string, unknown>) => [textOf(item.description), textOf(item["content:encoded"]), textOf(item.title)]);
  return asList(doc.feed.entry).flatMap((entry: Record<string, unknown>) => [textOf(entry.content), textOf(entry.summary), textOf(entry.title)]);
}

describe("hostile input through the build (rawHtml: sanitise, the default)", () => {
  let out: string;
  beforeAll(async () => {
    out = await build();
  }, 120_000);

  it("leaves no live script in any page", () => {
    const pages = filesBelow(out, ".html");
    expect(pages.length).toBeGreaterThan(HOSTILE_BODIES.length);
    const found = pages.flatMap((page) => liveScriptIn(readFileSync(join(out, page), "utf8")).map((what) => `${page}: ${what}`));
    expect(found).toEqual([]);
  });

  it("leaves no live script in any feed entry", () => {
    const feeds = [...filesBelow(out, ".xml"), ...filesBelow(out, ".json")].filter((f) => /(^|\/)(feed|rss|updates)\.(xml|json)$/.test(f));
    expect(feeds).toContain("updates.xml");
    const entries = feeds.flatMap((feed) => feedHtml(out, feed).map((html) => [feed, html] as const));
    // Every hostile body is carried by some feed, so each was looked at.
    expect(entries.filter(([, html]) => html.length > 0).length).toBeGreaterThan(HOSTILE_BODIES.length);
    expect(entries.flatMap(([feed, html]) => liveScriptIn(html).map((what) => `${feed}: ${what}`))).toEqual([]);
  });

  it("keeps the JSON-LD a data block that nothing closes early", () => {
    const page = readFileSync(join(out, "2023/03/02/markup/index.html"), "utf8");
    const blocks = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block).not.toMatch(/[<>]/);
    const article = blocks.map((block) => JSON.parse(block)).find((data) => data["@type"] === "NewsArticle");
    expect(article?.headline).toBe(`Breaking </script>${MARKUP}`);
    // Nothing else on the page is a script element.
    expect(page.match(/<script/g)?.length).toBe(blocks.length);
  });

  it("shows markup in a headline, summary, names, tags and update texts as text", () => {
    const page = readPage(out, "/2023/03/02/markup/");
    expect(page.querySelector("h1")?.textContent).toBe(`Breaking </script>${MARKUP}`);
    expect(page.querySelectorAll("script").length).toBe(page.querySelectorAll('script[type="application/ld+json"]').length);
    expect(page.toString()).toContain("Ann &lt;b onclick=alert(1)&gt;Bold&lt;/b&gt;");
  });

  it("puts the Content-Security-Policy on every page, right after the charset", () => {
    for (const page of filesBelow(out, ".html")) {
      expect(readFileSync(join(out, page), "utf8"), page).toContain(`<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy().replace(/'/g, "&#39;")}">`);
    }
  });

  it("renders a migrated body as meant: a sandboxed embed with straight quotes, a table, a figure and an outline from h2", () => {
    const page = readPage(out, MIGRATED);
    const body = page.querySelector("main")!;
    const frame = body.querySelector("iframe")!;
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(frame.getAttribute("sandbox")).toBe(FRAME_SANDBOX);
    expect(frame.getAttribute("loading")).toBe("lazy");
    expect(frame.getAttribute("title")).toBeTruthy();
    expect(readFileSync(join(out, MIGRATED.slice(1), "index.html"), "utf8")).toMatch(/<iframe width="640" height="360" src="[^"“”]+"/);
    expect(body.querySelectorAll("h2, h3, h4, h5, h6").map((h) => h.tagName.toLowerCase())).toEqual(["h2", "h3"]);
    expect(body.querySelector(".table-scroll table td[style='text-align:right']")?.textContent).toBe("3");
    expect(body.querySelector("figure figcaption")?.textContent).toBe("The harbour");
    expect(body.querySelector("details em")?.textContent).toBe("detail");
  });

  it("passes the Nu Html Checker, the CSP meta included", async () => {
    const result = await checkHtml(out);
    expect(result.failures).toEqual([]);
  }, 120_000);
});

describe("rawHtml: escape", () => {
  let out: string;
  beforeAll(async () => {
    out = await build(`${SITE_YML}rawHtml: escape\n`);
  }, 120_000);

  it("shows raw HTML as text, with the tag's own straight quotes, and no live script anywhere", () => {
    const page = readFileSync(join(out, MIGRATED.slice(1), "index.html"), "utf8");
    expect(page).toContain("&lt;iframe width=&quot;640&quot; height=&quot;360&quot;");
    expect(page).not.toContain("<iframe");
    const found = filesBelow(out, ".html").flatMap((file) => liveScriptIn(readFileSync(join(out, file), "utf8")).map((what) => `${file}: ${what}`));
    expect(found).toEqual([]);
  });
});
