/**
 * Warnings for input that is legal but probably not what the newsroom meant: a front-matter
 * key one edit away from a known one (`sectoin`), an update whose text repeats the body, a
 * summary too long for a listing or a search result. `--strict` makes them errors.
 */
import { contentIssue, type ContentIssue, type IssueLocation } from "../issues/content-issue.ts";
import { editDistance } from "./suggest.ts";
import type { FieldPath } from "./yaml-source.ts";

/**
 * Every front-matter key an article may carry. Includes the publishing fields (`embargo`,
 * `status`, `withdrawn`, `aliases`) so that they are never taken for misspellings.
 */
export const ARTICLE_KEYS: readonly string[] = [
  "title", "date", "section", "slug", "summary", "dateline", "authors", "tags", "draft", "updates", "image",
  "embargo", "status", "withdrawn", "aliases",
];

/** The keys of one item of `updates`. */
export const UPDATE_KEYS: readonly string[] = ["at", "text", "kind"];

/** The keys of an `image` mapping. */
export const IMAGE_KEYS: readonly string[] = ["src", "alt", "caption", "credit"];

/** Summaries longer than this many characters are warned about. */
export const SUMMARY_LIMIT = 300;

/**
 * The known key that `key` is a one-edit misspelling of, if any (an unknown key that is not
 * near any known one is the newsroom's own, and kept quietly).
 * @example misspeltKey("sectoin", ARTICLE_KEYS) // "section"
 * @example misspeltKey("tag", ARTICLE_KEYS)     // "tags"
 * @example misspeltKey("section", ARTICLE_KEYS) // undefined
 * @example misspeltKey("rating", ARTICLE_KEYS)  // undefined
 */
export function misspeltKey(key: string, known: readonly string[]): string | undefined {
  if (known.includes(key)) return undefined;
  const lowered = key.toLowerCase();
  if (known.includes(lowered)) return lowered;
  // A transposition (`sectoin`) is one edit to a writer, two to Levenshtein.
  return known.find((candidate) => editDistance(lowered, candidate) === 1 || isTransposition(lowered, candidate));
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  const differ = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]];
}

/**
 * Text folded for comparison: Markdown punctuation, case and runs of white space do not count.
 * @example foldText("The **mayor**  said") // "the mayor said"
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`~#>[\]()!|\\-]+/g, " ")
    .replace(/[“”"‘’']/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Update texts shorter than this (folded) are not compared with the body: "Photo added." may well recur. */
export const REPEAT_MINIMUM = 24;

/**
 * True when the update's text, folded, stands word for word in the body: the update was
 * pasted into the body as well, so readers read it twice.
 * @example repeatsBody("The mayor's office confirmed the figures.", "Text.\n\nThe mayor's office confirmed the figures.") // true
 * @example repeatsBody("Photo added.", "Photo added.") // false (too short to tell)
 * @example repeatsBody("The mayor's office confirmed the figures.", () => foldedBody) // the body folded already
 */
export function repeatsBody(updateText: string, body: string | (() => string)): boolean {
  const folded = foldText(updateText);
  return folded.length >= REPEAT_MINIMUM && (typeof body === "string" ? foldText(body) : body()).includes(folded);
}

/**
 * The length of a summary as a reader counts it (characters, not UTF-16 units).
 * @example summaryLength("Zürich 🙂") // 8
 */
export function summaryLength(summary: string): number {
  return [...summary].length;
}

/** What the warnings look at in one article. */
export interface WarningInput {
  data: Record<string, unknown>;
  body: string;
  summary?: string;
}

/**
 * Every warning for one article, located with `at` (a front-matter path → file, line, column).
 * @example contentWarnings({ data: { sectoin: "world" }, body: "", updates: [] }, at)[0].code // "front-matter-key-misspelt"
 */
export function contentWarnings(input: WarningInput, at: (path: FieldPath) => IssueLocation): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const keys = (fields: unknown, known: readonly string[], prefix: FieldPath) => {
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return;
    for (const key of Object.keys(fields)) {
      const meant = misspeltKey(key, known);
      if (!meant) continue;
      const path = [...prefix, key];
      issues.push(contentIssue("front-matter-key-misspelt", at(path), `The front-matter key "${[...prefix.map(String), key].join(".")}" is not one Gazette reads.`, { hint: `Did you mean "${meant}"? An unknown key is ignored.` }));
    }
  };
  keys(input.data, ARTICLE_KEYS, []);
  keys(input.data.image, IMAGE_KEYS, ["image"]);
  if (Array.isArray(input.data.updates)) input.data.updates.forEach((item, i) => keys(item, UPDATE_KEYS, ["updates", i]));
  if (input.summary && summaryLength(input.summary) > SUMMARY_LIMIT) {
    issues.push(contentIssue("summary-too-long", at(["summary"]), `The summary is ${summaryLength(input.summary)} characters long, more than ${SUMMARY_LIMIT}.`));
  }
  // Located by the item's place in the file, not by sorted order: find each text among the raw items.
  const raw = Array.isArray(input.data.updates) ? input.data.updates : [];
  // The body is folded once, when the first long update needs it, however many updates it has.
  let foldedBody: string | undefined;
  const body = () => (foldedBody ??= foldText(input.body));
  raw.forEach((item, i) => {
    const text = typeof item === "object" && item !== null ? (item as Record<string, unknown>).text : undefined;
    if (typeof text === "string" && repeatsBody(text, body)) {
      issues.push(contentIssue("update-repeats-body", at(["updates", i, "text"]), `Update ${i + 1}'s text also stands word for word in the body.`));
    }
  });
  return issues;
}
