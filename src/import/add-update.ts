/**
 * Adding an entry to an article's `updates` by editing its YAML document in place: the rest
 * of the front matter keeps its comments, key order and formatting, and the body every byte.
 */
import { isDeepStrictEqual } from "node:util";
import { isSeq, parseDocument, stringify, type Document } from "yaml";
import type { UpdateFields } from "./front-matter-writer.ts";

const OPENING = /^(\uFEFF?---[ \t]*(\r?\n))/;
const CLOSING = /(^|\r?\n)---[ \t]*(?=\r?\n|$)/g;

/**
 * The file's text with `update` appended to its `updates` list (made when missing), or
 * undefined when the file has no front matter block or its YAML cannot be edited.
 * @example withUpdate("---\ntitle: A # kept\n---\nBody", { at: "2023-02-18T14:16:00+01:00", text: "More." }) // "---\ntitle: A # kept\nupdates:\n  - at: …"
 */
export function withUpdate(text: string, update: UpdateFields): string | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const newline = opening[2];
  const start = opening[1].length;
  CLOSING.lastIndex = start;
  let close = CLOSING.exec(text);
  // An empty block: the closing dashes follow the opening line at once.
  if (close && close.index === start && close[1] === "") close = { ...close, index: start };
  if (!close) return undefined;
  const raw = text.slice(start, close.index);
  const lf = newline === "\r\n" ? raw.replace(/\r\n/g, "\n") : raw;
  const doc = parseDocument(lf, { version: "1.2" });
  if (doc.errors.length) return undefined;
  const fields = { at: update.at, ...(update.kind === "correction" ? { kind: "correction" } : {}), text: update.text };
  const list = doc.get("updates", true);
  const spliced = splice(lf, doc, fields);
  if (isSeq(list)) list.add(doc.createNode(fields));
  else if (list === undefined || list === null) doc.set("updates", doc.createNode([fields]));
  else return undefined;
  // The text is spliced so that not a byte of the rest moves; the document's own rendering
  // (which re-spaces flow lists and comments) is the fallback when splicing cannot be proved right.
  const proved = spliced !== undefined && isDeepStrictEqual(parseDocument(spliced, { version: "1.2" }).toJS(), doc.toJS());
  let yaml = proved ? spliced : doc.toString({ lineWidth: 0 });
  if (!yaml.endsWith("\n")) yaml += "\n";
  if (newline === "\r\n") yaml = yaml.replace(/\n/g, "\r\n");
  const rest = text.slice(close.index).replace(/^\r?\n/, "");
  return `${opening[1]}${yaml}${rest}`;
}

/** The YAML with the entry's text inserted after the last item of a block `updates` list, or a new list appended. */
function splice(yaml: string, doc: Document, fields: Record<string, string>): string | undefined {
  const list = doc.get("updates", true);
  const item = stringify([fields], { lineWidth: 0 });
  if (list === undefined) return `${yaml}${yaml && !yaml.endsWith("\n") ? "\n" : ""}${stringify({ updates: [fields] }, { lineWidth: 0 })}`;
  if (!isSeq(list) || list.flow || !list.range || !list.items.length) return undefined;
  const lineStart = yaml.lastIndexOf("\n", list.range[0] - 1) + 1;
  const indent = yaml.slice(lineStart, list.range[0]);
  if (indent.trim()) return undefined;
  let end = list.range[1];
  while (end > 0 && /\s/.test(yaml[end - 1])) end -= 1;
  const lineEnd = yaml.indexOf("\n", end);
  const at = lineEnd === -1 ? yaml.length : lineEnd;
  const lines = item.replace(/\n$/, "").split("\n").map((line) => `${indent}${line}`).join("\n");
  return `${yaml.slice(0, at)}\n${lines}${yaml.slice(at) || "\n"}`;
}
