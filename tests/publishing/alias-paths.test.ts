/**
 * Aliases as paths: which are safe site paths, and where their redirect pages go. Hostile
 * paths ("..", encoded dots and slashes, NUL, Windows device names, look-alikes) never lead a
 * page outside the output folder: a property test tries any text.
 */
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aliasKey, aliasPagePath, aliasProblem, encodedAlias, isWindowsReserved } from "../../src/publishing/alias-paths.ts";

describe("aliasProblem", () => {
  it.each([
    "/old/path/",
    "/old/path",
    "/2019/05/old-slug.html",
    "/?p=12",
    "/archives/?p=12&lang=en",
    "/café/",
    "/caf%C3%A9/",
    "/news/2019/05/a.b.c/",
    // Look-alikes of "/" and "." are ordinary characters: a folder of that name, inside the site.
    "/a\uff0fb/",
    "/\u2024\u2024/",
    "/a\u2215b/",
  ])("accepts %s", (alias) => {
    expect(aliasProblem(alias)).toBeUndefined();
  });

  it.each([
    ["old/path/", "does not start with /"],
    ["//evil.example/", "starts with //"],
    ["/a/../b/", "dot segment"],
    ["/a/./b/", "dot segment"],
    ["/a/%2e%2e/b/", "dot segment"],
    ["/a/%2E%2E/", "dot segment"],
    ["/a/.%2e/", "dot segment"],
    ["/a/%2e/", "dot segment"],
    ["/a%2fb/", "encodes a slash"],
    ["/a%2F..%2Fb/", "encodes a slash"],
    ["/a%5cb/", "encodes a slash, a backslash"],
    ["/a%00b/", "control character"],
    ["/a\u0000b/", "control character"],
    ["/a\\b/", "backslash"],
    ["/a b/", "space"],
    ["/a#top", "#"],
    ["/%zz/", "not valid percent-encoding"],
    ["/con/", "Windows reserves"],
    ["/NUL.html", "Windows reserves"],
    ["/lpt1/", "Windows reserves"],
    ["/a./", "ends in a dot"],
    ["/a:b/", "cannot carry"],
    ["/a*/", "cannot carry"],
    ["/a//b/", "empty segment"],
    [`/${"a".repeat(201)}/`, "longer than 200 bytes"],
  ])("refuses %s (%s)", (alias, why) => {
    expect(aliasProblem(alias)).toContain(why);
  });
});

describe("aliasPagePath", () => {
  it.each([
    ["/old/path/", "old/path/index.html"],
    ["/old/path", "old/path/index.html"],
    ["/old/story.html", "old/story.html"],
    ["/old/story.HTM", "old/story.HTM"],
    ["/caf%C3%A9/", "café/index.html"],
    ["/café/", "café/index.html"],
    ["/?p=12", undefined],
    ["/feed.php", undefined],
  ])("%s → %s", (alias, path) => {
    expect(aliasPagePath(alias)).toBe(path);
  });

  it("compares aliases by the file they are served from", () => {
    expect(aliasKey("/old/path")).toBe(aliasKey("/old/path/"));
    expect(aliasKey("/caf%C3%A9/")).toBe(aliasKey("/café/"));
    expect(aliasKey("/?p=12")).toBe("/?p=12");
  });

  it("encodes an alias once for the host's rules", () => {
    expect(encodedAlias("/café/")).toBe("/caf%C3%A9/");
    expect(encodedAlias("/caf%C3%A9/")).toBe("/caf%C3%A9/");
    expect(encodedAlias("/?p=12")).toBe("/?p=12");
  });

  it("knows the Windows device names, with or without an extension", () => {
    expect(["con", "PRN", "aux.html", "com1", "LPT9.txt"].every(isWindowsReserved)).toBe(true);
    expect(["console", "auxiliary", "com", "lpt10"].some(isWindowsReserved)).toBe(false);
  });
});

describe("any alias, however hostile", () => {
  const hostile = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.array(fc.constantFrom("/", "..", ".", "%2e", "%2E", "%2f", "%5c", "%00", "\\", "\u0000", "con", "a", "é", "\uff0f", "?", "%", "index.html", ".html"), { maxLength: 12 }).map((parts) => parts.join("")),
    fc.array(fc.constantFrom("..", ".", "%2e%2e", "a", "%2fb", "nul", "x.html"), { maxLength: 6 }).map((parts) => `/${parts.join("/")}/`),
  );

  it("is refused, or has a page inside the output folder (or none)", () => {
    const out = resolve("/srv/site");
    fc.assert(
      fc.property(hostile, (alias) => {
        if (aliasProblem(alias) !== undefined) return;
        const path = aliasPagePath(alias);
        if (path === undefined) return;
        const target = resolve(out, path);
        expect(target.startsWith(`${out}/`)).toBe(true);
        expect(path.split("/")).not.toContain("..");
        expect(path).not.toMatch(/[\u0000\\]/);
      }),
      { numRuns: 3000 },
    );
  });
});
