/**
 * Reading and validating `site.yml`. Every problem is reported, with its line, before any
 * article is looked at.
 */
import { IANAZone } from "luxon";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { Publisher, SectionDeclaration, SiteConfig } from "../model.ts";
import { parentOf, SECTION_ID } from "../archive/sections.ts";
import { nearest } from "./suggest.ts";
import { isImageSource, readImage } from "./image-field.ts";
import { parseYaml, type FieldPath } from "./yaml-source.ts";
import { RAW_HTML_MODES, type RawHtmlMode } from "../render/markdown.ts";
import { readAuthors } from "./site-authors.ts";
import { RESERVED_SECTION_ROOTS } from "../navigation/navigation-pages.ts";
import { readImageSettings } from "../media/image-settings.ts";
import { readTheme } from "../media/theme.ts";

/** Defaults for the optional fields of site.yml. */
export const SITE_DEFAULTS = {
  language: "en",
  timeZone: "UTC",
  perPage: 30,
  frontPage: { latest: 12, perSection: 4 },
} as const;

/** The outcome of reading site.yml: a config when there were no errors, and every issue found. */
export interface SiteConfigResult {
  site?: SiteConfig;
  issues: ContentIssue[];
}

/**
 * Parses and validates the text of site.yml.
 * @example readSiteConfig("title: T\nurl: https://x.org\nsections: [{id: a, title: A}]").site?.timeZone // "UTC"
 */
export function readSiteConfig(text: string, file = "site.yml"): SiteConfigResult {
  const source = parseYaml(text);
  if (source.errors.length) {
    return {
      issues: source.errors.map((e) =>
        contentIssue("site-yaml-syntax", { file, line: e.line, column: e.column }, `site.yml is not valid YAML: ${e.message}.`),
      ),
    };
  }
  const issues: ContentIssue[] = [];
  const at = (path: FieldPath) => ({ file, field: path.join("."), ...(source.locate(path) ?? { line: 1, column: 1 }) });
  const data = source.data;
  if (!isRecord(data)) {
    return { issues: [contentIssue("site-field-missing", { file, line: 1, column: 1 }, "site.yml must be a mapping of fields.", { expected: "title, url and sections" })] };
  }

  const title = requiredText(data, "title", at, issues, "the site's name, e.g. The Daily Example");
  const url = readUrl(data, at, issues);
  const language = readLanguage(data, at, issues);
  const timeZone = readTimeZone(data, at, issues);
  const perPage = readCount(data.perPage, ["perPage"], SITE_DEFAULTS.perPage, at, issues);
  const frontPage = isRecord(data.frontPage) ? data.frontPage : {};
  const latest = readCount(frontPage.latest, ["frontPage", "latest"], SITE_DEFAULTS.frontPage.latest, at, issues);
  const perSection = readCount(frontPage.perSection, ["frontPage", "perSection"], SITE_DEFAULTS.frontPage.perSection, at, issues);
  const description = typeof data.description === "string" ? data.description.trim() : undefined;
  const sections = readSections(data.sections, at, issues);
  const publisher = readPublisher(data.publisher, at, issues);
  const image = readImage(data.image, ["image"], at, issues);
  const rawHtml = readRawHtml(data.rawHtml, at, issues);
  const authors = readAuthors(data.authors, at, issues);
  const images = data.images === undefined ? undefined : readImageSettings(data.images, at, issues);
  const theme = readTheme(data.theme, at, issues);

  if (issues.length) return { issues };
  return {
    site: {
      title: title!,
      url: url!,
      language,
      timeZone,
      description,
      ...(publisher ? { publisher } : {}),
      ...(image ? { image } : {}),
      sections,
      perPage,
      frontPage: { latest, perSection },
      ...(rawHtml ? { rawHtml } : {}),
      ...(authors ? { authors } : {}),
      ...(images ? { images } : {}),
      ...(theme ? { theme } : {}),
    },
    issues,
  };
}

/** `rawHtml: sanitise | escape`; absent means the default, sanitise. */
function readRawHtml(value: unknown, at: Locator, issues: ContentIssue[]): RawHtmlMode | undefined {
  if (value === undefined || value === null) return undefined;
  if (RAW_HTML_MODES.includes(value as RawHtmlMode)) return value as RawHtmlMode;
  issues.push(contentIssue("site-field-invalid", at(["rawHtml"]), `site.yml's rawHtml "${String(value)}" is not a raw-HTML mode.`, { expected: `rawHtml: ${RAW_HTML_MODES.join(" or ")}` }));
  return undefined;
}

type Locator = (path: FieldPath) => { file: string; field: string; line: number; column: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requiredText(data: Record<string, unknown>, key: string, at: Locator, issues: ContentIssue[], expected: string): string | undefined {
  const value = data[key];
  if (typeof value === "string" && value.trim()) return value.trim();
  issues.push(
    value === undefined || value === null || value === ""
      ? contentIssue("site-field-missing", at([key]), `site.yml has no ${key}.`, { expected: `${key}: ${expected}` })
      : contentIssue("site-field-invalid", at([key]), `site.yml's ${key} must be text.`, { expected: `${key}: ${expected}` }),
  );
  return undefined;
}

function readUrl(data: Record<string, unknown>, at: Locator, issues: ContentIssue[]): string | undefined {
  const expected = "url: an absolute http(s) address, e.g. https://news.example.org";
  const text = requiredText(data, "url", at, issues, "https://news.example.org");
  if (text === undefined) return undefined;
  try {
    const parsed = new URL(text);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error("not http");
    if (parsed.search || parsed.hash) throw new Error("has query");
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
  } catch {
    issues.push(contentIssue("site-field-invalid", at(["url"]), `site.yml's url "${text}" is not an absolute http(s) address.`, { expected }));
    return undefined;
  }
}

function readLanguage(data: Record<string, unknown>, at: Locator, issues: ContentIssue[]): string {
  const value = data.language ?? SITE_DEFAULTS.language;
  try {
    if (typeof value !== "string") throw new Error("not text");
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    issues.push(contentIssue("site-field-invalid", at(["language"]), `site.yml's language "${String(value)}" is not a BCP 47 language tag.`, { expected: "language: en, en-GB, de, fr-CA, …" }));
    return SITE_DEFAULTS.language;
  }
}

function readTimeZone(data: Record<string, unknown>, at: Locator, issues: ContentIssue[]): string {
  const value = data.timeZone ?? SITE_DEFAULTS.timeZone;
  if (typeof value === "string" && IANAZone.isValidZone(value)) return value;
  issues.push(
    contentIssue("site-field-invalid", at(["timeZone"]), `site.yml's timeZone "${String(value)}" is not an IANA time zone.`, {
      expected: "timeZone: an IANA zone such as Europe/Berlin or America/New_York",
    }),
  );
  return SITE_DEFAULTS.timeZone;
}

function readPublisher(value: unknown, at: Locator, issues: ContentIssue[]): Publisher | undefined {
  if (value === undefined || value === null) return undefined;
  const expected = "publisher: { name: The Daily Example Ltd, logo: /media/logo.png, url: https://example.org }";
  if (!isRecord(value)) {
    issues.push(contentIssue("site-field-invalid", at(["publisher"]), "site.yml's publisher must be a mapping.", { expected }));
    return undefined;
  }
  const name = typeof value.name === "string" ? value.name.trim() : "";
  if (!name) issues.push(contentIssue("site-field-invalid", at(value.name === undefined ? ["publisher"] : ["publisher", "name"]), "site.yml's publisher needs a name.", { expected }));
  const publisher: Publisher = { name };
  for (const key of ["logo", "url"] as const) {
    const field = value[key];
    if (field === undefined || field === null) continue;
    const text = typeof field === "string" ? field.trim() : "";
    const valid = key === "logo" ? isImageSource(text) : /^https?:\/\//.test(text) && isImageSource(text);
    if (valid) publisher[key] = text;
    else issues.push(contentIssue("site-field-invalid", at(["publisher", key]), `site.yml's publisher.${key} must be ${key === "logo" ? "a site-relative path or an http(s) URL" : "an absolute http(s) URL"}.`, { expected }));
  }
  return name ? publisher : undefined;
}

function readCount(value: unknown, path: FieldPath, fallback: number, at: Locator, issues: ContentIssue[]): number {
  if (value === undefined || value === null) return fallback;
  if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 1000) return value as number;
  issues.push(contentIssue("site-field-invalid", at(path), `site.yml's ${path.join(".")} must be a whole number from 1 to 1000.`, { expected: `${path.join(".")}: ${fallback}` }));
  return fallback;
}

function readSections(value: unknown, at: Locator, issues: ContentIssue[]): SectionDeclaration[] {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push(
      contentIssue("site-field-missing", at(["sections"]), "site.yml must declare at least one section.", {
        expected: "sections: a list of { id, title }, e.g. - id: politics / title: Politics",
      }),
    );
    return [];
  }
  const sections: SectionDeclaration[] = [];
  const seen = new Set<string>();
  value.forEach((item, index) => {
    const id = isRecord(item) && typeof item.id === "string" ? item.id.trim() : undefined;
    const title = isRecord(item) && typeof item.title === "string" ? item.title.trim() : "";
    if (!id || !SECTION_ID.test(id)) {
      issues.push(contentIssue("site-section-invalid", at(["sections", index, "id"]), `Section ${index + 1} has no valid id${id ? ` ("${id}")` : ""}.`));
      return;
    }
    if (!title) {
      issues.push(contentIssue("site-section-invalid", at(["sections", index]), `Section "${id}" has no title.`));
      return;
    }
    if (RESERVED_SECTION_ROOTS.includes(id.split("/")[0])) {
      issues.push(contentIssue("site-section-reserved", at(["sections", index, "id"]), `Section "${id}" would be written over the site's own /${id.split("/")[0]}/ pages.`));
      return;
    }
    if (seen.has(id)) {
      issues.push(contentIssue("site-section-duplicate", at(["sections", index, "id"]), `Section "${id}" is declared twice.`));
      return;
    }
    seen.add(id);
    sections.push({ id, title });
  });
  sections.forEach((section) => {
    const parent = parentOf(section.id);
    if (parent && !seen.has(parent)) {
      const index = value.findIndex((item) => isRecord(item) && item.id === section.id);
      const suggestion = nearest(parent, [...seen]);
      issues.push(
        contentIssue("site-section-parent-missing", at(["sections", index, "id"]), `Section "${section.id}" is nested under "${parent}", which is not declared.`, {
          hint: suggestion ? `Declare "${parent}", or did you mean "${section.id.replace(parent, suggestion)}"?` : `Declare "${parent}" as a section too.`,
        }),
      );
    }
  });
  return sections;
}
