/**
 * A warm build writes only the syndication files whose inputs changed: feeds of scopes the
 * edited article is not in, and a sitemap whose URLs and times are the same, stay as they are
 * (same inode and mtime); bodies come from the cache; and the result still equals a cold build
 * byte for byte.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, stageArticles } from "../../src/build/build-site.ts";
import { discardStaging } from "../../src/build/output-folder.ts";
import { syndicationCacheFiles, syndicationCacheOf, writeSyndication } from "../../src/syndication/write-syndication.ts";
import { manifestPath } from "../../src/build/build-cache.ts";
import { fixtureArchive } from "../helpers/fixture-archive.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { FILES, MAP_VARIANT, RICH } from "./syndication-fixture.ts";

const FEEDS = ["feed.xml", "rss.xml", "feed.json"];
const scopeFeeds = (scope: string) => FEEDS.map((f) => `${scope}${f}`);
const stamp = (out: string, path: string) => {
  const s = statSync(join(out, path));
  return `${s.ino}:${s.mtimeMs}`;
};

async function setup() {
  const content = fixtureArchive(FILES);
  const work = tempDir("gazette-warm-synd-");
  const [out, cache, cold] = [join(work, "site"), join(work, "cache"), join(work, "cold")];
  const build = async (target = out, withCache: string | false = cache) => {
    const result = await buildSite({ content, out: target, cache: withCache, threads: 1 });
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    return result;
  };
  await build();
  const everything = Object.keys(hashTree(out));
  const stamps = () => Object.fromEntries(everything.filter((p) => statSync(join(out, p), { throwIfNoEntry: false })).map((p) => [p, stamp(out, p)]));
  const equalsCold = async () => {
    rmSync(cold, { recursive: true, force: true });
    await build(cold, false);
    expect(hashTree(out)).toEqual(hashTree(cold));
  };
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(content, file);
    writeFileSync(path, change(readFileSync(path, "utf8")));
  };
  // The syndication step of the next warm build on its own, into a staging folder that is then
  // thrown away: which files it writes. (The real build after it regenerates everything, since
  // the cache's stamp then names a build that was never put in place.)
  const wouldWrite = async () => {
    const staged = await stageArticles({ content, out, cache, threads: 1 });
    if ("issues" in staged) throw new Error(JSON.stringify(staged.issues));
    try {
      return (await writeSyndication(staged.prepared, staged.staging, syndicationCacheOf(staged))).sort();
    } finally {
      discardStaging(staged.staging);
      staged.claim.lock.release();
    }
  };
  return { content, out, cache, build, stamps, equalsCold, edit, wouldWrite };
}

describe("warm syndication", () => {
  it("after a body edit of a sport story, rewrites only the site's and sport's feeds; sitemaps and other feeds stay", async () => {
    const s = await setup();
    const before = s.stamps();
    s.edit("sport-old.md", (t) => `${t}\nA new paragraph.\n`);
    expect(await s.wouldWrite()).toEqual([...scopeFeeds(""), ...scopeFeeds("sport/"), "news-sitemap.xml", "robots.txt"].sort());
    await s.build();
    const after = s.stamps();
    const changed = Object.keys(before).filter((p) => before[p] !== after[p] && /(feed|rss|sitemap|updates)/.test(p)).sort();
    expect(changed).toEqual([...scopeFeeds(""), ...scopeFeeds("sport/")].sort());
    await s.equalsCold();
  });

  it("after a new update, rewrites the updates feed, the sitemap and the article's scopes' feeds", async () => {
    const s = await setup();
    const before = s.stamps();
    s.edit("harbour-budget.md", (t) => t.replace("updates:\n", 'updates:\n  - at: 2024-03-13T07:00:00\n    text: "A fourth note."\n'));
    // The feeds of every page that lists the article: the site, its section, its topics and authors.
    const scopes = ["", "politics/", "topics/budget/", "topics/harbour/", "authors/elif-sahin/", "authors/mara-keller/"];
    const syndication = [...scopes.flatMap(scopeFeeds), "sitemap.xml", "updates.json", "updates.xml"];
    expect(await s.wouldWrite()).toEqual([...syndication, "news-sitemap.xml", "robots.txt"].sort());
    await s.build();
    const after = s.stamps();
    const changed = Object.keys(before).filter((p) => before[p] !== after[p] && /(feed|rss|sitemap|updates)/.test(p)).sort();
    expect(changed).toEqual(syndication.sort());
    await s.equalsCold();
  });

  it("writes nothing but the small files when nothing changed, and a feed again that was deleted by hand", async () => {
    const s = await setup();
    expect(await s.wouldWrite()).toEqual(["news-sitemap.xml", "robots.txt"]);
    rmSync(join(s.out, "world/europe/rss.xml"));
    expect(await s.wouldWrite()).toEqual([...scopeFeeds("world/europe/"), "news-sitemap.xml", "robots.txt"].sort());
    await s.build();
    expect(statSync(join(s.out, "world/europe/rss.xml")).isFile()).toBe(true);
    await s.equalsCold();
  });

  it("keeps one body per feed article in the cache, and reuses them: a warm build renders none of the unchanged", async () => {
    const s = await setup();
    const { bodies } = syndicationCacheFiles(manifestPath(s.cache, s.content, s.out));
    const names = () => readdirSync(bodies).sort();
    const first = names();
    expect(first).toHaveLength(Object.keys(FILES).filter((f) => f.endsWith(".md")).length);
    const times = Object.fromEntries(first.map((n) => [n, statSync(join(bodies, n)).mtimeMs]));
    s.edit("world-lead.md", (t) => `${t}\nMore from the world.\n`);
    await s.build();
    const second = names();
    // One body replaced (a new content hash, a new name); the others untouched.
    expect(second.filter((n) => !first.includes(n))).toHaveLength(1);
    expect(first.filter((n) => !second.includes(n))).toHaveLength(1);
    for (const n of second.filter((n) => first.includes(n))) expect(statSync(join(bodies, n)).mtimeMs).toBe(times[n]);
    await s.equalsCold();
  });

  it("serves a body from the cache by content: reverting an edit gives the first build's feed back", async () => {
    const s = await setup();
    const original = readFileSync(join(s.out, "politics/feed.xml"), "utf8");
    const text = readFileSync(join(s.content, "harbour-budget.md"), "utf8");
    s.edit("harbour-budget.md", (t) => t.replace("The council voted.", "The council voted late."));
    await s.build();
    expect(readFileSync(join(s.out, "politics/feed.xml"), "utf8")).toContain("The council voted late.");
    writeFileSync(join(s.content, "harbour-budget.md"), text);
    await s.build();
    expect(readFileSync(join(s.out, "politics/feed.xml"), "utf8")).toBe(original);
    expect(readFileSync(join(s.out, "feed.json"), "utf8")).toMatch(MAP_VARIANT);
    await s.equalsCold();
  });
});
