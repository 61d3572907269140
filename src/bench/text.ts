/** Small string helpers shared by the corpus generator. */

/**
 * Upper-cases the first character (sentences often start with a slot like "the budget bill").
 * @example capitalize("the ferry") // "The ferry"
 */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A YAML double-quoted scalar. JSON strings are valid YAML double-quoted strings, so
 * JSON.stringify handles quotes, backslashes and control characters while keeping
 * non-ASCII text (Zürich, “curly quotes”) readable.
 * @example yamlString('Mayor calls it "bold"') // '"Mayor calls it \\"bold\\""'
 */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}

// Letters that NFD does not decompose into ASCII + combining mark.
const FOLD: Readonly<Record<string, string>> = { ł: "l", Ł: "l", ß: "ss", ø: "o", Ø: "o", æ: "ae", Æ: "ae", đ: "d", Đ: "d", œ: "oe" };

/**
 * A lowercase ASCII slug of the first `maxWords` words (slugs must be URL-safe: a–z, 0–9, -).
 * @example slugify("Łódź council backs “bold” tram plan") // "lodz-council-backs-bold-tram-plan"
 */
export function slugify(text: string, maxWords = 6): string {
  const folded = text
    .replace(/[łŁßøØæÆđĐœ]/g, (ch) => FOLD[ch] ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const words = folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  return words.slice(0, maxWords).join("-");
}

/**
 * Counts words the way the tests do: whitespace-separated tokens containing a letter or digit
 * (so Markdown markers like `##`, `>` and a dateline dash are not words).
 * @example countWords("## Next steps\n\n> “We will,” she said.") // 6
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}
