/**
 * Appending items to a top-level list of a YAML document without moving a byte of the rest:
 * the new items' text is spliced in after the list's last item (or a new list is added at the
 * end), and the result is accepted only when it reads as the document API's own edit would.
 * Otherwise the document API's rendering is used, which keeps comments and key order but may
 * re-space flow lists.
 */
import { isDeepStrictEqual } from "node:util";
import { isSeq, parseDocument, stringify, type Document } from "yaml";

/**
 * `yaml` with `items` appended to its top-level list `key` (created when missing); undefined
 * when the YAML has errors or `key` holds something other than a list.
 * @example appendToList("a: 1\nlist:\n  - x\n", "list", ["y"]) // "a: 1\nlist:\n  - x\n  - y\n"
 */
export function appendToList(yaml: string, key: string, items: readonly unknown[]): string | undefined {
  const doc = parseDocument(yaml, { version: "1.2" });
  if (doc.errors.length) return undefined;
  const list = doc.get(key, true);
  if (list !== undefined && list !== null && !isSeq(list)) return undefined;
  const spliced = splice(yaml, doc, key, items);
  if (isSeq(list)) for (const item of items) list.add(doc.createNode(item));
  else doc.set(key, doc.createNode([...items]));
  const proved = spliced !== undefined && isDeepStrictEqual(parseDocument(spliced, { version: "1.2" }).toJS(), doc.toJS());
  const text = proved ? spliced : doc.toString({ lineWidth: 0 });
  return text.endsWith("\n") ? text : `${text}\n`;
}

function splice(yaml: string, doc: Document, key: string, items: readonly unknown[]): string | undefined {
  const list = doc.get(key, true);
  const text = stringify([...items], { lineWidth: 0 });
  if (list === undefined) return `${yaml}${yaml && !yaml.endsWith("\n") ? "\n" : ""}${stringify({ [key]: [...items] }, { lineWidth: 0 })}`;
  if (!isSeq(list) || list.flow || !list.range || !list.items.length) return undefined;
  const lineStart = yaml.lastIndexOf("\n", list.range[0] - 1) + 1;
  const indent = yaml.slice(lineStart, list.range[0]);
  if (indent.trim()) return undefined;
  let end = list.range[1];
  while (end > 0 && /\s/.test(yaml[end - 1])) end -= 1;
  const lineEnd = yaml.indexOf("\n", end);
  const at = lineEnd === -1 ? yaml.length : lineEnd;
  const lines = text.replace(/\n$/, "").split("\n").map((line) => `${indent}${line}`).join("\n");
  return `${yaml.slice(0, at)}\n${lines}${yaml.slice(at) || "\n"}`;
}
