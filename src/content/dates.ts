/**
 * Reading dates from front matter. A value with an offset keeps its instant; a value without
 * one is read as wall-clock time in the newsroom's zone — never the build machine's, never UTC.
 */
import { DateTime } from "luxon";
import { siteZone } from "./zone-cache.ts";

/** The result of reading a date: a DateTime in the site's zone, or why it failed. */
export type DateReading = { ok: true; value: DateTime; hasTime: boolean } | { ok: false; reason: string };

// The one documented grammar: a date, optionally a time (minutes required, seconds and
// fractions optional) after `T` or a space, optionally an offset. Luxon alone would also
// accept week and ordinal dates, which no newsroom means.
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a front-matter date string in `zone`, returning a DateTime set to `zone`.
 * @example readDate("2023-02-18T09:30:00+01:00", "America/New_York") // 03:30 New York time
 * @example readDate("2023-02-18 09:30", "Europe/Berlin")             // 09:30 Berlin time
 */
export function readDate(value: unknown, zoneName: string): DateReading {
  const zone = siteZone(zoneName);
  if (value instanceof Date) {
    // Only reached when a caller parsed YAML with timestamps on; the loader does not.
    return { ok: true, value: DateTime.fromJSDate(value).setZone(zone), hasTime: true };
  }
  if (typeof value !== "string") {
    return { ok: false, reason: `expected a date string, found ${describe(value)}` };
  }
  const text = value.trim();
  const match = ISO_LIKE.exec(text);
  if (!match) return { ok: false, reason: `"${text}" is not an ISO 8601 date or date-time` };
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const calendar = DateTime.fromObject(
    { year: Number(year), month: Number(month), day: Number(day) },
    { zone: "UTC" },
  );
  if (!calendar.isValid || calendar.day !== Number(day) || calendar.month !== Number(month)) {
    return { ok: false, reason: `${year}-${month}-${day} is not a day of the calendar` };
  }
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) {
    return { ok: false, reason: `${hour}:${minute}${second ? `:${second}` : ""} is not a time of day` };
  }
  const iso = `${year}-${month}-${day}T${hour ?? "00"}:${minute ?? "00"}:${second ?? "00"}${fraction ? `.${fraction}` : ""}`;
  const normalisedOffset = offset ? normaliseOffset(offset) : "";
  const parsed = DateTime.fromISO(iso + normalisedOffset, { zone, setZone: Boolean(offset) });
  if (!parsed.isValid) {
    return { ok: false, reason: parsed.invalidExplanation ?? parsed.invalidReason ?? "invalid date" };
  }
  if (!offset && parsed.hour !== Number(hour ?? 0)) {
    return { ok: false, reason: `${iso.replace("T", " ")} does not exist in ${zoneName} (clocks moved forward)` };
  }
  return { ok: true, value: parsed.setZone(zone), hasTime: hour !== undefined };
}

function normaliseOffset(offset: string): string {
  if (/^z$/i.test(offset)) return "Z";
  return offset.includes(":") ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `the ${typeof value} ${String(value)}`;
}

/**
 * The machine-readable form used in `datetime` attributes and feeds: ISO with the site's offset, no milliseconds.
 * @example isoDateTime(DateTime.fromISO("2023-02-18T09:30:00+01:00", { setZone: true })) // "2023-02-18T09:30:00+01:00"
 */
export function isoDateTime(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}
