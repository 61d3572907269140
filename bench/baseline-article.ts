/**
 * The fields both baselines render, taken from one corpus article. The permalink is computed
 * here, once, with the same rule gazette documents (date in the site's zone, slug from the file
 * name), so every tool writes each article to the same URL.
 */
import { basename } from "node:path";
import { DateTime } from "luxon";
import { slugFromFileName } from "../src/content/slugs.ts";
import type { CorpusArticle } from "./corpus-reader.ts";

/** An update note as the baselines show it. */
export interface BaselineUpdate {
  /** ISO 8601 with offset, as written in the corpus. */
  at: string;
  kind: "update" | "correction";
  /** Markdown. */
  text: string;
}

/** What a baseline page shows for one article. */
export interface BaselineArticle {
  title: string;
  /** ISO 8601 with offset, as written in the corpus. */
  date: string;
  slug: string;
  /** Site-relative, e.g. `/2019/11/02/ferry-timetable/`. */
  url: string;
  sectionId: string;
  summary?: string;
  authors: string[];
  topics: string[];
  updates: BaselineUpdate[];
  /** Markdown. */
  body: string;
}

function text(value: unknown, field: string, file: string): string {
  if (typeof value !== "string" || !value.trim()) throw new Error(`${file}: ${field} is missing or not text`);
  return value;
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * Normalises one corpus article for the baselines; throws on anything the generator never writes.
 * @example toBaselineArticle(article, "Europe/Berlin").url // "/2019/11/02/ferry-timetable-delayed-by-rising-costs-32/"
 */
export function toBaselineArticle(article: CorpusArticle, timeZone: string): BaselineArticle {
  const { data, file } = article;
  const date = text(data.date, "date", file);
  const published = DateTime.fromISO(date, { zone: timeZone });
  if (!published.isValid) throw new Error(`${file}: date ${date} is not ISO 8601`);
  const slug = typeof data.slug === "string" ? data.slug : slugFromFileName(basename(file));
  const updates = Array.isArray(data.updates)
    ? data.updates.map((u: Record<string, unknown>) => ({
        at: text(u.at, "updates.at", file),
        kind: u.kind === "correction" ? ("correction" as const) : ("update" as const),
        text: text(u.text, "updates.text", file),
      }))
    : [];
  return {
    title: text(data.title, "title", file),
    date,
    slug,
    url: `/${published.toFormat("yyyy/MM/dd")}/${slug}/`,
    sectionId: text(data.section, "section", file),
    summary: typeof data.summary === "string" ? data.summary : undefined,
    authors: list(data.authors),
    topics: list(data.tags),
    updates,
    body: article.body,
  };
}
