import { describe, expect, it } from "vitest";
import { isoDateTime, readDate } from "../../src/content/dates.ts";

describe("readDate", () => {
  const valid: [unknown, string, string, boolean][] = [
    ["2023-02-18T09:30:00+01:00", "Europe/Berlin", "2023-02-18T09:30:00+01:00", true],
    ["2023-02-18T09:30:00+0100", "Europe/Berlin", "2023-02-18T09:30:00+01:00", true],
    ["2023-02-18T08:30:00Z", "Europe/Berlin", "2023-02-18T09:30:00+01:00", true],
    ["2023-02-18T08:30:00z", "Europe/Berlin", "2023-02-18T09:30:00+01:00", true],
    ["2023-02-18 09:30", "Europe/Berlin", "2023-02-18T09:30:00+01:00", true],
    ["2023-02-18T09:30", "America/New_York", "2023-02-18T09:30:00-05:00", true],
    ["2023-07-01 09:30:15", "America/New_York", "2023-07-01T09:30:15-04:00", true],
    ["2023-02-18", "Asia/Tokyo", "2023-02-18T00:00:00+09:00", false],
    [" 2023-02-18 ", "UTC", "2023-02-18T00:00:00Z", false],
    // An offset keeps its instant and is shown in the site's zone.
    ["2023-02-18T23:30:00-05:00", "Europe/Berlin", "2023-02-19T05:30:00+01:00", true],
    ["2024-02-29", "UTC", "2024-02-29T00:00:00Z", false],
    ["2023-02-18T09:30:00.250+01:00", "Europe/Berlin", "2023-02-18T09:30:00.250+01:00", true],
  ];
  it.each(valid)("reads %j in %s as %s", (value, zone, expected, hasTime) => {
    const reading = readDate(value, zone);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(isoDateTime(reading.value)).toBe(expected);
    expect(reading.value.zoneName).toBe(zone);
    expect(reading.hasTime).toBe(hasTime);
  });

  const invalid: [unknown, RegExp][] = [
    ["2023-02-30", /not a day of the calendar/],
    ["2023-13-01", /not a day of the calendar/],
    ["2023-02-29", /not a day of the calendar/],
    ["2023-02-18T24:00", /not a time of day/],
    ["2023-02-18T10:61", /not a time of day/],
    ["2023-W07", /not an ISO 8601/],
    ["18.02.2023", /not an ISO 8601/],
    ["yesterday", /not an ISO 8601/],
    ["", /not an ISO 8601/],
    [2023, /found the number 2023/],
    [null, /found nothing/],
    [["2023-02-18"], /found a list/],
    // Clocks jumped from 02:00 to 03:00 in Berlin that night.
    ["2023-03-26 02:30", /does not exist in Europe\/Berlin/],
  ];
  it.each(invalid)("rejects %j", (value, reason) => {
    const reading = readDate(value, "Europe/Berlin");
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toMatch(reason);
  });

  it("ignores the build machine's zone", () => {
    const before = process.env.TZ;
    const results = ["UTC", "Asia/Tokyo", "America/Los_Angeles"].map((tz) => {
      process.env.TZ = tz;
      const r = readDate("2023-02-18 23:30", "America/New_York");
      return r.ok ? isoDateTime(r.value) : "";
    });
    process.env.TZ = before;
    expect(new Set(results)).toEqual(new Set(["2023-02-18T23:30:00-05:00"]));
  });
});
