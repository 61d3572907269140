/**
 * A digest of plain data for signatures, cheaper than JSON.stringify over the same data: luxon
 * DateTimes are written as their instant and zone (no ISO formatting, the costly part of
 * serialising a teaser), and with a shared `memo` each object is serialised once however often
 * it appears (an article's summary sits on its section, date, topic and author pages alike). A
 * memo is for one build's data, which no one changes after indexing: make a new one per build.
 */
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { instant } from "../syndication/unit-signatures.ts";

/** The longest text an object is written as; a longer one is written as its digest. */
const MEMO_LIMIT = 4096;

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
 * object `identify` knows as `=` and its identity.
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
  else if (Array.isArray(value)) text = `[${value.map((item) => dataText(item, memo, identify)).join(",")}]`;
  else {
    const record = value as Record<string, unknown>;
    text = `{${Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${dataText(record[key], memo, identify)}`)
      .join(",")}}`;
  }
  // A large object (a topic with all its articles, shown on each of its pages) stands for
  // itself by its digest, always, so its text is neither kept nor hashed again on every page.
  if (text.length > MEMO_LIMIT) text = `"#${createHash("sha1").update(text).digest("hex")}"`;
  memo.set(value, text);
  return text;
}

/**
 * A sha1 digest of `parts` through {@link dataText}.
 * @example dataDigest(["listing", page], memo) // "9c1e…" (40 hex digits)
 */
export function dataDigest(parts: unknown, memo?: DigestMemo, identify?: Identify): string {
  return createHash("sha1").update(dataText(parts, memo, identify)).digest("hex");
}
