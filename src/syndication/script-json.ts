/**
 * JSON for a `<script type="application/ld+json">` element: no value can close the element or
 * open a comment, and the line separators JavaScript once refused are escaped too.
 */

const UNSAFE: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/**
 * `JSON.stringify`, then `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` (still the same JSON value).
 * @example scriptJson({ headline: "</script>" }) // '{"headline":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c]);
}
