/**
 * The site.yml an import writes into: read when it exists (its zone and sections rule), new
 * when it does not; sections the import needs are added to it by editing the YAML document,
 * so its comments, key order and formatting stay as the newsroom wrote them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { IANAZone } from "luxon";
import { parseDocument, stringify } from "yaml";
import { appendToList } from "./yaml-append.ts";
import { parentOf } from "../archive/sections.ts";
import { readSiteConfig } from "../content/site-config.ts";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { SectionDeclaration, SiteConfig } from "../model.ts";

/** The site an import converts for: its config and the text of site.yml as it is now (absent when new). */
export interface TargetSite {
  site: SiteConfig;
  /** The current text of site.yml, or undefined when the import creates it. */
  text?: string;
  /** site.yml's raw fields, for importer settings such as the wire importer's `sectionMap`. */
  raw: Record<string, unknown>;
}

/** What a new site.yml is made from when the content folder has none. */
export interface NewSiteFacts {
  title?: string;
  url?: string;
  language?: string;
  timeZone?: string;
}

/**
 * Reads `content/site.yml`, or prepares a new one from `facts` (which then need a time zone).
 * @example targetSite("content", {}).site?.timeZone // "Europe/Berlin"
 */
export function targetSite(content: string, facts: NewSiteFacts): { target?: TargetSite; issues: ContentIssue[] } {
  const path = join(content, "site.yml");
  if (existsSync(path)) {
    const text = readFileSync(path, "utf8");
    const { site, issues } = readSiteConfig(text);
    if (!site) return { issues };
    const raw = parseDocument(text).toJS() as Record<string, unknown>;
    return { target: { site, text, raw }, issues: [] };
  }
  if (!facts.timeZone) {
    return { issues: [contentIssue("import-site-zone-missing", { file: "site.yml" }, `There is no site.yml in ${content}, and no --time-zone was given.`)] };
  }
  if (!IANAZone.isValidZone(facts.timeZone)) {
    return { issues: [contentIssue("site-field-invalid", { file: "site.yml", field: "timeZone" }, `The time zone "${facts.timeZone}" is not an IANA zone.`, { expected: "an IANA zone such as Europe/Berlin" })] };
  }
  const site: SiteConfig = {
    title: facts.title?.trim() || "Imported archive",
    url: (facts.url?.trim() || "https://example.org").replace(/\/+$/, ""),
    language: facts.language?.trim() || "en",
    timeZone: facts.timeZone,
    sections: [],
    perPage: 30,
    frontPage: { latest: 12, perSection: 4 },
  };
  return { target: { site, raw: {} }, issues: [] };
}

/**
 * The declarations `wanted` needs that `declared` lacks, parents first, in the order wanted.
 * @example missingSections([{ id: "news", title: "News" }], [{ id: "news/county", title: "County" }]) // [{ id: "news/county", … }]
 */
export function missingSections(declared: readonly SectionDeclaration[], wanted: readonly SectionDeclaration[]): SectionDeclaration[] {
  const have = new Set(declared.map((s) => s.id));
  const titles = new Map(wanted.map((s) => [s.id, s.title]));
  const added: SectionDeclaration[] = [];
  const add = (id: string) => {
    if (have.has(id)) return;
    const parent = parentOf(id);
    if (parent) add(parent);
    have.add(id);
    added.push({ id, title: titles.get(id) ?? titleFromId(id) });
  };
  for (const { id } of wanted) add(id);
  return added;
}

/**
 * site.yml's text with `sections` appended to its `sections` list, everything else untouched.
 * @example withSections("title: T\nsections:\n  - id: a\n    title: A\n", [{ id: "b", title: "B" }]) // "…  - id: b\n    title: B\n"
 */
export function withSections(text: string, sections: readonly SectionDeclaration[]): string {
  if (!sections.length) return text;
  return appendToList(text, "sections", sections.map(({ id, title }) => ({ id, title }))) ?? text;
}

/**
 * The text of a new site.yml.
 * @example newSiteText(site).startsWith("title: ") // true
 */
export function newSiteText(site: SiteConfig): string {
  const fields = { title: site.title, url: site.url, language: site.language, timeZone: site.timeZone, sections: site.sections.map(({ id, title }) => ({ id, title })) };
  return stringify(fields, { lineWidth: 0 });
}

/**
 * A readable title for a section id that has none: its last word, capitalised.
 * @example titleFromId("news/county-council") // "County council"
 */
export function titleFromId(id: string): string {
  const word = (id.split("/").pop() ?? id).replace(/-/g, " ");
  return word.charAt(0).toUpperCase() + word.slice(1);
}
