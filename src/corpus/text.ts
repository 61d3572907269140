/** Small string helpers shared by the corpus generator. */

/**
 * Upper-cases the first character (sentences often start with a slot like "the budget bill").
 * @example capitalize("the ferry") // "The ferry"
 */
export function capitalize(text: string): string {
  const code = text.charCodeAt(0);
  // ASCII fast paths: this runs for every sentence, and most already start with a capital.
  if (code >= 65 && code <= 90) return text;
  if (code >= 97 && code <= 122) return String.fromCharCode(code - 32) + text.slice(1);
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
const foldCache = new Map<string, string>();

// The ASCII letters/digits a non-ASCII character stands for in a slug ("ü" → "u", "–" → "").
function fold(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = (FOLD[ch] ?? ch.normalize("NFD")).toLowerCase().replace(/[^a-z0-9]/g, "");
    foldCache.set(ch, folded);
  }
  return folded;
}

/**
 * A lowercase ASCII slug of the first `maxWords` words (slugs must be URL-safe: a–z, 0–9, -).
 * A single pass over the characters: it runs for every title of a 100,000-article corpus.
 * @example slugify("Łódź council backs “bold” tram plan") // "lodz-council-backs-bold-tram-plan"
 */
export function slugify(text: string, maxWords = 6): string {
  let out = "";
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) piece = text.charAt(i);
    else if (code >= 65 && code <= 90) piece = String.fromCharCode(code + 32);
    else if (code < 128) piece = "";
    else piece = fold(text.charAt(i));
    if (piece === "") {
      inWord = false;
      continue;
    }
    if (!inWord) {
      if (words === maxWords) break;
      if (words > 0) out += "-";
      words++;
      inWord = true;
    }
    out += piece;
  }
  return out;
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
