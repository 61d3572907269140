import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDayDate, formatMonthYear, formatShortDate, formatUpdateTime, localDay } from "../../src/render/format-dates.ts";

const at = (iso: string, zone = "Europe/Berlin") => DateTime.fromISO(iso, { zone });

describe("formatDateTime", () => {
  const cases: [string, string, string][] = [
    ["2023-02-18T09:30:00", "en", "Saturday, February 18, 2023, 9:30 a.m."],
    ["2023-02-18T14:16:00", "en", "Saturday, February 18, 2023, 2:16 p.m."],
    ["2023-02-18T00:05:00", "en", "Saturday, February 18, 2023, 12:05 a.m."],
    ["2023-02-18T12:00:00", "en", "Saturday, February 18, 2023, 12:00 p.m."],
    ["2023-02-18T09:30:00", "en-GB", "Saturday, 18 February 2023, 9:30 a.m."],
    ["2023-02-18T09:30:00", "de", "Samstag, 18. Februar 2023, 9:30"],
  ];
  it.each(cases)("%s in %s → %s", (iso, locale, expected) => {
    expect(formatDateTime(at(iso), locale)).toBe(expected);
  });
});

describe("formatUpdateTime", () => {
  const published = at("2023-02-18T09:30:00");
  const cases: [string, string][] = [
    ["2023-02-18T14:16:00", "Saturday, February 18, 2:16 p.m."],
    ["2023-02-20T08:00:00", "Monday, February 20, 8:00 a.m."],
    // A later year is named, so a reader is never misled about when a correction came.
    ["2024-01-03T10:00:00", "Wednesday, January 3, 2024, 10:00 a.m."],
  ];
  it.each(cases)("%s → %s", (iso, expected) => {
    expect(formatUpdateTime(at(iso), published, "en")).toBe(expected);
  });
});

describe("short and long dates", () => {
  it.each([
    ["en", "Feb 18, 2023", "Saturday, February 18, 2023"],
    ["de", "18. Feb. 2023", "Samstag, 18. Februar 2023"],
  ])("%s", (locale, short, long) => {
    expect(formatShortDate(at("2023-02-18T09:30:00"), locale)).toBe(short);
    expect(formatDate(at("2023-02-18T09:30:00"), locale)).toBe(long);
  });
});

describe("cached formatters", () => {
  it.each(["en", "en-GB", "de", "fr", "ja"])("print what luxon prints in %s, across zones and years", (locale) => {
    for (const zone of ["Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo"]) {
      for (let year = 2001; year < 2030; year += 7) {
        const date = DateTime.fromObject({ year, month: (year % 12) + 1, day: 28, hour: 23, minute: 30 }, { zone });
        expect(formatShortDate(date, locale)).toBe(date.setLocale(locale).toLocaleString({ year: "numeric", month: "short", day: "numeric" }));
        const longDate = date.setLocale(locale).toLocaleString({ weekday: "long", year: "numeric", month: "long", day: "numeric" });
        expect(formatDate(date, locale)).toBe(longDate);
        const time = date.setLocale(locale).toLocaleString({ hour: "numeric", minute: "2-digit" });
        const dayOfYear = date.setLocale(locale).toLocaleString({ weekday: "long", month: "long", day: "numeric" });
        // English times are newsroom style ("9:30 a.m."), made without Intl; other languages use their own.
        if (!locale.startsWith("en")) {
          expect(formatDateTime(date, locale)).toBe(`${longDate}, ${time}`);
          expect(formatUpdateTime(date, date.minus({ hours: 1 }), locale)).toBe(`${date.minus({ hours: 1 }).year === year ? dayOfYear : longDate}, ${time}`);
          expect(formatUpdateTime(date, date.minus({ years: 1 }), locale)).toBe(`${longDate}, ${time}`);
        } else {
          expect(formatUpdateTime(date, date.minus({ years: 1 }), locale).startsWith(`${longDate}, `)).toBe(true);
          expect(formatUpdateTime(date, date.startOf("year"), locale).startsWith(`${dayOfYear}, `)).toBe(true);
        }
      }
    }
  });
});

describe("texts kept per local day", () => {
  // Every half hour across two DST changes and a year's end, in zones on both sides of UTC:
  // the text kept for a day is the one luxon prints for each instant of it, never a
  // neighbouring day's (a day in Tokyo or New York starts on another UTC date).
  const spans: [string, string][] = [
    ["Europe/Berlin", "2023-03-25T00:00:00Z"],
    ["America/New_York", "2023-11-04T00:00:00Z"],
    ["Asia/Tokyo", "2023-12-30T00:00:00Z"],
    ["Pacific/Chatham", "2024-04-06T00:00:00Z"],
    ["UTC", "2024-02-28T00:00:00Z"],
  ];
  it.each(spans)("%s from %s", (zone, start) => {
    const from = DateTime.fromISO(start, { zone });
    for (let step = 0; step < 4 * 48; step++) {
      const date = from.plus({ minutes: 30 * step });
      for (const locale of ["en", "de"]) {
        const local = date.setLocale(locale);
        expect(formatShortDate(date, locale)).toBe(local.toLocaleString({ year: "numeric", month: "short", day: "numeric" }));
        expect(formatDate(date, locale)).toBe(local.toLocaleString({ weekday: "long", year: "numeric", month: "long", day: "numeric" }));
        expect(formatDayDate(date, locale)).toBe(local.toLocaleString({ year: "numeric", month: "long", day: "numeric" }));
        expect(formatMonthYear(date, locale)).toBe(local.toLocaleString({ year: "numeric", month: "long" }));
      }
    }
  });

  it.each([
    ["2023-02-18T00:00", "Europe/Berlin", "2023-02-18T23:59", "Europe/Berlin", true],
    ["2023-02-18T23:59", "Europe/Berlin", "2023-02-19T00:00", "Europe/Berlin", false],
    ["2023-01-31T12:00", "UTC", "2023-02-01T12:00", "UTC", false],
    ["2023-12-31T12:00", "UTC", "2024-01-01T12:00", "UTC", false],
    ["2023-02-18T23:30", "Europe/Berlin", "2023-02-18T23:30", "Asia/Tokyo", true],
  ] as const)("localDay(%s %s) = localDay(%s %s): %s", (a, zoneA, b, zoneB, same) => {
    expect(localDay(DateTime.fromISO(a, { zone: zoneA })) === localDay(DateTime.fromISO(b, { zone: zoneB }))).toBe(same);
  });
});
