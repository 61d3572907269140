/**
 * Reading dates from front matter. A value with an offset keeps its instant; a value without
 * one is read as wall-clock time in the newsroom's zone — never the build machine's, never UTC,
 * and never by a guess that depends on the day the site is built:
 * - a local time that occurs twice (clocks going back) is the earlier instant, and says so;
 * - a local time that does not occur (clocks jumping forward, by any amount) is an error;
 * - a date without a time names the day, and stands for its first instant;
 * - an offset is between -12:00 and +14:00 and needs a time.
 */
import { DateTime, type Zone } from "luxon";
import { formatOffset, resolveLocal, startOfLocalDay, wallMillis, type WallClock } from "./local-time.ts";
import { siteZone } from "./zone-cache.ts";

/** A local time that occurs more than once: how it was written, and its offsets, earliest first. */
export interface RepeatedTime {
  local: string;
  offsets: string[];
}

/** The result of reading a date: a DateTime in the site's zone, or why it failed. */
export type DateReading =
  | { ok: true; value: DateTime; hasTime: boolean; repeated?: RepeatedTime }
  | { ok: false; reason: string };

// The one documented grammar: a date, optionally a time (minutes required, seconds and
// fractions optional) after `T` or a space, optionally an offset. Luxon alone would also
// accept week and ordinal dates, which no newsroom means.
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** The offsets accepted, in minutes: those of real zones, -12:00 … +14:00. */
export const OFFSET_RANGE = { min: -12 * 60, max: 14 * 60 } as const;

/**
 * Reads a front-matter date string in `zone`, returning a DateTime set to `zone`.
 * @example readDate("2023-02-18T09:30:00+01:00", "America/New_York") // 03:30 New York time
 * @example readDate("2023-02-18 09:30", "Europe/Berlin")             // 09:30 Berlin time
 * @example readDate("2024-04-26", "Africa/Cairo")                    // 01:00, when that day began
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
  const wall: WallClock = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    // Luxon keeps milliseconds; further digits are dropped, not rounded into the next second.
    millisecond: Number((fraction ?? "").padEnd(3, "0").slice(0, 3)),
  };
  const calendar = new Date(wallMillis({ ...wall, hour: 0, minute: 0, second: 0 }));
  if (wall.month < 1 || wall.month > 12 || calendar.getUTCDate() !== wall.day) {
    return { ok: false, reason: `${year}-${month}-${day} is not a day of the calendar` };
  }
  if (hour !== undefined && (wall.hour > 23 || wall.minute > 59 || wall.second > 59)) {
    return { ok: false, reason: `${hour}:${minute}${second ? `:${second}` : ""} is not a time of day` };
  }
  if (offset !== undefined) {
    if (hour === undefined) {
      return { ok: false, reason: `"${text}" has an offset but no time; write a time with it (${year}-${month}-${day}T00:00${offset}) or the date alone (${year}-${month}-${day})` };
    }
    const minutes = offsetMinutes(offset);
    if (minutes === undefined) {
      return { ok: false, reason: `the offset ${offset} does not exist (offsets run from -12:00 to +14:00, minutes 00–59)` };
    }
    return { ok: true, value: DateTime.fromMillis(wallMillis(wall) - minutes * 60_000, { zone }), hasTime: true };
  }
  const dayText = `${year}-${month}-${day}`;
  if (hour === undefined) {
    const start = startOfLocalDay(wall.year, wall.month, wall.day, zone);
    if (start === undefined) return { ok: false, reason: `the day ${dayText} does not exist in ${zoneName} (its clocks skipped the whole day)` };
    return { ok: true, value: DateTime.fromMillis(start, { zone }), hasTime: false };
  }
  return readLocalTime(wall, zone, zoneName, `${dayText} ${text.slice(11).replace(/\s+$/, "")}`);
}

function readLocalTime(wall: WallClock, zone: Zone, zoneName: string, local: string): DateReading {
  const resolved = resolveLocal(wall, zone);
  if (resolved.kind === "skipped") {
    const skippedDay = startOfLocalDay(wall.year, wall.month, wall.day, zone) === undefined;
    const jump = `clocks moved forward from ${formatOffset(resolved.before)} to ${formatOffset(resolved.after)}`;
    return { ok: false, reason: `${local} does not exist in ${zoneName} (${skippedDay ? `the whole day was skipped: ${jump}` : jump})` };
  }
  const instant = resolved.kind === "single" ? resolved.instant : resolved.instants[0];
  const value = DateTime.fromMillis(instant, { zone });
  // The rule the whole reading rests on: the instant shows exactly the fields written.
  const shown = { year: value.year, month: value.month, day: value.day, hour: value.hour, minute: value.minute, second: value.second };
  const written = { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second };
  if (JSON.stringify(shown) !== JSON.stringify(written)) return { ok: false, reason: `${local} does not exist in ${zoneName}` };
  if (resolved.kind === "single") return { ok: true, value, hasTime: true };
  return { ok: true, value, hasTime: true, repeated: { local, offsets: resolved.offsets.map(formatOffset) } };
}

/**
 * What to tell the newsroom about a repeated local time: which instant was taken, and how to say which is meant.
 * @example repeatedTimeAdvice({ local: "2024-11-03 01:30", offsets: ["-04:00", "-05:00"] }, "America/New_York").message
 */
export function repeatedTimeAdvice(repeated: RepeatedTime, zoneName: string): { message: string; hint: string } {
  const [first, ...later] = repeated.offsets;
  const iso = (offset: string) => `${repeated.local.replace(" ", "T")}${offset}`;
  return {
    message: `The local time ${repeated.local} occurs twice in ${zoneName} (clocks went back), at ${repeated.offsets.join(" and ")}; it is read as the earlier, ${iso(first)}.`,
    hint: `An explicit offset would be clearer: ${iso(first)} for the first, ${later.map(iso).join(" or ")} for the later.`,
  };
}

// Minutes east of UTC, or undefined when no zone could have the offset.
function offsetMinutes(offset: string): number | undefined {
  if (/^z$/i.test(offset)) return 0;
  const digits = offset.replace(":", "");
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (minutes > 59) return undefined;
  const total = (digits[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
  return total < OFFSET_RANGE.min || total > OFFSET_RANGE.max ? undefined : total;
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
