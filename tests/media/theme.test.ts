/**
 * The theme: accent colours parsed and checked for WCAG AA contrast in both schemes, files
 * named relative to static/, and the backgrounds kept in step with the stylesheet.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accentContrast, BACKGROUNDS, readTheme, themeCss, themeCssPath } from "../../src/media/theme.ts";
import { STYLESHEET_FILE } from "../../src/render/stylesheet.ts";
import { staticCollisions } from "../../src/media/static-files.ts";
import { slugSourceName } from "../../src/content/slugs.ts";
import type { ContentIssue } from "../../src/issues/content-issue.ts";

const at = (path: readonly (string | number)[]) => ({ file: "site.yml", field: path.join("."), line: 1, column: 1 });

describe("readTheme", () => {
  it.each([
    [{ accent: { light: "#8a1c1c", dark: "#f0a1a1" } }, { accent: { light: "#8a1c1c", dark: "#f0a1a1" } }, []],
    [{ accent: { light: "rgb(0, 51, 102)", dark: "hsl(210 100% 80%)" } }, { accent: { light: "#003366", dark: "#99ccff" } }, []],
    [{ accent: { light: "darkgreen", dark: "lightgreen" } }, { accent: { light: "#006400", dark: "#90ee90" } }, []],
    [{ logo: "logo.svg", stylesheet: "/css/newsroom.css", footer: "Lakeside Media, 1 Quay Street" }, { logo: { src: "/logo.svg" }, stylesheet: "/css/newsroom.css", footer: "Lakeside Media, 1 Quay Street" }, []],
    [{ accent: { light: "#ffff00", dark: "#f0a1a1" } }, {}, ["theme-contrast"]],
    [{ accent: { light: "#8a1c1c", dark: "#333333" } }, {}, ["theme-contrast"]],
    [{ accent: "#8a1c1c" }, {}, ["theme-contrast"]],
    [{ accent: { light: "not-a-colour", dark: "#f0a1a1" } }, {}, ["theme-invalid"]],
    [{ accent: { light: "rgba(0,0,0,0.5)", dark: "#f0a1a1" } }, {}, ["theme-invalid"]],
    [{ accent: { light: "#8a1c1c" } }, {}, ["theme-invalid"]],
    [{ logo: "../etc/passwd" }, {}, ["theme-invalid"]],
    [{ logo: "https://cdn.example.org/logo.png" }, {}, ["theme-invalid"]],
    [{ colour: "red" }, {}, ["theme-invalid"]],
    [{ footer: 12 }, {}, ["theme-invalid"]],
  ])("reads %j", (value, expected, codes) => {
    const issues: ContentIssue[] = [];
    expect(readTheme(value, at, issues)).toEqual(expected);
    expect(issues.map((i) => i.code)).toEqual(codes);
  });

  it("says by how much an accent falls short, in which scheme", () => {
    const issues: ContentIssue[] = [];
    readTheme({ accent: { light: "#ffff00", dark: "#f0a1a1" } }, at, issues);
    const ratio = accentContrast("#ffff00", "light") as number;
    expect(issues[0].message).toBe(`The accent #ffff00 has a contrast of ${ratio.toFixed(2)}:1 against the light background ${BACKGROUNDS.light}, ${(4.5 - ratio).toFixed(2)} short of the 4.5:1 WCAG AA asks for.`);
  });

  it.each(["light", "dark"] as const)("measures the %s background against itself as 1:1, and black or white as the extremes", (scheme) => {
    expect(accentContrast(BACKGROUNDS[scheme], scheme)).toBeCloseTo(1, 5);
    const extreme = accentContrast(scheme === "light" ? "#000000" : "#ffffff", scheme) as number;
    const grey = accentContrast("#808080", scheme) as number;
    expect(extreme).toBeGreaterThan(grey);
    expect(extreme).toBeLessThanOrEqual(21);
  });

  it("keeps the backgrounds of both schemes as the stylesheet has them", () => {
    const css = readFileSync(STYLESHEET_FILE, "utf8");
    const papers = [...css.matchAll(/--paper:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1].toLowerCase());
    expect(papers).toEqual([BACKGROUNDS.light, BACKGROUNDS.dark]);
  });

  it("writes the accent as custom properties for both schemes, in a file named by its hash", () => {
    const css = themeCss({ accent: { light: "#003366", dark: "#99ccff" } })!;
    expect(css).toBe(":root { --accent: #003366; }\n@media (prefers-color-scheme: dark) { :root { --accent: #99ccff; } }\n");
    expect(themeCssPath(css)).toMatch(/^\/assets\/theme\.[0-9a-f]{10}\.css$/);
    expect(themeCss({ logo: { src: "/a.svg" } })).toBeUndefined();
  });
});

describe("staticCollisions", () => {
  it.each([
    [["/feed.xml", "/logo.svg"], ["feed.xml", "index.html"], ["static/feed.xml would replace the generated /feed.xml."]],
    [["/index.html"], ["index.html"], ["static/index.html would replace the generated /index.html."]],
    [["/2023/02/18/a/index.html"], ["2023/02/18/a/index.html"], ["static/2023/02/18/a/index.html would replace the generated /2023/02/18/a/index.html."]],
    [["/downloads/rates.pdf"], ["index.html"], []],
  ])("static files %j against outputs %j", (files, outputs, messages) => {
    expect(staticCollisions(files, outputs).map((i) => i.message)).toEqual(messages);
  });
});

describe("slugSourceName (page bundles)", () => {
  it.each([
    ["2023/harbour-budget/index.md", "harbour-budget"],
    ["2023/2023-02-18-Harbour/INDEX.markdown", "2023-02-18-Harbour"],
    ["index.md", "index.md"],
    ["2023/harbour.md", "harbour.md"],
    ["2023/index-of-prices.md", "index-of-prices.md"],
  ])("%s takes its slug from %s", (file, name) => {
    expect(slugSourceName(file)).toBe(name);
  });
});
