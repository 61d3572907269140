/**
 * Sitemaps of built fixtures: exact membership and lastmod, the index split at a small
 * threshold, the News sitemap's 48-hour window at its boundary, robots.txt, and validation of
 * every file against the schemas kept in tests/fixtures/schemas with xmllint.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { isoDateTime } from "../../src/content/dates.ts";
import { buildFixture, FILES, readOut, RICH } from "./syndication-fixture.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const ORIGIN = "https://tribune.example.org";
const SCHEMAS = fileURLToPath(new URL("../fixtures/schemas/", import.meta.url));
const ny = (local: string) => isoDateTime(DateTime.fromISO(local, { zone: "America/New_York" }));
const xml = new XMLParser({ isArray: (name) => ["url", "sitemap"].includes(name) });

/** Runs xmllint; returns its verdict line(s), throwing on an invalid file with the reasons. */
function xmllint(schemaArgs: string[], file: string): string {
  return execFileSync("xmllint", ["--noout", ...schemaArgs, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
/** xmllint's validity errors of `file` against the News sitemap schemas (none when it validates). */
function schemaErrors(file: string): string[] {
  try {
    xmllint(["--schema", join(SCHEMAS, "news-sitemap-set.xsd")], file);
    return [];
  } catch (error) {
    return String((error as { stderr?: string }).stderr).split("\n").filter((line) => line.includes("validity error"));
  }
}
const validates = (schema: string, file: string) => expect(() => xmllint(["--schema", join(SCHEMAS, schema)], file)).not.toThrow();

let out: string;
beforeAll(async () => {
  out = await buildFixture();
});

const locs = (text: string) => (xml.parse(text).urlset.url ?? []).map((u: { loc: string; lastmod?: string }) => [u.loc.replace(ORIGIN, ""), u.lastmod]);

describe("/sitemap.xml", () => {
  it("lists every article and listing page exactly once with the time it last changed", () => {
    const rich = ny("2024-03-12T18:45:30");
    expect(locs(readOut(out, "sitemap.xml"))).toEqual([
      ["/", rich],
      ["/politics/", rich],
      ["/world/", ny("2024-03-09T12:00:00")],
      ["/world/europe/", ny("2024-03-09T12:00:00")],
      ["/sport/", ny("2023-01-05T00:00:00")],
      ["/corrections/", rich],
      // The date archives, each page's lastmod the newest change among what it lists (perPage 2).
      ["/archive/", rich],
      ["/2024/", rich],
      ["/2024/page/2/", ny("2024-03-08T12:00:00")],
      ["/2023/", ny("2023-01-05T00:00:00")],
      ["/2024/03/", rich],
      ["/2024/03/page/2/", ny("2024-03-08T12:00:00")],
      ["/2023/01/", ny("2023-01-05T00:00:00")],
      ["/2024/03/10/", rich],
      ["/2024/03/09/", ny("2024-03-09T12:00:00")],
      ["/2024/03/08/", ny("2024-03-08T12:00:00")],
      ["/2023/01/05/", ny("2023-01-05T00:00:00")],
      ["/topics/", rich],
      ["/topics/budget/", rich],
      ["/topics/globe/", ny("2024-03-08T12:00:00")],
      ["/topics/harbour/", rich],
      ["/topics/q-a-x/", ny("2024-03-09T12:00:00")],
      ["/topics/r-d/", ny("2024-03-09T12:00:00")],
      ["/authors/", rich],
      ["/authors/elif-sahin/", rich],
      ["/authors/jan-berg/", ny("2024-03-09T12:00:00")],
      ["/authors/mara-keller/", rich],
      [RICH, rich],
      ["/2024/03/09/script-title/", ny("2024-03-09T12:00:00")],
      ["/2024/03/08/world-lead/", ny("2024-03-08T12:00:00")],
      ["/2023/01/05/sport-old/", ny("2023-01-05T00:00:00")],
    ]);
  });

  it("is valid against the sitemap 0.9 schema", () => validates("sitemap.xsd", join(out, "sitemap.xml")));

  it("becomes an index over sitemaps/sitemap-N.xml above the threshold, each part valid", async () => {
    const split = await buildFixture(FILES, { sitemapThreshold: 3 });
    const index = xml.parse(readOut(split, "sitemap.xml")).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    const numbers = Array.from({ length: Math.ceil(locs(readOut(out, "sitemap.xml")).length / 3) }, (_, i) => i + 1);
    expect(index).toEqual(numbers.map((n) => `${ORIGIN}/sitemaps/sitemap-${n}.xml`));
    validates("siteindex.xsd", join(split, "sitemap.xml"));
    const parts = numbers.flatMap((n) => {
      validates("sitemap.xsd", join(split, `sitemaps/sitemap-${n}.xml`));
      const urls = locs(readOut(split, `sitemaps/sitemap-${n}.xml`));
      expect(urls.length).toBeLessThanOrEqual(3);
      return urls;
    });
    expect(parts).toEqual(locs(readOut(out, "sitemap.xml")));
  });
});

describe("/news-sitemap.xml", () => {
  const news = (dir: string) => {
    const set = xml.parse(readOut(dir, "news-sitemap.xml")).urlset;
    return (set.url ?? []).map((u: { loc: string; "news:news": Record<string, unknown> }) => u.loc.replace(ORIGIN, ""));
  };

  it("lists, by default, the articles published within 48 hours of the newest one, with publication, date and title", () => {
    expect(news(out)).toEqual([RICH, "/2024/03/09/script-title/", "/2024/03/08/world-lead/"]);
    const first = xml.parse(readOut(out, "news-sitemap.xml")).urlset.url[0]["news:news"];
    expect(first).toEqual({
      "news:publication": { "news:name": "Tribune Media Group", "news:language": "en" },
      "news:publication_date": ny("2024-03-10T09:30:00"),
      "news:title": "Council approves the harbour budget",
    });
    validates("news-sitemap-set.xsd", join(out, "news-sitemap.xml"));
  });

  // 48 hours of elapsed time, not of wall clock: New York moved its clocks on 2024-03-10.
  const lead = DateTime.fromISO("2024-03-08T12:00:00", { zone: "America/New_York" });
  const at = (dt: DateTime) => dt.toISO({ suppressMilliseconds: true })!;
  it.each([
    ["exactly 48 hours after an article keeps it", at(lead.plus({ hours: 48 })), [RICH, "/2024/03/09/script-title/", "/2024/03/08/world-lead/"]],
    ["one second more drops it", at(lead.plus({ hours: 48, seconds: 1 })), [RICH, "/2024/03/09/script-title/"]],
    ["a now before an article leaves it out", "2024-03-10T09:29:59-04:00", ["/2024/03/09/script-title/", "/2024/03/08/world-lead/"]],
  ])("--now: %s", async (_, now, expected) => {
    const dir = await buildFixture(FILES, { now });
    expect(news(dir)).toEqual(expected);
  });

  it("is an empty urlset, well-formed, when nothing qualifies", async () => {
    const dir = await buildFixture(FILES, { now: "2030-01-01T00:00:00Z" });
    expect(news(dir)).toEqual([]);
    expect(xml.parse(readOut(dir, "news-sitemap.xml")).urlset).toBe("");
    // Well-formed, and against the schemas its one fault is the sitemap 0.9 XSD's rule that a
    // <urlset> holds at least one <url> (Google documents empty News sitemaps as fine; README).
    expect(() => xmllint([], join(dir, "news-sitemap.xml"))).not.toThrow();
    const errors = schemaErrors(join(dir, "news-sitemap.xml"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("Element '{http://www.sitemaps.org/schemas/sitemap/0.9}urlset': Missing child element(s). Expected is one of ( ##other{http://www.sitemaps.org/schemas/sitemap/0.9}*, {http://www.sitemaps.org/schemas/sitemap/0.9}url ).");
  });

  it("is refused by the schema when a required element is missing (the validator is real)", () => {
    const broken = join(tempDir("gazette-news-"), "broken.xml");
    writeFileSync(broken, readOut(out, "news-sitemap.xml").replace(/<news:title>[^<]*<\/news:title>/, ""));
    expect(() => xmllint(["--schema", join(SCHEMAS, "news-sitemap-set.xsd")], broken)).toThrow();
  });
});

describe("/robots.txt", () => {
  it("names both sitemaps by absolute URL", () => {
    const robots = readOut(out, "robots.txt");
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml\n`);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/news-sitemap.xml\n`);
  });
});

describe("--no-feeds", () => {
  it("writes no feeds, sitemaps or robots.txt", async () => {
    const dir = await buildFixture(FILES, { noFeeds: true });
    for (const path of ["feed.xml", "rss.xml", "feed.json", "updates.xml", "sitemap.xml", "news-sitemap.xml", "robots.txt", "politics/feed.xml"]) {
      expect(() => readOut(dir, path)).toThrow();
    }
  });
});
