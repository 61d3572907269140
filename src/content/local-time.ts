/**
 * Turning wall-clock fields in a zone into instants, exactly and without looking at the clock.
 * Luxon guesses a local time's offset from the current time, so a repeated local time (clocks
 * going back) came out differently in December and in July; here every instant the fields name
 * is found, and the caller chooses by one fixed rule.
 */
import type { Zone } from "luxon";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Wide enough for every offset a zone has had (real ones stay within -12:00 … +14:00, old local
// mean times a little beyond); an offset lasts far longer than the hour between samples.
const REACH = 16 * HOUR;

/** Wall-clock fields as written, months 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** What a wall-clock time is in a zone: one instant, several (earliest first), or none. */
export type LocalResolution =
  | { kind: "single"; instant: number; offset: number }
  | { kind: "repeated"; instants: number[]; offsets: number[] }
  | { kind: "skipped"; resumes: number; before: number; after: number };

/**
 * The wall-clock fields as if they were UTC: the number local times are compared by.
 * @example wallMillis({ year: 1970, month: 1, day: 1, hour: 1, minute: 0, second: 0, millisecond: 0 }) // 3600000
 */
export function wallMillis(wall: WallClock): number {
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written.
  utc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  utc.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return utc.getTime();
}

/**
 * Every instant at which `zone`'s clocks show `wall`. Offsets are in minutes, as luxon gives them;
 * `resumes` is the instant the clocks jumped at, `before`/`after` the offsets around the jump.
 * @example resolveLocal({ year: 2024, month: 11, day: 3, hour: 1, minute: 30, second: 0, millisecond: 0 }, IANAZone.create("America/New_York")).kind // "repeated"
 */
export function resolveLocal(wall: WallClock, zone: Zone): LocalResolution {
  const local = wallMillis(wall);
  const samples: { at: number; offset: number }[] = [];
  for (let at = local - REACH; at <= local + REACH; at += HOUR) samples.push({ at, offset: zone.offset(at) });
  const offsets = [...new Set(samples.map((s) => s.offset))];
  const found = offsets
    .filter((offset) => zone.offset(local - offset * MINUTE) === offset)
    .map((offset) => ({ offset, instant: local - offset * MINUTE }))
    .sort((a, b) => a.instant - b.instant);
  if (found.length === 1) return { kind: "single", instant: found[0].instant, offset: found[0].offset };
  if (found.length > 1) return { kind: "repeated", instants: found.map((f) => f.instant), offsets: found.map((f) => f.offset) };
  return skipped(local, samples, zone);
}

// The wall time falls in a jump forward: find the jump it falls in, to the millisecond.
function skipped(local: number, samples: { at: number; offset: number }[], zone: Zone): LocalResolution {
  let nearest: LocalResolution | undefined;
  for (let i = 1; i < samples.length; i++) {
    const { offset: before } = samples[i - 1];
    const { offset: after } = samples[i];
    if (after <= before) continue;
    let low = samples[i - 1].at;
    let high = samples[i].at;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (zone.offset(middle) === before) low = middle;
      else high = middle;
    }
    const jump = { kind: "skipped", resumes: high, before, after: zone.offset(high) } as const;
    if (high + before * MINUTE <= local && local < high + jump.after * MINUTE) return jump;
    nearest ??= jump;
  }
  // Unreachable for real zones; the caller still gets a "does not exist", never a wrong instant.
  return nearest ?? { kind: "skipped", resumes: local, before: 0, after: 0 };
}

/**
 * The first instant of the local day `year-month-day` in `zone`, or undefined when the zone
 * skipped that whole day. A midnight skipped by daylight saving starts the day when clocks resume.
 * @example startOfLocalDay(2024, 4, 26, IANAZone.create("Africa/Cairo")) // the instant of 01:00 +03:00
 */
export function startOfLocalDay(year: number, month: number, day: number, zone: Zone): number | undefined {
  const midnight = { year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
  const resolved = resolveLocal(midnight, zone);
  if (resolved.kind === "single") return resolved.instant;
  if (resolved.kind === "repeated") return resolved.instants[0];
  const resumedAt = new Date(resolved.resumes + resolved.after * MINUTE);
  const sameDay = resumedAt.getUTCFullYear() === year && resumedAt.getUTCMonth() + 1 === month && resumedAt.getUTCDate() === day;
  return sameDay ? resolved.resumes : undefined;
}

/**
 * An offset in minutes written as ±HH:MM.
 * @example formatOffset(-300) // "-05:00"
 * @example formatOffset(630)  // "+10:30"
 */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(Math.round(minutes));
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
