/**
 * The pure helpers of src/deploy/: request paths, encodings, content types, host files, base URLs.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { basePathOf, parseBaseUrl, withBaseUrl } from "../../src/deploy/base-url.ts";
import { basePathInFrontPage } from "../../src/deploy/built-base-path.ts";
import { chooseEncoding } from "../../src/deploy/compress-response.ts";
import { contentTypeFor, isCompressible } from "../../src/deploy/content-types.ts";
import { headersFor, parseHeaders } from "../../src/deploy/headers-file.ts";
import { contentSecurityPolicy } from "../../src/render/content-security.ts";
import { CONTENT_SECURITY_POLICY, headerRules, hostFiles, IMMUTABLE, isFingerprinted, SHORT } from "../../src/deploy/host-files.ts";
import { decodeRequestPath, insideFolder } from "../../src/deploy/safe-path.ts";
import type { SiteConfig } from "../../src/model.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

describe("request paths", () => {
  it.each([
    ["/", "/"],
    ["/politics/", "/politics/"],
    ["/caf%C3%A9/", "/café/"],
    ["/a%20b/", "/a b/"],
    ["/%252e%252e/", "/%2e%2e/"],
    ["/a..b/", "/a..b/"],
  ])("reads %s as %s", (raw, path) => {
    expect(decodeRequestPath(raw)).toEqual({ ok: true, path });
  });

  it.each([
    ["/../etc/passwd", "a . or .. segment"],
    ["/a/../../b", "a . or .. segment"],
    ["/%2e%2e/etc/passwd", "a . or .. segment"],
    ["/%2E%2E/etc/passwd", "a . or .. segment"],
    ["/.%2e/x", "a . or .. segment"],
    ["/./x", "a . or .. segment"],
    ["/..%2fetc%2fpasswd", "an encoded slash or backslash"],
    ["/%2F/etc/passwd", "an encoded slash or backslash"],
    ["/..%5c..%5cx", "an encoded slash or backslash"],
    ["/..\\..\\x", "a backslash"],
    ["/index.html%00.css", "a NUL character"],
    ["/%E0%A4%A", "malformed percent-encoding"],
    ["politics/", "the path does not start with /"],
  ])("refuses %s (%s)", (raw, reason) => {
    expect(decodeRequestPath(raw)).toEqual({ ok: false, reason });
  });

  it("finds files inside the folder, and not through a link that points out", () => {
    const root = tempDir("gazette-safe-");
    const site = join(root, "site");
    mkdirSync(join(site, "a"), { recursive: true });
    writeFileSync(join(site, "a/index.html"), "in");
    writeFileSync(join(root, "secret.txt"), "out");
    symlinkSync(join(root, "secret.txt"), join(site, "leak.txt"));
    symlinkSync(join(site, "a/index.html"), join(site, "inner.html"));
    expect(insideFolder(site, join(site, "a/index.html"))).toBe(join(site, "a/index.html"));
    expect(insideFolder(site, join(site, "inner.html"))).toBe(join(site, "a/index.html"));
    expect(insideFolder(site, join(site, "leak.txt"))).toBeUndefined();
    expect(insideFolder(site, join(site, "missing.html"))).toBeUndefined();
    expect(insideFolder(site, join(site, "../secret.txt"))).toBeUndefined();
  });
});

describe("content encodings", () => {
  it.each<[string | undefined, string | undefined]>([
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["br", "br"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=1, br;q=0.5", "gzip"],
    ["*", "br"],
    ["identity", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("for Accept-Encoding %j sends %s", (accept, encoding) => {
    expect(chooseEncoding(accept)).toBe(encoding);
  });
});

describe("content types", () => {
  it.each([
    ["index.html", "text/html; charset=utf-8", true],
    ["assets/gazette.0123456789.css", "text/css; charset=utf-8", true],
    ["pagefind/pagefind.js", "text/javascript; charset=utf-8", true],
    ["search.json", "application/json; charset=utf-8", true],
    ["feed.xml", "application/xml; charset=utf-8", true],
    ["sitemap.xml", "application/xml; charset=utf-8", true],
    ["pagefind/wasm.en.pagefind", "application/octet-stream", false],
    ["pagefind/index/en_1a2b.pf_index", "application/octet-stream", false],
    ["pagefind/pagefind-entry.json", "application/json; charset=utf-8", true],
    ["x.wasm", "application/wasm", true],
    ["photo.JPG", "image/jpeg", false],
    ["photo.webp", "image/webp", false],
    ["photo.avif", "image/avif", false],
    ["logo.svg", "image/svg+xml", true],
    ["unknown.bin", "application/octet-stream", false],
  ])("%s is %s", (file, type, compressible) => {
    expect(contentTypeFor(file)).toBe(type);
    expect(isCompressible(type)).toBe(compressible);
  });
});

describe("host files", () => {
  it.each([
    ["assets/gazette.0123456789.css", true],
    ["assets/photo.1a2b3c4d.webp", true],
    ["assets/gazette.css", false],
    ["2023/02/18/v0.10.0/index.html", false],
    ["index.html", false],
  ])("%s is fingerprinted: %s", (path, expected) => {
    expect(isFingerprinted(path)).toBe(expected);
  });

  const outputs = ["404.html", "_headers", ".nojekyll", "assets/gazette.0123456789.css", "index.html", "politics/index.html", "politics/page/2/index.html", "2023/02/18/a/index.html"];

  it.each<[string, string, string]>([
    ["", "/", SHORT],
    ["", "/index.html", SHORT],
    ["", "/404.html", SHORT],
    ["", "/politics/page/2/", SHORT],
    ["", "/2023/02/18/a/", SHORT],
    ["", "/assets/gazette.0123456789.css", IMMUTABLE],
    ["/archive", "/archive/", SHORT],
    ["/archive", "/archive/assets/gazette.0123456789.css", IMMUTABLE],
    ["/archive", "/archive/2023/02/18/a/", SHORT],
  ])("under %j give %s one Cache-Control, %s, and the security headers", (base, path, cache) => {
    const headers = headersFor(parseHeaders(hostFiles(outputs, base)._headers), path);
    expect(headers["cache-control"]).toBe(cache);
    expect(headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toMatch(/camera=\(\)/);
  });

  it("keeps a folder with any unfingerprinted file on short caching", () => {
    const rules = headerRules(["assets/gazette.0123456789.css", "assets/logo.svg"], "");
    expect(rules.find((r) => r.pattern === "/assets/*")?.headers).toEqual([["Cache-Control", SHORT]]);
  });

  it("writes .nojekyll empty, and no rule for the host files themselves", () => {
    const files = hostFiles(outputs, "");
    expect(files[".nojekyll"]).toBe("");
    expect(files._headers).not.toMatch(/_headers|nojekyll/);
  });

  it("is the pages' own policy, with frame-ancestors that only a header can carry", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(`${contentSecurityPolicy()}; frame-ancestors 'none'`);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    // Search: Pagefind's WebAssembly, from the site's own files only.
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});

describe("base URLs", () => {
  it.each<[string, string | undefined]>([
    ["https://preview.example.org/archive/", "https://preview.example.org/archive"],
    ["https://preview.example.org", "https://preview.example.org"],
    ["http://127.0.0.1:8080/pr-12/", "http://127.0.0.1:8080/pr-12"],
    ["/archive/", undefined],
    ["ftp://example.org/", undefined],
    ["https://example.org/?a=1", undefined],
    ["https://example.org/#x", undefined],
    ["https://user:pw@example.org/", undefined],
    ["not a url", undefined],
  ])("%s reads as %s", (text, expected) => {
    expect(parseBaseUrl(text)).toBe(expected);
  });

  it("replaces the site's url only when given", () => {
    const site = { url: "https://example.org" } as SiteConfig;
    expect(withBaseUrl(site, undefined)).toBe(site);
    expect(withBaseUrl(site, "https://p.example.org/x").url).toBe("https://p.example.org/x");
  });

  it.each([
    ["https://example.org/archive/", "/archive"],
    ["https://example.org/archive", "/archive"],
    ["https://example.org", ""],
  ])("the base path of %s is %j", (url, path) => {
    expect(basePathOf(url)).toBe(path);
  });

  it.each<[string, string | undefined]>([
    ['<link rel="canonical" href="https://example.org/archive/">', "/archive"],
    ['<link rel="canonical" href="https://example.org/">', ""],
    ["<title>No canonical</title>", undefined],
  ])("a front page with %s is served under %j", (html, path) => {
    expect(basePathInFrontPage(html)).toBe(path);
  });
});
