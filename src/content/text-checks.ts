/**
 * Checks on the text an article hands to its pages: characters no page should contain, and
 * front-matter shapes the loader refuses (merge keys).
 */
import type { FieldPath } from "./yaml-source.ts";

// C0 controls other than tab, LF and CR; DEL; a high surrogate with no low one after it; a
// low surrogate with no high one before it.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// One character class scans fast; most text has none of these, so the exact pattern above
// (with its lookarounds) runs only on the rare text that has a control or astral character.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;

/** A control character found in a text, with its position. */
export interface ControlFound {
  /** Index into the text. */
  index: number;
  /** e.g. `U+0007`. */
  codePoint: string;
}

/**
 * The first control character or lone surrogate in `text`, if any.
 * @example findControl("Bell\u0007") // { index: 4, codePoint: "U+0007" }
 * @example findControl("tab\tok")    // undefined
 */
export function findControl(text: string): ControlFound | undefined {
  if (!SUSPECT.test(text)) return undefined;
  const match = CONTROL.exec(text);
  if (!match) return undefined;
  return { index: match.index, codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` };
}

/**
 * Every string in parsed YAML with its path (keys included, as the path to their value).
 * @example stringsIn({ tags: ["a"] }) // [[["tags"], "tags"], [["tags", 0], "a"]]
 */
export function stringsIn(data: unknown, path: FieldPath = []): [FieldPath, string][] {
  if (typeof data === "string") return [[path, data]];
  if (typeof data !== "object" || data === null) return [];
  if (Array.isArray(data)) return data.flatMap((item, i) => stringsIn(item, [...path, i]));
  return Object.entries(data).flatMap(([key, value]): [FieldPath, string][] => [[[...path, key], key], ...stringsIn(value, [...path, key])]);
}

/**
 * Paths of every YAML merge key (`<<`) in parsed front matter.
 * @example mergeKeys({ a: 1, updates: [{ "<<": {} }] }) // [["updates", 0, "<<"]]
 */
export function mergeKeys(data: unknown, path: FieldPath = []): FieldPath[] {
  if (typeof data !== "object" || data === null) return [];
  if (Array.isArray(data)) return data.flatMap((item, i) => mergeKeys(item, [...path, i]));
  return Object.entries(data).flatMap(([key, value]) => [...(key === "<<" ? [[...path, key]] : []), ...mergeKeys(value, [...path, key])]);
}

/**
 * 1-based line and column of `index` in `text`, counted from `firstLine`.
 * @example positionIn("a\nbc", 3, 5) // { line: 6, column: 2 }
 */
export function positionIn(text: string, index: number, firstLine: number): { line: number; column: number } {
  let line = firstLine;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
