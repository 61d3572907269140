/**
 * site.yml's `theme:` — the newsroom's own look: a logo in the masthead, an accent colour per
 * colour scheme (checked for WCAG AA contrast against the page background), a stylesheet of
 * its own loaded after Gazette's, and a footer in Markdown. Files come from `static/`.
 */
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { imageSize } from "./image-size.ts";
import { readFileSync } from "node:fs";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { FieldLocator } from "../content/image-field.ts";
import { STATIC_FOLDER } from "./static-files.ts";

// culori's one-file build, not its 151 ES modules: every build reads site.yml, and loading
// those modules was a third of a quick rebuild's start-up. Same package, same functions.
const { parse, wcagContrast, formatHex } = createRequire(import.meta.url)("culori/require") as typeof import("culori");

/** The page backgrounds of layouts/assets/gazette.css (`--paper`), light and dark; a test keeps them in step. */
export const BACKGROUNDS = { light: "#fbfaf7", dark: "#16150f" } as const;

/** WCAG 2 AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** A colour scheme. */
export type Scheme = keyof typeof BACKGROUNDS;

/** The validated theme; file paths are site paths of files in static/. */
export interface Theme {
  logo?: { src: string; width?: number; height?: number };
  /** Accent colours as `#rrggbb`. */
  accent?: Record<Scheme, string>;
  stylesheet?: string;
  /** Markdown shown in every page's footer. */
  footer?: string;
  /** A favicon found in static/ (favicon.svg, favicon.png or favicon.ico). */
  favicon?: { href: string; type: string };
}

const KEYS = ["logo", "accent", "stylesheet", "footer"];

/**
 * The contrast of `colour` against a scheme's background, or a message when it is no opaque CSS colour.
 * @example accentContrast("#8a1c1c", "light") // 8.89…
 * @example accentContrast("bogus", "light")   // "is not a CSS colour"
 */
export function accentContrast(colour: string, scheme: Scheme): number | string {
  const parsed = parse(colour);
  if (!parsed) return "is not a CSS colour";
  if (parsed.alpha !== undefined && parsed.alpha < 1) return "is not opaque";
  return wcagContrast(parsed, BACKGROUNDS[scheme]);
}

/**
 * Reads `theme:` from site.yml, pushing `theme-invalid` and `theme-contrast` issues. Files are
 * checked later, against the content folder ({@link resolveThemeFiles}).
 * @example readTheme({ accent: { light: "#8a1c1c", dark: "#f0a1a1" } }, at, []) // { accent: { light: "#8a1c1c", dark: "#f0a1a1" } }
 */
export function readTheme(value: unknown, at: FieldLocator, issues: ContentIssue[]): Theme | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    issues.push(contentIssue("theme-invalid", at(["theme"]), "theme must be a mapping (logo, accent, stylesheet, footer)."));
    return undefined;
  }
  const fields = value as Record<string, unknown>;
  const theme: Theme = {};
  for (const key of Object.keys(fields)) {
    if (!KEYS.includes(key)) issues.push(contentIssue("theme-invalid", at(["theme", key]), `theme.${key} is not a theme setting (${KEYS.join(", ")}).`));
  }
  for (const key of ["logo", "stylesheet"] as const) {
    const file = fields[key];
    if (file === undefined || file === null) continue;
    if (typeof file === "string" && file.trim() && !file.includes("..") && !/^[a-z]+:/i.test(file)) {
      const src = `/${file.trim().replace(/^\/+/, "")}`;
      if (key === "logo") theme.logo = { src };
      else theme.stylesheet = src;
    } else issues.push(contentIssue("theme-invalid", at(["theme", key]), `theme.${key} must be the path of a file in static/, e.g. ${key === "logo" ? "logo.svg" : "newsroom.css"}.`));
  }
  if (fields.footer !== undefined && fields.footer !== null) {
    if (typeof fields.footer === "string" && fields.footer.trim()) theme.footer = fields.footer.trim();
    else issues.push(contentIssue("theme-invalid", at(["theme", "footer"]), "theme.footer must be Markdown text."));
  }
  const accent = readAccent(fields.accent, at, issues);
  if (accent) theme.accent = accent;
  return theme;
}

function readAccent(value: unknown, at: FieldLocator, issues: ContentIssue[]): Record<Scheme, string> | undefined {
  if (value === undefined || value === null) return undefined;
  // One colour means the same accent in both schemes (rarely readable on both backgrounds).
  const given: Partial<Record<Scheme, unknown>> = typeof value === "string" ? { light: value, dark: value } : typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (typeof given.light !== "string" || typeof given.dark !== "string") {
    issues.push(contentIssue("theme-invalid", at(["theme", "accent"]), "theme.accent must be a CSS colour, or light: and dark: colours.", { expected: "accent: { light: \"#8a1c1c\", dark: \"#f0a1a1\" }" }));
    return undefined;
  }
  const result: Partial<Record<Scheme, string>> = {};
  for (const scheme of ["light", "dark"] as const) {
    const colour = given[scheme] as string;
    const path = typeof value === "string" ? ["theme", "accent"] : ["theme", "accent", scheme];
    const contrast = accentContrast(colour, scheme);
    if (typeof contrast === "string") {
      issues.push(contentIssue("theme-invalid", at(path), `theme.accent "${colour}" ${contrast}.`, { expected: "a CSS colour: #rrggbb, rgb(…), hsl(…) or a colour name" }));
    } else if (contrast < MIN_CONTRAST) {
      issues.push(
        contentIssue(
          "theme-contrast",
          at(path),
          `The accent ${colour} has a contrast of ${contrast.toFixed(2)}:1 against the ${scheme} background ${BACKGROUNDS[scheme]}, ${(MIN_CONTRAST - contrast).toFixed(2)} short of the 4.5:1 WCAG AA asks for.`,
          typeof value === "string" ? { hint: "Give light: and dark: accents: one colour is rarely readable on both backgrounds." } : {},
        ),
      );
    } else result[scheme] = formatHex(parse(colour)!);
  }
  return result.light && result.dark ? (result as Record<Scheme, string>) : undefined;
}

const FAVICONS: Array<[string, string]> = [["/favicon.svg", "image/svg+xml"], ["/favicon.png", "image/png"], ["/favicon.ico", "image/x-icon"]];

/**
 * Checks the theme's files against `root/static/`, reads the logo's size and finds a favicon;
 * returns the theme to build with (undefined when there is nothing to apply).
 * @example resolveThemeFiles(theme, "content", issues) // { logo: { src: "/logo.svg", width: 240, height: 48 }, … }
 */
export function resolveThemeFiles(theme: Theme | undefined, root: string, at: FieldLocator, issues: ContentIssue[]): Theme | undefined {
  const inStatic = (src: string) => statSync(join(root, STATIC_FOLDER, src), { throwIfNoEntry: false })?.isFile() === true;
  const resolved: Theme = { ...theme };
  for (const key of ["logo", "stylesheet"] as const) {
    const src = key === "logo" ? theme?.logo?.src : theme?.stylesheet;
    if (src && !inStatic(src)) issues.push(contentIssue("theme-invalid", at(["theme", key]), `theme.${key} names ${STATIC_FOLDER}${src}, which does not exist.`));
  }
  if (resolved.logo && inStatic(resolved.logo.src)) {
    try {
      const size = imageSize(readFileSync(join(root, STATIC_FOLDER, resolved.logo.src)));
      if (size.width && size.height) resolved.logo = { ...resolved.logo, width: size.width, height: size.height };
    } catch {
      issues.push(contentIssue("image-unreadable", at(["theme", "logo"]), `theme.logo ${STATIC_FOLDER}${resolved.logo.src} is not an image.`));
    }
  }
  const favicon = FAVICONS.find(([href]) => inStatic(href));
  if (favicon) resolved.favicon = { href: favicon[0], type: favicon[1] };
  return Object.keys(resolved).length ? resolved : undefined;
}

/**
 * The theme's stylesheet of custom properties (the accent in both schemes), or undefined.
 * @example themeCss({ accent: { light: "#003366", dark: "#99ccff" } }) // ":root { --accent: #003366; }\n@media (prefers-color-scheme: dark) { :root { --accent: #99ccff; } }\n"
 */
export function themeCss(theme: Theme | undefined): string | undefined {
  if (!theme?.accent) return undefined;
  return `:root { --accent: ${theme.accent.light}; }\n@media (prefers-color-scheme: dark) { :root { --accent: ${theme.accent.dark}; } }\n`;
}

/**
 * Where the theme's custom properties are written, with their hash (CSP allows no inline style).
 * @example themeCssPath(":root { … }") // "/assets/theme.1a2b3c4d5e.css"
 */
export function themeCssPath(css: string): string {
  return `/assets/theme.${createHash("sha256").update(css).digest("hex").slice(0, 10)}.css`;
}
