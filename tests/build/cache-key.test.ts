/**
 * The cache key covers everything besides the articles that changes the output, and change
 * detection trusts a file's stat only when it proves the file unchanged.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheKey, codeFingerprint, isUnchanged, RACY_MARGIN_MS, runtimeVersions, type FileStamp, type KeyParts } from "../../src/build/build-cache.ts";
import { outputOptions } from "../../src/build/build-options.ts";

const PROJECT_FILES = {
  "src/build/build-site.ts": "export const a = 1;\n",
  "src/render/labels.json": '{ "updated": "Updated" }\n',
  "layouts/article-page.ts": "export const page = 1;\n",
  "layouts/assets/gazette.css": "body { margin: 0 }\n",
  "layouts/partials/footer.html": "<footer></footer>\n",
  ".eleventy.ts": "export default () => {};\n",
  "bin/gazette.mjs": "// launcher\n",
  "package.json": '{ "name": "gazette" }\n',
  "package-lock.json": '{ "packages": { "node_modules/luxon": { "version": "3.7.2" } } }\n',
};

const roots: string[] = [];
function project(change?: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), "gazette-project-"));
  roots.push(root);
  for (const [path, text] of Object.entries(PROJECT_FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  change?.(root);
  return `${root}/`;
}
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const edit = (path: string, text: string) => (root: string) => writeFileSync(join(root, path), text);

describe("the code fingerprint", () => {
  it.each<[string, (root: string) => void]>([
    ["a TypeScript source", edit("src/build/build-site.ts", "export const a = 2;\n")],
    ["a non-TypeScript file under src/", edit("src/render/labels.json", '{ "updated": "Revised" }\n')],
    ["a new file under src/", edit("src/render/extra.txt", "x")],
    ["a layout", edit("layouts/article-page.ts", "export const page = 2;\n")],
    ["a non-TypeScript file under layouts/", edit("layouts/partials/footer.html", "<footer>!</footer>\n")],
    ["the stylesheet", edit("layouts/assets/gazette.css", "body { margin: 1px }\n")],
    [".eleventy.ts", edit(".eleventy.ts", "export default () => 1;\n")],
    ["the launcher", edit("bin/gazette.mjs", "// launcher 2\n")],
    ["package.json", edit("package.json", '{ "name": "gazette", "version": "2" }\n')],
    ["a resolved dependency version in package-lock.json", edit("package-lock.json", '{ "packages": { "node_modules/luxon": { "version": "3.7.3" } } }\n')],
    ["the installed versions (node_modules/.package-lock.json)", (root) => (mkdirSync(join(root, "node_modules")), writeFileSync(join(root, "node_modules/.package-lock.json"), "{}"))],
    ["a renamed file", (root) => (cpSync(join(root, "layouts/partials/footer.html"), join(root, "layouts/partials/foot.html")), rmSync(join(root, "layouts/partials/footer.html")))],
  ])("changes with %s", (_, change) => {
    const base = codeFingerprint(project());
    expect(codeFingerprint(project())).toBe(base);
    expect(codeFingerprint(project(change))).not.toBe(base);
  });
});

describe("the runtime versions", () => {
  const node = { node: "20.20.0", v8: "11.3", icu: "77.1", cldr: "47.0", unicode: "16.0", tz: "2025b" };
  it.each(["node", "v8", "icu", "cldr", "unicode", "tz"])("change with Node's %s version", (name) => {
    expect(runtimeVersions({ ...node, [name]: "0.0" })).not.toBe(runtimeVersions(node));
  });
  it("read this Node's ICU, CLDR, Unicode and time-zone data", () => {
    for (const name of ["icu", "cldr", "unicode", "tz"]) expect(runtimeVersions()).toContain(`${name}=${process.versions[name]}`);
  });
});

describe("the cache key", () => {
  const base: KeyParts = { siteText: "title: A\n", stylesheet: "body{}", options: { drafts: false }, code: "c1", runtime: "node=20" };
  it.each<[string, Partial<KeyParts>]>([
    ["site.yml", { siteText: "title: B\n" }],
    ["the stylesheet", { stylesheet: "body{margin:0}" }],
    ["the drafts option", { options: { drafts: true } }],
    ["the base URL", { options: { drafts: false, baseUrl: "https://preview.example.org" } }],
    ["turning host files off", { options: { drafts: false, hostFiles: false } }],
    ["the --now option", { options: { drafts: false, now: 1_700_000_000_000 } }],
    ["the --no-feeds option", { options: { drafts: false, feeds: false } }],
    ["the generator's code", { code: "c2" }],
    ["the runtime versions", { runtime: "node=22" }],
  ])("changes with %s", (_, change) => {
    expect(cacheKey({ ...base })).toBe(cacheKey(base));
    expect(cacheKey({ ...base, ...change })).not.toBe(cacheKey(base));
  });

  it("takes every output option of a build, and no other", () => {
    expect(outputOptions({ content: "c", out: "o", drafts: true, threads: 2, cache: "x" })).toEqual({ drafts: true, baseUrl: null, hostFiles: true, feeds: true, now: null, sitemapThreshold: 45000, search: 2000 });
    expect(outputOptions({ content: "c", out: "o" })).toEqual({ drafts: false, baseUrl: null, hostFiles: true, feeds: true, now: null, sitemapThreshold: 45000, search: 2000 });
    expect(outputOptions({ content: "c", out: "o", baseUrl: "https://p.example.org/pr-1/", hostFiles: false })).toEqual({ drafts: false, baseUrl: "https://p.example.org/pr-1", hostFiles: false, feeds: true, now: null, sitemapThreshold: 45000, search: 2000 });
    expect(outputOptions({ content: "c", out: "o", noFeeds: true, now: "2024-01-01T00:00:00Z", sitemapThreshold: 3 })).toEqual({ drafts: false, baseUrl: null, hostFiles: true, feeds: false, now: Date.parse("2024-01-01T00:00:00Z"), sitemapThreshold: 3, search: 2000 });
  });

  it.each<[string, object, number | false]>([
    ["search on, default shards", {}, 2000],
    ["search off", { noSearch: true }, false],
    ["smaller shards", { searchShardPages: 500 }, 500],
  ])("takes the search setting: %s", (_, options, search) => {
    expect(outputOptions({ content: "c", out: "o", ...options }).search).toBe(search);
  });

  it("defaults to this project's code and this Node's versions", () => {
    const parts = { siteText: "t", stylesheet: "s", options: { drafts: false } };
    expect(cacheKey(parts)).toBe(cacheKey({ ...parts, code: codeFingerprint(), runtime: runtimeVersions() }));
  });
});

describe("change detection", () => {
  const scannedAtMs = 1_700_000_000_000;
  const old = scannedAtMs - RACY_MARGIN_MS - 1;
  const entry: FileStamp = { size: 100, mtimeMs: old - 5000, ctimeMs: old, ino: 42 };
  it.each<[string, Partial<FileStamp>, number, boolean]>([
    ["the same stat, recorded well before the scan", {}, scannedAtMs, true],
    ["another size", { size: 101 }, scannedAtMs, false],
    ["another mtime", { mtimeMs: old - 4000 }, scannedAtMs, false],
    ["another ctime, as `cp -p` leaves it (same size and mtime)", { ctimeMs: old + 10 }, scannedAtMs, false],
    ["another inode, as `rsync -a` leaves it (same size and mtime)", { ino: 43 }, scannedAtMs, false],
    ["the same stat, recorded within the racy margin of the scan", {}, old + 2, false],
    ["the same stat, recorded after the scan", {}, old - 1000, false],
  ])("with %s", (_, change, scan, unchanged) => {
    expect(isUnchanged(entry, { ...entry, ...change }, scan)).toBe(unchanged);
  });
});
