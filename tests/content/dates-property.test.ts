/**
 * readDate over every string the grammar allows, in zones with unusual transitions: it answers
 * ok with exactly the fields written (the earlier instant of a repeated time, the first instant
 * of a date-only day), or a reason — and never throws.
 */
import fc from "fast-check";
import { DateTime, FixedOffsetZone, IANAZone, Settings } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { readDate } from "../../src/content/dates.ts";

const ZONES = [
  "America/New_York",
  "Australia/Lord_Howe",
  "Pacific/Apia",
  "Africa/Cairo",
  "America/Santiago",
  "America/Havana",
  "Asia/Beirut",
  "Europe/Berlin",
  "Asia/Kathmandu",
  "UTC",
];
// Years around the named transitions are drawn more often, so gaps and repeats come up.
const year = fc.oneof(fc.integer({ min: 2011, max: 2012 }), fc.integer({ min: 2023, max: 2024 }), fc.integer({ min: 1900, max: 2100 }));
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
const time = fc.record({
  separator: fc.constantFrom("T", " "),
  // Most transitions happen between midnight and 03:00.
  hour: fc.oneof(two(24), fc.constantFrom("00", "01", "02")),
  minute: two(60),
  second: fc.option(two(60), { nil: undefined }),
  fraction: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
});
const offset = fc.oneof(
  fc.constantFrom("Z", "z"),
  fc.tuple(fc.constantFrom("+", "-"), two(25), fc.constantFrom(":", ""), two(99)).map((parts) => parts.join("")),
);
// Days with a transition in the zone named, so that gaps and repeated times come up often.
const TRANSITION_DAYS: [string, number, number, number][] = [
  ["America/New_York", 2024, 11, 3], ["America/New_York", 2024, 3, 10], ["Australia/Lord_Howe", 2024, 10, 6],
  ["Australia/Lord_Howe", 2024, 4, 7], ["Pacific/Apia", 2011, 12, 29], ["Pacific/Apia", 2011, 12, 30],
  ["Pacific/Apia", 2011, 12, 31], ["Africa/Cairo", 2024, 4, 26], ["Africa/Cairo", 2024, 10, 31],
  ["America/Santiago", 2024, 9, 8], ["America/Santiago", 2024, 4, 6], ["America/Havana", 2024, 3, 10],
  ["America/Havana", 2024, 11, 3], ["Asia/Beirut", 2024, 3, 31], ["Asia/Beirut", 2024, 10, 27],
  ["Europe/Berlin", 2023, 3, 26], ["Europe/Berlin", 2023, 10, 29],
];
const zoneAndDay = fc.oneof(
  fc.record({ zone: fc.constantFrom(...ZONES), year, month: fc.integer({ min: 1, max: 13 }), day: fc.integer({ min: 1, max: 31 }) }),
  fc.constantFrom(...TRANSITION_DAYS).map(([zone, year, month, day]) => ({ zone, year, month, day })),
);
const written = fc
  .tuple(zoneAndDay, fc.option(time, { nil: undefined, freq: 4 }), fc.option(offset, { nil: undefined, freq: 2 }))
  .map(([{ zone, ...date }, time, offset]) => ({ zone, ...date, time, offset }));
type Written = typeof written extends fc.Arbitrary<infer T> ? T : never;

function text(w: Written): string {
  const date = `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
  const t = w.time;
  const clock = t ? `${t.separator}${t.hour}:${t.minute}${t.second === undefined ? "" : `:${t.second}${t.fraction === undefined ? "" : `.${t.fraction}`}`}` : "";
  return `${date}${clock}${w.offset ?? ""}`;
}

function fieldsOf(date: DateTime) {
  return { year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute, second: date.second, millisecond: date.millisecond };
}

function writtenFields(w: Written) {
  return { year: w.year, month: w.month, day: w.day, hour: Number(w.time?.hour ?? 0), minute: Number(w.time?.minute ?? 0), second: Number(w.time?.second ?? 0), millisecond: w.time?.second === undefined ? 0 : Number((w.time.fraction ?? "").padEnd(3, "0").slice(0, 3)) };
}

// Luxon's own reading of local fields, with its clock set to each of several days: whichever
// occurrence of a repeated time it lands on, ours may not be later.
function luxonInstants(w: Written, zoneName: string): number[] {
  const zone = zoneName === "UTC" ? FixedOffsetZone.utcInstance : IANAZone.create(zoneName);
  const instants: number[] = [];
  for (const now of [Date.UTC(w.year, 0, 15), Date.UTC(w.year, 6, 15), Date.UTC(2024, 11, 1)]) {
    Settings.now = () => now;
    const date = DateTime.fromObject(writtenFields(w), { zone });
    if (date.isValid && JSON.stringify(fieldsOf(date)) === JSON.stringify(writtenFields(w))) instants.push(date.toMillis());
  }
  return instants;
}

describe("readDate, for any string of the grammar", () => {
  const realNow = Settings.now;
  afterEach(() => {
    Settings.now = realNow;
  });

  it("returns the written fields, the earlier instant or the day's start, or a reason; never throws", () => {
    const seen = { repeated: 0, skipped: 0, lateStart: 0 };
    fc.assert(
      fc.property(written, (w) => {
        const zoneName = w.zone;
        const reading = readDate(text(w), zoneName);
        if (!reading.ok) {
          expect(reading.reason).toMatch(/\S/);
          // A local time called non-existent must have no instant that shows it.
          if (w.time && !w.offset && Number(w.time.hour) < 24 && Number(w.time.minute) < 60 && Number(w.time.second ?? 0) < 60 && w.month <= 12) {
            const calendar = DateTime.fromObject({ year: w.year, month: w.month, day: w.day }, { zone: "UTC" });
            if (calendar.isValid) {
              expect(luxonInstants(w, zoneName)).toEqual([]);
              seen.skipped++;
            }
          }
          return;
        }
        const value = reading.value;
        expect(value.zoneName).toBe(zoneName);
        if (w.offset) {
          const minutes = /^z$/i.test(w.offset) ? 0 : (w.offset[0] === "-" ? -1 : 1) * (Number(w.offset.slice(1, 3)) * 60 + Number(w.offset.slice(-2)));
          expect(minutes).toBeGreaterThanOrEqual(-720);
          expect(minutes).toBeLessThanOrEqual(840);
          expect(fieldsOf(value.setZone(FixedOffsetZone.instance(minutes)))).toEqual(writtenFields(w));
        } else if (w.time) {
          expect(fieldsOf(value)).toEqual(writtenFields(w));
          const luxon = luxonInstants(w, zoneName);
          expect(value.toMillis()).toBeLessThanOrEqual(Math.min(...luxon));
          if (new Set([...luxon, value.toMillis()]).size > 1) expect(reading.repeated).toBeDefined();
          if (reading.repeated) seen.repeated++;
          // The earlier instant: an hour (or half an hour) before shows some other wall time.
          for (const back of [30, 60]) expect(fieldsOf(value.minus({ minutes: back }))).not.toEqual(writtenFields(w));
        } else {
          // The first instant of the day: it is on the day, and the millisecond before is not.
          expect([value.year, value.month, value.day]).toEqual([w.year, w.month, w.day]);
          expect(value.minus({ milliseconds: 1 }).toISODate()).not.toBe(value.toISODate());
          expect(reading.hasTime).toBe(false);
          if (value.hour !== 0) seen.lateStart++;
        }
      }),
      { numRuns: 3000 },
    );
    // The run reached the cases the rules are about, not only ordinary times.
    expect(Object.values(seen).every((n) => n > 0), JSON.stringify(seen)).toBe(true);
  });
});
