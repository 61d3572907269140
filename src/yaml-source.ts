/**
 * YAML with positions. Front matter and site.yml are parsed with the YAML 1.2 core schema, so
 * an unquoted `2023-02-18 09:30` stays the text the newsroom wrote (js-yaml's default would
 * turn it into a UTC Date), and every field can be traced back to its line for error messages.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

/** A path into parsed YAML, e.g. `["updates", 1, "at"]`. */
export type FieldPath = readonly (string | number)[];

/** A YAML syntax error at a 1-based position. */
export interface YamlSyntaxError {
  message: string;
  line: number;
  column: number;
}

/** Parsed YAML that can say where each field was written. */
export interface YamlSource {
  data: unknown;
  errors: YamlSyntaxError[];
  /** 1-based position of a field's key (or of a list item), if it exists. */
  locate(path: FieldPath): { line: number; column: number } | undefined;
}

/**
 * Parses `text`; `lineOffset` is added to every line, for YAML embedded in a larger file.
 * @example parseYaml("title: x\ndate: 2023-02-18").locate(["date"]) // { line: 2, column: 1 }
 */
export function parseYaml(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: "core", prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const errors = doc.errors.map((error) => ({
    message: error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""),
    ...position(error.pos[0]),
  }));
  let data: unknown;
  try {
    data = errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    errors.push({ message: (error as Error).message, line: 1 + lineOffset, column: 1 });
  }
  return { data, errors, locate: (path) => locateIn(doc, path, position) };
}

function locateIn(
  doc: Document,
  path: FieldPath,
  position: (offset: number) => { line: number; column: number },
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let start: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) return start === undefined ? undefined : position(start);
      start = (pair.key as Node).range?.[0] ?? start;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) return start === undefined ? undefined : position(start);
      start = item.range?.[0] ?? start;
      node = item;
    } else {
      break;
    }
  }
  return start === undefined ? undefined : position(start);
}
