/**
 * Publishing states through the real build: embargoes (and next-publish.json), previews with
 * the banner, withdrawn articles' tombstones, aliases with their redirect pages and rules, and
 * collisions as errors naming both files.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hasPage, readPage, tempOut, text } from "../helpers/built-site.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const EMBARGO = "2024-05-01T06:00:00-04:00";
const BEFORE = "2024-05-01T05:59:00-04:00";
const AFTER = "2024-05-01T06:00:00-04:00";

const files = {
  "live.md": article(["title: Council meets", "date: 2024-04-01T10:00:00", "section: politics", "aliases: [/old/council-meets/, /old/council.html, '/?p=12']"]),
  "held.md": article(["title: Results at dawn", "date: 2024-04-30T10:00:00", "section: politics", `embargo: "${EMBARGO}"`, "summary: Held until six."]),
  "future.md": article(["title: Dated tomorrow", "date: 2024-05-02T09:00:00", "section: sport"]),
  "draft.md": article(["title: Not ready", "date: 2024-04-02T10:00:00", "section: sport", "draft: true"]),
  "gone.md": article([
    "title: Retracted study",
    "date: 2024-03-01T10:00:00",
    "section: world",
    "status: withdrawn",
    "withdrawn:",
    "  at: 2024-04-15T12:00:00",
    "  reason: The study was retracted by its <b>authors</b>.",
    "aliases: [/old/study/]",
  ]),
};

let content: string;
const outs: Record<string, string> = {};
const reports: Record<string, string> = {};

async function build(name: string, options: Parameters<typeof buildSite>[0] extends infer O ? Partial<O> : never = {}) {
  outs[name] = tempOut();
  reports[name] = tempDir("gazette-report-");
  const result = await buildSite({ content, out: outs[name], cache: false, reportDir: reports[name], ...options });
  expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  return result;
}

beforeAll(async () => {
  content = fixtureArchive(files);
  await build("before", { now: BEFORE });
  await build("after", { now: AFTER });
  await build("preview", { now: BEFORE, preview: true });
});

const page = (name: string, url: string) => readFileSync(join(outs[name], url.replace(/^\//, ""), url.endsWith("/") ? "index.html" : ""), "utf8");

describe("an embargo", () => {
  it("keeps the article out of every page, feed and sitemap until it passes", () => {
    expect(hasPage(outs.before, "/2024/04/30/held/")).toBe(false);
    for (const file of ["index.html", "politics/index.html", "feed.xml", "feed.json", "sitemap.xml", "news-sitemap.xml"]) {
      expect(readFileSync(join(outs.before, file), "utf8")).not.toContain("Results at dawn");
    }
    expect(hasPage(outs.after, "/2024/04/30/held/")).toBe(true);
    expect(text(readPage(outs.after, "/politics/").querySelector("main"))).toContain("Results at dawn");
  });

  it("holds back an article dated in the future the same way", () => {
    expect(hasPage(outs.before, "/2024/05/02/future/")).toBe(false);
    expect(readFileSync(join(outs.before, "sport/index.html"), "utf8")).not.toContain("Dated tomorrow");
  });

  it("is named in next-publish.json in the report folder, never in the site", () => {
    const next = JSON.parse(readFileSync(join(reports.before, "next-publish.json"), "utf8"));
    expect(next.next).toBe("2024-05-01T06:00:00-04:00");
    expect(next.pending.map((p: { file: string }) => p.file)).toEqual(["held.md", "future.md"]);
    const after = JSON.parse(readFileSync(join(reports.after, "next-publish.json"), "utf8"));
    expect(after.pending.map((p: { file: string }) => p.file)).toEqual(["future.md"]);
    for (const name of ["before", "after"]) expect(Object.keys(hashTree(outs[name])).filter((f) => /next-publish|report\.json/.test(f))).toEqual([]);
  });
});

describe("a preview (--preview, or --drafts)", () => {
  it.each([
    ["/2024/04/30/held/", "under embargo until Wednesday, May 1, 2024, 6:00 a.m."],
    ["/2024/05/02/future/", "under embargo until Thursday, May 2, 2024, 9:00 a.m."],
    ["/2024/04/02/draft/", "This is a draft"],
  ])("builds %s with the Not published banner and noindex", (url, note) => {
    const html = page("preview", url);
    const doc = readPage(outs.preview, url);
    expect(text(doc.querySelector(".preview-banner"))).toContain("Not published.");
    expect(text(doc.querySelector(".preview-banner"))).toContain(note);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(html).toContain("<h1");
  });

  it("shows no banner and no noindex on published articles", () => {
    const doc = readPage(outs.preview, "/2024/04/01/live/");
    expect(doc.querySelector(".preview-banner")).toBeNull();
    expect(doc.querySelector('meta[name="robots"]')).toBeNull();
  });
});

describe("a withdrawn article", () => {
  it("keeps a tombstone at its URL: when, why (escaped), a link to its section, noindex", () => {
    const doc = readPage(outs.after, "/2024/03/01/gone/");
    const main = text(doc.querySelector("main"));
    expect(main).toContain("Article withdrawn: Retracted study");
    expect(main).toContain("This article was withdrawn on Monday, April 15, 2024, 12:00 p.m.");
    expect(main).toContain("Reason: The study was retracted by its <b>authors</b>.");
    expect(doc.querySelector("main time")?.getAttribute("datetime")).toBe("2024-04-15T12:00:00-04:00");
    expect(doc.querySelector('main a[href="/world/"]')).not.toBeNull();
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(main).not.toContain("Something happened");
  });

  it("leaves every index, feed and sitemap", () => {
    for (const file of ["index.html", "world/index.html", "feed.xml", "world/feed.xml", "feed.json", "sitemap.xml", "news-sitemap.xml"]) {
      expect(readFileSync(join(outs.after, file), "utf8"), file).not.toContain("Retracted study");
    }
  });
});

describe("aliases", () => {
  it.each([
    ["/old/council-meets/", "old/council-meets/index.html", "/2024/04/01/live/", "Council meets"],
    ["/old/council.html", "old/council.html", "/2024/04/01/live/", "Council meets"],
    ["/old/study/", "old/study/index.html", "/2024/03/01/gone/", "Retracted study"],
  ])("%s gets a redirect page: meta refresh, canonical, a visible link, noindex", (_alias, file, target, title) => {
    const html = readFileSync(join(outs.after, file), "utf8");
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=https://tribune.example.org${target}">`);
    expect(html).toContain(`<link rel="canonical" href="https://tribune.example.org${target}">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`<a href="${target}">${title}</a>`);
  });

  it("gets a line in _redirects and an entry in redirects.json; the query alias only there", () => {
    expect(readFileSync(join(outs.after, "_redirects"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"))).toEqual([
      "/old/council-meets/ /2024/04/01/live/ 301",
      "/old/council.html /2024/04/01/live/ 301",
      "/old/study/ /2024/03/01/gone/ 301",
    ]);
    expect(JSON.parse(readFileSync(join(outs.after, "redirects.json"), "utf8")).redirects.map((r: { from: string }) => r.from)).toEqual([
      "/?p=12",
      "/old/council-meets/",
      "/old/council.html",
      "/old/study/",
    ]);
  });

  it("leaves redirect pages out of the sitemap", () => {
    expect(readFileSync(join(outs.after, "sitemap.xml"), "utf8")).not.toContain("/old/");
  });
});

describe("report.json", () => {
  it("counts articles by state, pages per kind, warnings, embargoes and the time of each stage", () => {
    const report = JSON.parse(readFileSync(join(reports.after, "report.json"), "utf8"));
    expect(report.ok).toBe(true);
    expect(report.articles).toEqual({ files: 5, published: 2, draft: 1, embargoed: 1, withdrawn: 1 });
    expect(report.pages).toMatchObject({ article: 2, tombstone: 1, redirect: 3, front: 1, "not-found": 1, corrections: 1 });
    expect(report.files).toBe(Object.keys(hashTree(outs.after)).filter((f) => f !== ".gazette-site.json").length);
    expect(report.warnings).toBe(0);
    expect(report.embargoes.next).toBe("2024-05-02T09:00:00-04:00");
    expect(Object.keys(report.stages)).toEqual(["load", "articles", "index", "render", "listings", "syndication", "search", "apply"]);
  });
});

describe("a warm build after an embargo passes on the clock", () => {
  afterEach(() => vi.useRealTimers());

  it("publishes the article, byte-identical to a cold build at that time", async () => {
    const dir = tempDir("gazette-embargo-clock-");
    const soon = new Date(Date.now() + 86_400_000);
    const archive = fixtureArchive({ ...files, "held.md": article(["title: Results at dawn", "date: 2024-04-30T10:00:00", "section: politics", `embargo: "${soon.toISOString()}"`]) });
    const out = join(dir, "site");
    const cache = join(dir, "cache");
    const reportDir = join(dir, "reports");
    expect((await buildSite({ content: archive, out, cache, reportDir })).ok).toBe(true);
    expect(existsSync(join(out, "2024/04/30/held/index.html"))).toBe(false);
    const next = JSON.parse(readFileSync(join(reportDir, "next-publish.json"), "utf8"));
    expect(next.nextMs).toBe(soon.getTime());

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(soon.getTime() + 60_000);
    const warm = await buildSite({ content: archive, out, cache, reportDir });
    expect(warm.report.cold).toBe(false);
    expect(existsSync(join(out, "2024/04/30/held/index.html"))).toBe(true);
    const cold = join(dir, "cold");
    await buildSite({ content: archive, out: cold, cache: false, reportDir: false });
    vi.useRealTimers();
    expect(hashTree(out)).toEqual(hashTree(cold));
  });
});

describe("collisions", () => {
  const base = ["date: 2024-04-01T10:00:00", "section: politics"];
  it.each([
    [
      "an alias that is another article's URL",
      { "a.md": article(["title: A", ...base]), "b.md": article(["title: B", ...base, "aliases: [/2024/04/01/a/]"]) },
      ["b.md:5 alias-collision The alias /2024/04/01/a/ is the address of the page /2024/04/01/a/ of a.md."],
    ],
    [
      "an alias that is a withdrawn article's URL",
      { "a.md": article(["title: A", ...base, "status: withdrawn", "withdrawn: { at: 2024-04-02, reason: Wrong }"]), "b.md": article(["title: B", ...base, "aliases: [/2024/04/01/a/]"]) },
      ["b.md:5 alias-collision The alias /2024/04/01/a/ is the address of the page /2024/04/01/a/ of a.md."],
    ],
    [
      "two articles with one alias",
      { "a.md": article(["title: A", ...base, "aliases:", "  - /old/x/"]), "b.md": article(["title: B", ...base, "aliases: [/old/x]"]) },
      ["a.md:6 alias-collision The alias /old/x/ is also an alias (/old/x) in b.md.", "b.md:5 alias-collision The alias /old/x is also an alias (/old/x/) in a.md."],
    ],
    [
      "an alias that is a section page",
      { "a.md": article(["title: A", ...base, "aliases: [/world/]"]) },
      ["a.md:5 alias-collision The alias /world/ is the address of the page /world/ of site.yml (section world)."],
    ],
  ])("%s: an error naming both files", async (_case, archiveFiles, expected) => {
    const { issues } = await loadArchive(fixtureArchive(archiveFiles));
    expect(issues.map((i) => `${i.file}:${i.line} ${i.code} ${i.message}`)).toEqual(expected);
  });

  it("an embargoed article on a published article's URL: an error now, not when the embargo passes", async () => {
    const archive = fixtureArchive({ "a.md": article(["title: A", ...base]), "b/a.md": article(["title: A again", ...base, 'embargo: "2031-01-01T00:00:00Z"']) });
    const { issues } = await loadArchive(archive);
    expect(issues.map((i) => `${i.file} ${i.code}`)).toEqual(["a.md url-duplicate", "b/a.md url-duplicate"]);
  });

  it("an alias that is a file the build writes (a feed): the build fails and writes nothing", async () => {
    const archive = fixtureArchive({ "a.md": article(["title: A", ...base, "aliases: [/feed.xml, /politics/feed.xml]"]) });
    const dir = tempDir("gazette-collide-");
    const result = await buildSite({ content: archive, out: join(dir, "site"), cache: false, reportDir: join(dir, "r") });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => `${i.code} ${i.message}`)).toEqual([
      "alias-collision The alias /feed.xml is the address of the page /feed.xml of the build (a file it writes).",
      "alias-collision The alias /politics/feed.xml is the address of the page /politics/feed.xml of the build (a file it writes).",
    ]);
    expect(readdirSync(dir).sort()).toEqual(["r"]);
    expect(JSON.parse(readFileSync(join(dir, "r/report.json"), "utf8"))).toMatchObject({ ok: false, errors: 2 });
  });
});
