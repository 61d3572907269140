/**
 * Splitting an article file into front matter and body. gray-matter finds the block; the YAML
 * inside it is parsed by yaml-source so fields keep their lines and dates keep their text.
 */
import matter from "gray-matter";
import { parseYaml, type YamlSource } from "./yaml-source.ts";

/** An article file split into its parsed front matter and Markdown body. */
export interface SplitArticle {
  /** False when the file has no `---` block at the top. */
  hasFrontMatter: boolean;
  frontMatter: YamlSource;
  body: string;
}

// gray-matter would otherwise parse the block itself (with js-yaml's timestamp rules) and
// cache every file it has seen in a module-level object for the life of the process.
const splitOnly = { engines: { yaml: { parse: () => ({}), stringify: () => "" } } };

/**
 * Splits `text` into front matter (with positions as lines of the whole file) and body.
 * @example splitArticle("---\ntitle: A\n---\nBody").frontMatter.data // { title: "A" }
 */
export function splitArticle(source: string): SplitArticle {
  // Files written on Windows keep a stray \r at the end of each YAML value otherwise.
  const text = source.includes("\r") ? source.replace(/\r\n?/g, "\n") : source;
  const file = matter(text, splitOnly);
  const raw = file.matter ?? "";
  const hasFrontMatter = file.content !== text.replace(/^\uFEFF/, "") || raw !== "";
  // gray-matter's `matter` begins with the rest of the opening `---` line, so offsets inside it
  // already count the file's first line: no shift is needed.
  return { hasFrontMatter, frontMatter: parseYaml(raw), body: file.content };
}
