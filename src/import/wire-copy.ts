/**
 * Reading plain-text wire copy: a `date YYYY-MM-DD <section words>` line, an optional teaser,
 * update paragraphs ("Update from Saturday, February 18, 2:16 p.m.: …"), the headline, a
 * body whose first paragraph may open with a `CITY –` dateline, short lines as subheads, and
 * the author's initials in parentheses at the end. Everything that cannot be understood is
 * reported with its line; a result is given only when there is nothing to report.
 */
import { DateTime } from "luxon";
import { isoDateTime, readDate } from "../content/dates.ts";
import { slugFromFileName } from "../content/slugs.ts";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { ArticleFields, UpdateFields } from "./front-matter-writer.ts";
import { escapeMarkdown } from "./markdown-text.ts";

/** What the parser needs to know about the site. */
export interface WireOptions {
  timeZone: string;
  /** The section id for the words of the date line, or undefined when they name none. */
  sectionFor(words: string): string | undefined;
}

/** Converted copy: fields and Markdown body, or the problems found. */
export interface WireResult {
  article?: { fields: ArticleFields; body: string; slug: string };
  issues: ContentIssue[];
}

interface Paragraph {
  text: string;
  line: number;
  lines: number;
}

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(\S.*?)\s*$/i;
const UPDATE_START = /^(Update|Correction) from\b/;
const UPDATE_LABEL = /^(Update|Correction) from ([A-Za-z]+), ([A-Za-z]+) (\d{1,2}), (\d{1,2}):(\d{2}) ([ap])\.m\.:\s*/;
const DATELINE = /^(\p{Lu}[\p{Lu}\p{M} .'’/-]*\p{Lu}\.?)\s+[–—-]\s+(?=\S)/u;
const INITIALS = /\s*\(([a-z]{1,4}(?:\s*[/,]\s*[a-z]{1,4})*)\)\s*$/i;
const SENTENCE_END = /[.!;:,…]["”’»)\]]*$/;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** Longer than this, a line is a paragraph even without a full stop. */
export const SHORT_LINE = 140;

/**
 * Parses one piece of wire copy.
 * @example parseWireCopy("date 2023-02-18 politics\n\nHeadline\n\nText.", "a.txt", options).article?.fields.title // "Headline"
 */
export function parseWireCopy(text: string, file: string, options: WireOptions): WireResult {
  const paragraphs = splitParagraphs(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const issues: ContentIssue[] = [];
  const first = paragraphs.shift();
  const dateMatch = first && first.lines === 1 ? DATE_LINE.exec(first.text) : null;
  const dateReading = dateMatch ? readDate(dateMatch[1], options.timeZone) : undefined;
  if (!dateMatch || !dateReading?.ok) {
    const why = dateReading && !dateReading.ok ? `: ${dateReading.reason}` : "";
    issues.push(contentIssue("import-wire-date-line", { file, line: first?.line ?? 1, column: 1 }, `The copy does not start with a readable date line${why}.`));
    return { issues };
  }
  const published = dateReading.value;
  const section = options.sectionFor(dateMatch[2]);
  if (!section) {
    issues.push(contentIssue("import-section-unmapped", { file, line: first!.line, column: 1 }, `The section words "${dateMatch[2]}" name no section of the site.`));
  }
  const updates: UpdateFields[] = [];
  const teaser: string[] = [];
  const body: string[] = [];
  let title: string | undefined;
  let dateline: string | undefined;
  let authors: string[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (UPDATE_START.test(paragraph.text)) {
      const update = readUpdate(paragraph, published, options.timeZone, file, issues);
      if (update) updates.push(update);
      return;
    }
    let text = paragraph.text;
    if (index === paragraphs.length - 1) {
      const initials = INITIALS.exec(text);
      if (initials) {
        authors = initials[1].split(/\s*[/,]\s*/).map((s) => s.toLowerCase());
        text = text.slice(0, initials.index);
      }
    }
    if (title === undefined) {
      if (isShortLine(paragraph, text)) title = text.trim();
      else teaser.push(text.replace(/\s*\n\s*/g, " ").trim());
      return;
    }
    if (!body.length && dateline === undefined) {
      const match = DATELINE.exec(text);
      if (match) {
        dateline = match[1];
        text = text.slice(match[0].length);
      }
    }
    if (text.trim()) body.push(isShortLine(paragraph, text) && body.length ? `## ${escapeMarkdown(text.trim())}` : escapeMarkdown(text.trim()));
  });
  if (title === undefined) {
    issues.push(contentIssue("import-wire-headline-missing", { file, line: first!.line + 1, column: 1 }, "The copy has no headline: no short line without a closing full stop after the date line."));
  }
  if (issues.length || !title || !section) return { issues };
  const slug = headlineSlug(title);
  const fields: ArticleFields = {
    title,
    date: dateMatch[1],
    section,
    summary: teaser.join(" ") || undefined,
    dateline,
    authors,
    updates: updates.sort((a, b) => (a.at < b.at ? -1 : 1)),
  };
  return { article: { fields, body: body.join("\n\n"), slug }, issues };
}

/**
 * A slug from a headline: the file-name rules, cut at a word near 80 characters.
 * @example headlineSlug("Council approves the harbour budget") // "council-approves-the-harbour-budget"
 */
export function headlineSlug(headline: string): string {
  const slug = slugFromFileName(headline.replace(/['’]/g, "").replace(/\./g, " "));
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 81);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : 80).replace(/-+$/, "");
}

function isShortLine(paragraph: Paragraph, text: string): boolean {
  const trimmed = text.trim();
  return paragraph.lines === 1 && trimmed.length > 0 && trimmed.length <= SHORT_LINE && !SENTENCE_END.test(trimmed);
}

function readUpdate(paragraph: Paragraph, published: DateTime, zone: string, file: string, issues: ContentIssue[]): UpdateFields | undefined {
  const where = { file, line: paragraph.line, column: 1 };
  const match = UPDATE_LABEL.exec(paragraph.text);
  const month = match ? MONTHS.indexOf(match[3].toLowerCase()) + 1 : 0;
  const hour = match ? Number(match[5]) : 0;
  if (!match || !month || hour < 1 || hour > 12 || Number(match[6]) > 59) {
    issues.push(contentIssue("import-wire-update-invalid", where, `The update label "${paragraph.text.slice(0, 60)}…" cannot be read as a weekday, month, day and time.`));
    return undefined;
  }
  const hour24 = (hour % 12) + (match[7] === "p" ? 12 : 0);
  const local = (year: number) => `${year}-${pad(month)}-${pad(Number(match[4]))} ${pad(hour24)}:${match[6]}`;
  let reading = readDate(local(published.year), zone);
  // An update in January to a story from December belongs to the next year.
  if (reading.ok && reading.value < published) reading = readDate(local(published.year + 1), zone);
  if (!reading.ok) {
    issues.push(contentIssue("import-wire-update-invalid", where, `The update time ${local(published.year)} cannot be used: ${reading.reason}.`));
    return undefined;
  }
  const weekday = reading.value.setLocale("en").toFormat("cccc");
  if (weekday.toLowerCase() !== match[2].toLowerCase()) {
    issues.push(contentIssue("import-wire-update-weekday", where, `The update is labelled ${match[2]}, but ${reading.value.toFormat("MMMM d, yyyy")} is a ${weekday}.`));
    return undefined;
  }
  const text = escapeMarkdown(paragraph.text.slice(match[0].length).trim());
  return { at: isoDateTime(reading.value), ...(match[1] === "Correction" ? { kind: "correction" as const } : {}), text };
}

function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: string[] = [];
  let start = 0;
  text.split("\n").forEach((line, index) => {
    if (line.trim()) {
      if (!current.length) start = index + 1;
      current.push(line.trim());
    } else if (current.length) {
      paragraphs.push({ text: current.join("\n"), line: start, lines: current.length });
      current = [];
    }
  });
  if (current.length) paragraphs.push({ text: current.join("\n"), line: start, lines: current.length });
  return paragraphs;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
