/**
 * Adding an entry to an article's `updates` by editing its YAML document in place: the rest
 * of the front matter keeps its comments, key order and formatting, and the body every byte.
 */
import type { UpdateFields } from "./front-matter-writer.ts";
import { appendToList } from "./yaml-append.ts";

const OPENING = /^(\uFEFF?---[ \t]*(\r?\n))/;
const CLOSING = /\r?\n---[ \t]*(?=\r?\n|$)/g;

/**
 * The file's text with `update` appended to its `updates` list (made when missing), or
 * undefined when the file has no front matter block or its YAML cannot be edited.
 * @example withUpdate("---\ntitle: A # kept\n---\nBody", { at: "2023-02-18T14:16:00+01:00", text: "More." }) // "---\ntitle: A # kept\nupdates:\n  - at: …"
 */
export function withUpdate(text: string, update: UpdateFields): string | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const crlf = opening[2] === "\r\n";
  const start = opening[1].length;
  CLOSING.lastIndex = start - 1;
  const close = CLOSING.exec(text);
  if (!close) return undefined;
  const raw = text.slice(start, Math.max(start, close.index));
  const entry = { at: update.at, ...(update.kind === "correction" ? { kind: "correction" } : {}), text: update.text };
  const yaml = appendToList(crlf ? raw.replace(/\r\n/g, "\n") : raw, "updates", [entry]);
  if (yaml === undefined) return undefined;
  const rest = text.slice(close.index).replace(/^\r?\n/, "");
  return `${opening[1]}${crlf ? yaml.replace(/\n/g, "\r\n") : yaml}${rest}`;
}
