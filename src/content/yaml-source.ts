/**
 * YAML with positions. Front matter and site.yml are read with the YAML 1.2 core schema, so
 * an unquoted `2023-02-18 09:30` stays the text the newsroom wrote (the YAML 1.1 default
 * would turn it into a UTC Date), and every field can be traced back to its line.
 *
 * Two parsers, for speed: js-yaml reads every file (about eight times faster than a
 * position-keeping parse, which matters at 100,000 articles), and the `yaml` package re-reads
 * a file only when an error needs a field's line. That package is loaded then too, not before:
 * a build of valid articles never needs it.
 */
import { createRequire } from "node:module";
import jsYaml from "js-yaml";
import type { Document, LineCounter, Node } from "yaml";

let yamlPackage: typeof import("yaml") | undefined;
const yaml = () => (yamlPackage ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));

/** A path into parsed YAML, e.g. `["updates", 1, "at"]`. */
export type FieldPath = readonly (string | number)[];

/** A YAML syntax error at a 1-based position. */
export interface YamlSyntaxError {
  /** Set when the text is well-formed but its aliases expand beyond {@link expansionLimit}. */
  kind?: "alias-expansion";
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
  let positions: Positions | undefined;
  const locate = (path: FieldPath) => (positions ??= new Positions(text, lineOffset)).locate(path);
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) ?? null;
  } catch (error) {
    // The position-keeping parser gives the clearer message; js-yaml's stands in if it accepts the text.
    positions ??= new Positions(text, lineOffset);
    const errors = positions.errors.length ? positions.errors : [fromJsYaml(error, lineOffset)];
    return { data: undefined, errors, locate };
  }
  const limit = expansionLimit(text);
  if (countValues(data, limit) > limit) {
    // js-yaml shares an anchored value between its aliases; anything that walks the data
    // (validation, messages, templates) would expand them, a billion times over for a bomb.
    positions ??= new Positions(text, lineOffset);
    const where = positions.firstAlias() ?? { line: 1 + lineOffset, column: 1 };
    const message = `its aliases (*name) expand to more than ${limit} values`;
    return { data: undefined, errors: [{ kind: "alias-expansion", message, ...where }], locate };
  }
  return { data, errors: [], locate };
}

/**
 * How many values a text may expand to: written out, every value takes at least a character,
 * so only aliases can exceed this.
 * @example expansionLimit("a: 1") // 10000
 */
export function expansionLimit(text: string): number {
  return Math.max(10_000, text.length);
}

/**
 * Counts the values in parsed YAML as if every alias were written out, stopping past `limit`.
 * @example countValues({ a: [1, 2] }, 100) // 4
 */
export function countValues(data: unknown, limit: number): number {
  let count = 0;
  const walk = (value: unknown): void => {
    count += 1;
    if (count > limit || typeof value !== "object" || value === null) return;
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      walk(item);
      if (count > limit) return;
    }
  };
  walk(data);
  return count;
}

function fromJsYaml(error: unknown, lineOffset: number): YamlSyntaxError {
  const { reason, mark, message } = error as { reason?: string; mark?: { line: number; column: number }; message: string };
  return { message: reason ?? message, line: (mark?.line ?? 0) + 1 + lineOffset, column: (mark?.column ?? 0) + 1 };
}

/** The `yaml` package's document, kept for its node ranges. */
class Positions {
  readonly errors: YamlSyntaxError[];
  private readonly doc: Document;
  private readonly lineCounter: LineCounter = new (yaml().LineCounter)();

  constructor(text: string, private readonly lineOffset: number) {
    this.doc = yaml().parseDocument(text, { lineCounter: this.lineCounter, schema: "core", prettyErrors: false, uniqueKeys: true });
    this.errors = this.doc.errors.map((error) => ({
      message: error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""),
      ...this.position(error.pos[0]),
    }));
  }

  position(offset: number): { line: number; column: number } {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line: line + this.lineOffset, column: col };
  }

  firstAlias(): { line: number; column: number } | undefined {
    let offset: number | undefined;
    const { visit } = yaml();
    visit(this.doc, {
      Alias: (_key, node) => {
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
    return offset === undefined ? undefined : this.position(offset);
  }

  locate(path: FieldPath): { line: number; column: number } | undefined {
    const { isMap, isScalar, isSeq } = yaml();
    let node: unknown = this.doc.contents;
    let start: number | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (!pair) break;
        start = (pair.key as Node).range?.[0] ?? start;
        node = pair.value;
      } else if (isSeq(node) && typeof key === "number") {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        start = item.range?.[0] ?? start;
        node = item;
      } else {
        break;
      }
    }
    return start === undefined ? undefined : this.position(start);
  }
}
