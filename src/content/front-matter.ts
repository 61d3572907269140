/**
 * Splitting an article file into front matter and body. The block is found here, by lines, and
 * its text is only ever read as YAML (core schema) by yaml-source: no other front-matter
 * language exists, so no engine that could run code is reachable from an article.
 */
import { parseYaml, type YamlSource } from "./yaml-source.ts";

/** Why the front matter block could not be taken from the file (always at line 1). */
export interface SplitProblem {
  code: "front-matter-language" | "front-matter-unclosed";
  message: string;
}

/** An article file split into its parsed front matter and Markdown body. */
export interface SplitArticle {
  /** False when the file has no `---` block at the top. */
  hasFrontMatter: boolean;
  frontMatter: YamlSource;
  /** The front matter's text, beginning with the opening line's newline (so lines count as in the file). */
  raw: string;
  body: string;
  /** 1-based line of the file the body starts on. */
  bodyLine: number;
  /** Set when the opening line names a language or the block is never closed. */
  problem?: SplitProblem;
}

// `---` alone (trailing blanks allowed), or `---yaml`, which can only mean what `---` means.
const OPENING = /^---(yaml)?[ \t]*$/;
const TAGGED = /^---[ \t]*(\S+)/;
const CLOSING = /\n---[ \t]*(?=\n|$)/g;

/**
 * Splits `text` into front matter (with positions as lines of the whole file) and body.
 * @example splitArticle("---\ntitle: A\n---\nBody").frontMatter.data // { title: "A" }
 * @example splitArticle("---js\n{}\n---\n").problem?.code            // "front-matter-language"
 */
export function splitArticle(source: string): SplitArticle {
  // Files written on Windows keep a stray \r at the end of each YAML value otherwise.
  const crlf = source.includes("\r") ? source.replace(/\r\n?/g, "\n") : source;
  const text = crlf.charCodeAt(0) === 0xfeff ? crlf.slice(1) : crlf;
  const none = { hasFrontMatter: false, frontMatter: parseYaml(""), raw: "", body: text, bodyLine: 1 };
  if (!text.startsWith("---")) return none;
  const openEnd = lineEnd(text, 0);
  const opening = text.slice(0, openEnd);
  if (!OPENING.test(opening)) {
    const tag = TAGGED.exec(opening)?.[1];
    // `----` or a `---` rule followed by text is Markdown, not a front matter block.
    if (!tag || tag.startsWith("-")) return none;
    const message = `The front matter is marked as "${tag}"; front matter is only ever YAML, opened by a line that is just ---.`;
    return { ...none, hasFrontMatter: true, body: "", problem: { code: "front-matter-language", message } };
  }
  CLOSING.lastIndex = openEnd;
  const close = CLOSING.exec(text);
  if (close) {
    // The YAML keeps the opening line's newline, so its line numbers are the file's.
    const raw = text.slice(openEnd, close.index);
    const end = lineEnd(text, close.index + 1);
    return { hasFrontMatter: true, frontMatter: parseYaml(raw), raw, body: text.slice(end + 1), bodyLine: countLines(raw) + 3 };
  }
  const message = "The front matter opened on line 1 is never closed by a line that is just ---.";
  return { ...none, hasFrontMatter: true, body: "", problem: { code: "front-matter-unclosed", message } };
}

/**
 * The Markdown body of an article file that already passed validation, without reading its
 * YAML again (feeds re-read a few hundred bodies; parsing their front matter would be waste).
 * @example articleBody("---\ntitle: A\n---\nBody") // "Body"
 */
export function articleBody(source: string): string {
  const crlf = source.includes("\r") ? source.replace(/\r\n?/g, "\n") : source;
  const text = crlf.charCodeAt(0) === 0xfeff ? crlf.slice(1) : crlf;
  if (!text.startsWith("---")) return text;
  const openEnd = lineEnd(text, 0);
  if (!OPENING.test(text.slice(0, openEnd))) return text;
  const closing = new RegExp(CLOSING.source, "g");
  closing.lastIndex = openEnd;
  const close = closing.exec(text);
  return close ? text.slice(lineEnd(text, close.index + 1) + 1) : "";
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end === -1 ? text.length : end;
}
