/**
 * The `_headers` and `_redirects` formats and their URL patterns, as tables of cases.
 */
import { describe, expect, it } from "vitest";
import { headersFor, parseHeaders, renderHeaders, type HeaderRule } from "../../src/deploy/headers-file.ts";
import { compilePattern, fillTarget } from "../../src/deploy/path-pattern.ts";
import { matchRedirect, parseRedirects } from "../../src/deploy/redirects-file.ts";

describe("path patterns", () => {
  it.each<[string, string, Record<string, string> | undefined]>([
    ["/about/", "/about/", {}],
    ["/about/", "/about", undefined],
    ["/old/*", "/old/a/b/", { splat: "a/b/" }],
    ["/old/*", "/older/a", undefined],
    ["/:year/:slug/", "/2023/storm/", { year: "2023", slug: "storm" }],
    ["/:year/:slug/", "/2023/a/b/", undefined],
    ["/a.b/*", "/aXb/c", undefined],
    ["/archive/*", "/archive/", { splat: "" }],
  ])("%s against %s", (pattern, path, expected) => {
    expect(compilePattern(pattern).match(path)).toEqual(expected);
  });

  it.each([
    ["/new/:splat", { splat: "a/b" }, "/new/a/b"],
    ["/:year/x/", { year: "2023" }, "/2023/x/"],
    ["/:unknown/", {}, "/:unknown/"],
  ])("fills %s", (target, values, expected) => {
    expect(fillTarget(target, values)).toBe(expected);
  });
});

describe("_headers", () => {
  const text = "# comment\n/*\n  X-Frame-Options: DENY\n  Cache-Control: max-age=60\n/assets/*\n  ! Cache-Control\n  Cache-Control: max-age=31536000\n/news/:slug/\n  X-Robots-Tag: noindex\n";
  const table = parseHeaders(text);

  it("reads rules, headers and detached headers", () => {
    expect(table.issues).toEqual([]);
    expect(table.rules.map(({ pattern, headers, detach }) => ({ pattern, headers, detach }))).toEqual([
      { pattern: "/*", headers: [["X-Frame-Options", "DENY"], ["Cache-Control", "max-age=60"]], detach: [] },
      { pattern: "/assets/*", headers: [["Cache-Control", "max-age=31536000"]], detach: ["Cache-Control"] },
      { pattern: "/news/:slug/", headers: [["X-Robots-Tag", "noindex"]], detach: [] },
    ]);
  });

  it.each<[string, Record<string, string>]>([
    ["/", { "x-frame-options": "DENY", "cache-control": "max-age=60" }],
    ["/assets/a.css", { "x-frame-options": "DENY", "cache-control": "max-age=31536000" }],
    ["/news/storm/", { "x-frame-options": "DENY", "cache-control": "max-age=60", "x-robots-tag": "noindex" }],
  ])("gives %s its headers", (path, expected) => {
    expect(headersFor(table, path)).toEqual(expected);
  });

  it("joins a header two matching rules set, as hosts do", () => {
    expect(headersFor(parseHeaders("/*\n  Cache-Control: a\n/x/*\n  Cache-Control: b\n"), "/x/y")).toEqual({ "cache-control": "a, b" });
  });

  it("reads back what it renders", () => {
    const rules: HeaderRule[] = [{ pattern: "/*", headers: [["A", "1"]] }, { pattern: "/b/*", headers: [["B", "2; x=3"]], detach: ["A"] }];
    expect(parseHeaders(renderHeaders(rules)).rules.map(({ pattern, headers, detach }) => ({ pattern, headers, detach }))).toEqual(rules.map((r) => ({ ...r, detach: r.detach ?? [] })));
  });

  it.each([
    ["a header before any path", "  X-A: 1\n", 1],
    ["a line that is neither", "/*\n  not a header\n", 2],
    ["a path without a slash", "assets/*\n", 1],
  ])("reports %s as headers-invalid with its line", (_, text, line) => {
    const { issues } = parseHeaders(text);
    expect(issues.map((i) => [i.code, i.severity, i.file, i.line])).toEqual([["headers-invalid", "warning", "_headers", line]]);
  });
});

describe("_redirects", () => {
  const table = parseRedirects("# moved\n/old-politics/* /politics/:splat 301\n/feed /feed.xml 302 # a comment\n/gone/ /404.html 410\n/shadow /x/ 301!\n/rewrite/:slug/ /2023/:slug/ 200\n/default /x/\n");

  it("reads every rule with its status", () => {
    expect(table.issues).toEqual([]);
    expect(table.rules.map((r) => [r.from, r.to, r.status, r.force, r.line])).toEqual([
      ["/old-politics/*", "/politics/:splat", 301, false, 2],
      ["/feed", "/feed.xml", 302, false, 3],
      ["/gone/", "/404.html", 410, false, 4],
      ["/shadow", "/x/", 301, true, 5],
      ["/rewrite/:slug/", "/2023/:slug/", 200, false, 6],
      ["/default", "/x/", 301, false, 7],
    ]);
  });

  it.each<[string, string | undefined, number | undefined]>([
    ["/old-politics/page/2/", "/politics/page/2/", 301],
    ["/feed", "/feed.xml", 302],
    ["/rewrite/storm/", "/2023/storm/", 200],
    ["/politics/", undefined, undefined],
  ])("sends %s to %s", (path, location, status) => {
    const found = matchRedirect(table, path);
    expect(found?.location).toBe(location);
    expect(found?.rule.status).toBe(status);
  });

  it.each([
    ["a rule without a target", "/only-from\n", 1],
    ["a path without a slash", "old /new 301\n", 1],
    ["an unknown status", "/a /b 299\n", 1],
    ["conditions", "/a /b 302 Country=de\n", 1],
    ["the second line", "/a /b\n/c\n", 2],
  ])("reports %s as redirects-invalid with its line", (_, text, line) => {
    const { issues, rules } = parseRedirects(text);
    expect(issues.map((i) => [i.code, i.severity, i.file, i.line])).toEqual([["redirects-invalid", "warning", "_redirects", line]]);
    expect(rules.every((r) => r.line !== line)).toBe(true);
  });
});
