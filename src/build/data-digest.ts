/**
 * A digest of plain data for signatures, cheaper than JSON.stringify over the same data: luxon
 * DateTimes are written as their instant and zone (no ISO formatting, the costly part of
 * serialising a teaser), and with a shared `memo` each small or large object is serialised once
 * however often it appears (an article's summary sits on its section, date, topic and author
 * pages alike; a topic's whole list is one digest). A memo is for one build's data, which no one
 * changes after indexing: make a new one per build.
 */
import { hash } from "node:crypto";
import { DateTime } from "luxon";
import { instant } from "../syndication/unit-signatures.ts";

/** The longest text an object is written as; a longer one is written as its digest. */
const MEMO_LIMIT = 4096;

/**
 * The longest text a memo keeps. What recurs on many pages is small (a teaser's identity, a
 * section, a DateTime) or large and written as its digest; what is longer in between is, in
 * practice, one page's own list or pagination, never asked for again. Kept, those made 376 MB
 * of live text at 100,000 articles for the collector to walk; made again, they cost a loop.
 */
const KEEP_LIMIT = 512;

/** Objects already serialised, by identity. */
export type DigestMemo = WeakMap<object, string>;

/**
 * A short text that determines an object as surely as its contents do (an article's summary is
 * fixed by its file, URL, content hash and images), or undefined to serialise the object.
 */
export type Identify = (value: object) => string | undefined;

/**
 * A stable text for `value`: JSON-like, keys in insertion order, DateTimes as `millis@zone`,
 * an object whose text is longer than 4,096 characters as `#` and the sha1 of that text, and an
 * object `identify` knows as `=` and its identity. `memo` keeps the texts of at most 512
 * characters (a digest's among them); the text is the same whether it came from the memo or not.
 * @example dataText({ at: DateTime.fromMillis(0, { zone: "UTC" }), n: [1, "a"] }) // '{"at":"0@UTC","n":[1,"a"]}'
 */
export function dataText(value: unknown, memo: DigestMemo = new WeakMap(), identify?: Identify): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const known = memo.get(value);
  if (known !== undefined) return known;
  let text: string;
  const identity = identify?.(value);
  if (identity !== undefined) text = JSON.stringify(`=${identity}`);
  else if (DateTime.isDateTime(value)) text = `"${instant(value)}"`;
  else if (Array.isArray(value)) {
    // Loops and concatenation rather than map and join: this runs for every object of every
    // listing page of the archive (33,000 pages at 100,000 articles).
    text = "[";
    for (let i = 0; i < value.length; i++) text += (i ? "," : "") + dataText(value[i], memo, identify);
    text += "]";
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    text = "{";
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const item = record[keys[i]];
      if (item === undefined) continue;
      text += (first ? "" : ",") + keyText(keys[i]) + ":" + dataText(item, memo, identify);
      first = false;
    }
    text += "}";
  }
  // A large object (a topic with all its articles, shown on each of its pages) stands for
  // itself by its digest, always, so its text is neither kept nor hashed again on every page.
  if (text.length > MEMO_LIMIT) text = `"#${hash("sha1", text)}"`;
  if (text.length <= KEEP_LIMIT) memo.set(value, text);
  return text;
}

/** Each key's JSON text, made once: the same few keys recur on every page. */
const keyTexts = new Map<string, string>();

function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    // Keys are the model's field names; a data-keyed object (a calendar, redirects) must not grow this without bound.
    if (keyTexts.size < 1024) keyTexts.set(key, text);
  }
  return text;
}

/**
 * A sha1 digest of `parts` through {@link dataText}.
 * @example dataDigest(["listing", page], memo) // "9c1e…" (40 hex digits)
 */
export function dataDigest(parts: unknown, memo?: DigestMemo, identify?: Identify): string {
  return hash("sha1", dataText(parts, memo, identify));
}
