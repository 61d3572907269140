/**
 * Checks on the text an article hands to its pages: characters no page should contain, and
 * front-matter shapes the loader refuses (merge keys).
 */
import type { FieldPath } from "./yaml-source.ts";

// C0 controls other than tab, LF and CR; DEL; a high surrogate with no low one after it; a
// low surrogate with no high one before it.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const CONTROL_ALL = new RegExp(CONTROL.source, "g");

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
 * `text` with every control character and lone surrogate written as `\uXXXX`, so that a
 * message quoting a value cannot drive the terminal it is printed on.
 * @example printable("a\u001b[2Jb") // "a\\u001b[2Jb"
 */
export function printable(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/**
 * Every control character in the strings (keys included) of parsed YAML, with the path of the
 * value it is in or keys. Paths are built only for a hit: front matter of 100,000 files is walked.
 * @example controlsIn({ tags: ["a\u0007"] }) // [[["tags", 0], { index: 1, codePoint: "U+0007" }]]
 */
export function controlsIn(data: unknown): [FieldPath, ControlFound][] {
  const found: [FieldPath, ControlFound][] = [];
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      const hit = findControl(value);
      if (hit) found.push([[...path], hit]);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (typeof value === "object" && value !== null) {
      for (const key of Object.keys(value)) {
        path.push(key);
        visit(key);
        visit((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(data);
  return found;
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
