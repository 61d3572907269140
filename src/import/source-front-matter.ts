/**
 * Reading the front matter of another generator's post: YAML between `---` lines (Jekyll,
 * Hugo) or TOML between `+++` lines (Hugo), and the dates such posts carry in their own forms.
 * This reads sources being converted; Gazette's own articles are only ever YAML.
 */
import type { DateTime } from "luxon";
import { parse as parseToml, TomlError } from "smol-toml";
import { LineCounter, parseDocument } from "yaml";
import { readDate } from "../content/dates.ts";

/** A source post split into its fields and body, or the problem that stopped it. */
export interface SourcePost {
  data: Record<string, unknown>;
  body: string;
  error?: { line: number; column: number; message: string };
}

/**
 * Splits a post into front matter and body.
 * @example readSourcePost("+++\ntitle = \"A\"\n+++\nText").data.title // "A"
 * @example readSourcePost("---\ntitle: A\n---\nText").body          // "Text"
 */
export function readSourcePost(source: string): SourcePost {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const fence = text.startsWith("+++\n") ? "+++" : text.startsWith("---\n") ? "---" : undefined;
  if (!fence) return { data: {}, body: text };
  const close = text.indexOf(`\n${fence}`, 3);
  if (close === -1) return { data: {}, body: "", error: { line: 1, column: 1, message: `the front matter opened by ${fence} is never closed` } };
  const raw = text.slice(4, close + 1);
  const body = text.slice(text.indexOf("\n", close + 1) + 1 || text.length);
  const parsed = fence === "+++" ? readToml(raw) : readYaml(raw);
  if ("error" in parsed) return { data: {}, body, error: parsed.error };
  return { data: parsed.data, body };
}

function readToml(raw: string): { data: Record<string, unknown> } | { error: SourcePost["error"] } {
  try {
    return { data: parseToml(raw) as Record<string, unknown> };
  } catch (error) {
    const e = error as TomlError;
    return { error: { line: (e.line ?? 0) + 1, column: e.column ?? 1, message: e.message.split("\n")[0] } };
  }
}

function readYaml(raw: string): { data: Record<string, unknown> } | { error: SourcePost["error"] } {
  const lineCounter = new LineCounter();
  // The 1.2 core schema keeps dates as the text written; they are read below in the site's zone.
  const doc = parseDocument(raw, { version: "1.2", lineCounter, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    return { error: { line: pos.line + 1, column: pos.col, message: first.message.split("\n")[0] } };
  }
  const data = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return { data: {} };
  if (typeof data !== "object" || Array.isArray(data)) return { error: { line: 2, column: 1, message: "the front matter is not a mapping of fields" } };
  return { data: data as Record<string, unknown> };
}

/**
 * A source date (Jekyll's `2023-02-18 09:30:00 +0100`, ISO text, or a TOML date) in the site's zone.
 * @example sourceDate("2023-02-18 09:30:00 +0100", "UTC")?.toISO() // "2023-02-18T08:30:00.000+00:00"
 */
export function sourceDate(value: unknown, zone: string): { date: DateTime; hasTime: boolean } | undefined {
  let text: string;
  if (value instanceof Date) {
    const iso = (value as Date & { isLocal?: () => boolean }).toISOString();
    text = iso.replace(/\.000(?=$|[+-Z])/, "");
  } else if (typeof value === "string") text = value.trim();
  else return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!match) return undefined;
  const [, day, time, offset] = match;
  const normal = time ? `${day}T${time.length === 4 ? `0${time}` : time}${offset ? offset.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2") : ""}` : day;
  const reading = readDate(normal, zone);
  return reading.ok ? { date: reading.value, hasTime: reading.hasTime } : undefined;
}

/**
 * A field that may be one word-separated string or a list, as a list of strings.
 * @example listField("news  politics") // ["news", "politics"]
 */
export function listField(value: unknown, split = true): string[] {
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string" || typeof v === "number").map((v) => String(v).trim()).filter(Boolean);
  if (typeof value === "string") return (split ? value.split(/\s+/) : [value]).map((v) => v.trim()).filter(Boolean);
  return [];
}
