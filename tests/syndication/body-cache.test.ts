/**
 * The feed-body cache: a body is rendered once, stored under a name made of the cache key, the
 * content hash of the bytes it was rendered from and the article's URL, served from the folder
 * by a later build, and pruned when no feed lists its article.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bodyCache, bodyId, readCachedBody, saveBodies } from "../../src/syndication/body-cache.ts";
import { createMarkdown } from "../../src/render/markdown.ts";
import type { ArticleSummary } from "../../src/model.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const markdown = createMarkdown("");
const absolute = (url: string) => `https://x.org${url}`;

function archiveOf(files: Record<string, string>) {
  const content = tempDir("gazette-bodies-content-");
  for (const [file, text] of Object.entries(files)) writeFileSync(join(content, file), text);
  return content;
}

const summary = (file: string, url: string) => ({ file, url }) as ArticleSummary;

/** A cache over `content` whose hashes are those of `files`, counting the renders. */
function cacheOver(content: string, files: Record<string, string>, folder: string | undefined, key = "k") {
  const renders: string[] = [];
  const cache = bodyCache({
    content,
    hashOf: (file) => (files[file] === undefined ? undefined : sha1(files[file])),
    render: (md) => (renders.push(md), markdown.render(md)),
    absolute,
    key,
    ...(folder ? { folder } : {}),
  });
  return { cache, renders };
}

describe("bodyId", () => {
  it.each([
    ["another key", ["k2", "h", "/a/"]],
    ["another content hash", ["k", "h2", "/a/"]],
    ["another URL", ["k", "h", "/b/"]],
  ])("differs for %s", (_, [key, hash, url]) => {
    expect(bodyId(key, hash, url)).not.toBe(bodyId("k", "h", "/a/"));
  });

  it("is 32 hex digits and the same for the same inputs", () => {
    expect(bodyId("k", "h", "/a/")).toMatch(/^[0-9a-f]{32}$/);
    expect(bodyId("k", "h", "/a/")).toBe(bodyId("k", "h", "/a/"));
  });
});

describe("bodyCache", () => {
  const FILES = { "a.md": "---\ntitle: A\n---\nSee [the map](map.png).\n", "b.md": "---\ntitle: B\n---\nBody *b*.\n" };
  const a = summary("a.md", "/2024/01/02/a/");
  const b = summary("b.md", "/2024/01/03/b/");

  it("renders the body without front matter, with absolute links, once per build", () => {
    const { cache, renders } = cacheOver(archiveOf(FILES), FILES, undefined);
    expect(cache.get(a)).toBe('<p>See <a href="https://x.org/2024/01/02/a/map.png">the map</a>.</p>\n');
    cache.get(a);
    expect(renders).toEqual(["See [the map](map.png).\n"]);
  });

  it("serves a later build from the folder, renders only what is not there, and prunes what no feed lists", () => {
    const content = archiveOf(FILES);
    const folder = join(tempDir("gazette-bodies-"), "bodies");
    const first = cacheOver(content, FILES, folder);
    const html = first.cache.get(a);
    first.cache.get(b);
    first.cache.save([a, b]);
    expect(readdirSync(folder).sort()).toEqual([`${first.cache.id(a)}.html`, `${first.cache.id(b)}.html`].sort());

    const second = cacheOver(content, FILES, folder);
    expect(second.cache.get(a)).toBe(html);
    expect(second.renders).toEqual([]);
    second.cache.save([a]);
    expect(readdirSync(folder)).toEqual([`${first.cache.id(a)}.html`]);
  });

  it("renders again under another key (another site config or code)", () => {
    const content = archiveOf(FILES);
    const folder = join(tempDir("gazette-bodies-"), "bodies");
    const first = cacheOver(content, FILES, folder, "k1");
    first.cache.get(a);
    first.cache.save([a]);
    const second = cacheOver(content, FILES, folder, "k2");
    second.cache.get(a);
    expect(second.renders).toHaveLength(1);
  });

  it("stores a body under the hash of the bytes it was rendered from, not the hash the build expected", () => {
    const seen = { "a.md": "---\ntitle: A\n---\nOld text.\n" };
    const now = { "a.md": "---\ntitle: A\n---\nNew text.\n" };
    const content = archiveOf(now); // edited after the build hashed `seen`
    const folder = join(tempDir("gazette-bodies-"), "bodies");
    const first = cacheOver(content, seen, folder);
    expect(first.cache.get(a)).toBe("<p>New text.</p>\n");
    first.cache.save([a]);
    // Nothing is stored under the expected name; the next build, seeing the new bytes, finds it.
    expect(existsSync(join(folder, `${bodyId("k", sha1(seen["a.md"]), a.url)}.html`))).toBe(false);
    const second = cacheOver(content, now, folder);
    expect(second.cache.get(a)).toBe("<p>New text.</p>\n");
    expect(second.renders).toEqual([]);
  });

  it("has no id, and renders every time, for an article whose hash is unknown", () => {
    const { cache } = cacheOver(archiveOf(FILES), {}, undefined);
    expect(cache.id(a)).toBeUndefined();
    expect(cache.get(b)).toBe("<p>Body <em>b</em>.</p>\n");
  });

  it("removes leftover temporary files of killed builds on save", () => {
    const content = archiveOf(FILES);
    const folder = tempDir("gazette-bodies-");
    writeFileSync(join(folder, "0123.999.tmp"), "half");
    const { cache } = cacheOver(content, FILES, folder);
    cache.get(a);
    cache.save([a]);
    expect(readdirSync(folder)).toEqual([`${cache.id(a)}.html`]);
  });
});

describe("saveBodies and readCachedBody", () => {
  it("adds bodies under their names, removes the stale ones but those it adds, and reads them back", () => {
    const folder = join(tempDir("gazette-bodies-saved-"), "bodies");
    saveBodies(folder, new Map([["aa", "<p>A</p>"], ["bb", "<p>B</p>"]]));
    saveBodies(folder, new Map([["cc", "<p>C</p>"], ["bb", "<p>B2</p>"]]), ["aa", "bb", "zz"]);
    expect(readdirSync(folder).sort()).toEqual(["bb.html", "cc.html"]);
    expect([readCachedBody(folder, "aa"), readCachedBody(folder, "bb"), readCachedBody(folder, "cc")]).toEqual([undefined, "<p>B2</p>", "<p>C</p>"]);
  });
});
