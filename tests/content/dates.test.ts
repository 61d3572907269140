import { DateTime } from "luxon";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isoDateTime, readDate, repeatedTimeAdvice } from "../../src/content/dates.ts";

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

// Two build days half a year apart: luxon's own guess for a repeated time follows the clock.
const CLOCKS = ["2024-12-15T12:00:00Z", "2024-07-15T12:00:00Z"];

describe("a local time that occurs twice is the earlier instant, whatever the clock says", () => {
  afterEach(() => vi.useRealTimers());

  const repeated: [string, string, string, string[]][] = [
    ["2024-11-03 01:30", "America/New_York", "2024-11-03T01:30:00-04:00", ["-04:00", "-05:00"]],
    ["2024-11-03T01:00", "America/New_York", "2024-11-03T01:00:00-04:00", ["-04:00", "-05:00"]],
    ["2024-11-03 01:59:59", "America/New_York", "2024-11-03T01:59:59-04:00", ["-04:00", "-05:00"]],
    ["2023-10-29 02:30", "Europe/Berlin", "2023-10-29T02:30:00+02:00", ["+02:00", "+01:00"]],
    // Lord Howe turns its clocks back by half an hour.
    ["2024-04-07 01:45", "Australia/Lord_Howe", "2024-04-07T01:45:00+11:00", ["+11:00", "+10:30"]],
  ];
  const cases = CLOCKS.flatMap((clock) => repeated.map((c) => [clock, ...c] as const));
  it.each(cases)("with the clock at %s, reads %s in %s as %s", (clock, value, zone, expected, offsets) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(clock));
    const reading = readDate(value, zone);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(isoDateTime(reading.value)).toBe(expected);
    expect(reading.repeated).toEqual({ local: value.replace("T", " "), offsets });
  });

  it.each([
    ["2024-11-03 00:59", "America/New_York", "2024-11-03T00:59:00-04:00"],
    ["2024-11-03 02:00", "America/New_York", "2024-11-03T02:00:00-05:00"],
  ])("does not call %s in %s repeated", (value, zone, expected) => {
    const reading = readDate(value, zone);
    expect(reading.ok && [isoDateTime(reading.value), reading.repeated]).toEqual([expected, undefined]);
  });

  it("says which instant was taken and names both offsets", () => {
    const advice = repeatedTimeAdvice({ local: "2024-11-03 01:30", offsets: ["-04:00", "-05:00"] }, "America/New_York");
    expect(advice.message).toMatch(/occurs twice in America\/New_York.*-04:00 and -05:00.*earlier, 2024-11-03T01:30-04:00/);
    expect(advice.hint).toMatch(/explicit offset.*2024-11-03T01:30-04:00.*2024-11-03T01:30-05:00/);
  });
});

describe("a local time skipped by the clocks is an error, however short or long the jump", () => {
  const skipped: [string, string, RegExp][] = [
    // Lord Howe moves forward by 30 minutes, 02:00 → 02:30.
    ["2024-10-06 02:15", "Australia/Lord_Howe", /does not exist in Australia\/Lord_Howe \(clocks moved forward from \+10:30 to \+11:00\)/],
    ["2024-10-06 02:00", "Australia/Lord_Howe", /does not exist/],
    ["2024-10-06 02:29:59", "Australia/Lord_Howe", /does not exist/],
    // Samoa skipped 30 December 2011 entirely, from -10:00 to +14:00.
    ["2011-12-30 00:00", "Pacific/Apia", /does not exist in Pacific\/Apia \(the whole day was skipped/],
    ["2011-12-30 12:00", "Pacific/Apia", /does not exist in Pacific\/Apia/],
    ["2011-12-30T23:59:59", "Pacific/Apia", /does not exist in Pacific\/Apia/],
    ["2023-03-26 02:30", "Europe/Berlin", /does not exist in Europe\/Berlin/],
    ["2024-03-10 02:30", "America/New_York", /does not exist in America\/New_York/],
  ];
  it.each(skipped)("rejects %s in %s", (value, zone, reason) => {
    const reading = readDate(value, zone);
    expect(reading.ok ? isoDateTime(reading.value) : reading.reason).toMatch(reason);
  });

  it.each([
    ["2024-10-06 01:59:59", "Australia/Lord_Howe", "2024-10-06T01:59:59+10:30"],
    ["2024-10-06 02:30", "Australia/Lord_Howe", "2024-10-06T02:30:00+11:00"],
    ["2011-12-29 23:59:59", "Pacific/Apia", "2011-12-29T23:59:59-10:00"],
    ["2011-12-31 00:00", "Pacific/Apia", "2011-12-31T00:00:00+14:00"],
  ])("accepts %s in %s, at the edge of the jump", (value, zone, expected) => {
    const reading = readDate(value, zone);
    expect(reading.ok ? isoDateTime(reading.value) : reading.reason).toBe(expected);
  });
});

describe("a date without a time names the day and stands for its first instant", () => {
  const days: [string, string, string][] = [
    // Each of these midnights was skipped by daylight saving: the day began at 01:00.
    ["2024-04-26", "Africa/Cairo", "2024-04-26T01:00:00+03:00"],
    ["2024-09-08", "America/Santiago", "2024-09-08T01:00:00-03:00"],
    ["2024-03-10", "America/Havana", "2024-03-10T01:00:00-04:00"],
    ["2024-03-31", "Asia/Beirut", "2024-03-31T01:00:00+03:00"],
    // Havana's midnight occurs twice here (01:00 → 00:00): the day begins at the first.
    ["2024-11-03", "America/Havana", "2024-11-03T00:00:00-04:00"],
    ["2011-12-31", "Pacific/Apia", "2011-12-31T00:00:00+14:00"],
    ["2024-04-25", "Africa/Cairo", "2024-04-25T00:00:00+02:00"],
  ];
  it.each(days)("reads %s in %s as %s, without a time and without a warning", (value, zone, expected) => {
    const reading = readDate(value, zone);
    expect(reading.ok ? [isoDateTime(reading.value), reading.hasTime, reading.repeated] : reading.reason).toEqual([expected, false, undefined]);
  });

  it("rejects a day the zone skipped entirely", () => {
    const reading = readDate("2011-12-30", "Pacific/Apia");
    expect(reading.ok ? isoDateTime(reading.value) : reading.reason).toMatch(/the day 2011-12-30 does not exist in Pacific\/Apia/);
  });
});

describe("offsets", () => {
  it.each([
    ["2024-01-05T10:00+99:99", /the offset \+99:99 does not exist/],
    ["2024-01-05T10:00+24:00", /the offset \+24:00 does not exist/],
    ["2024-01-05T10:00+14:01", /does not exist.*-12:00 to \+14:00/],
    ["2024-01-05T10:00-12:01", /does not exist/],
    ["2024-01-05T10:00-1300", /does not exist/],
    ["2024-01-05T10:00+05:60", /does not exist/],
    ["2024-01-05+02:00", /has an offset but no time/],
    ["2024-01-05Z", /has an offset but no time/],
    ["2024-01-05 -05:00", /has an offset but no time/],
  ])("rejects %s", (value, reason) => {
    const reading = readDate(value, "UTC");
    expect(reading.ok ? isoDateTime(reading.value) : reading.reason).toMatch(reason);
  });

  it.each([
    ["2024-01-05T10:00+14:00", "2024-01-04T20:00:00Z"],
    ["2024-01-05T10:00-12:00", "2024-01-05T22:00:00Z"],
    ["2024-01-05T10:00+05:45", "2024-01-05T04:15:00Z"],
    ["2024-01-05T10:00-0930", "2024-01-05T19:30:00Z"],
    ["2024-01-05T10:00-00:00", "2024-01-05T10:00:00Z"],
  ])("accepts %s as %s", (value, expected) => {
    const reading = readDate(value, "UTC");
    expect(reading.ok ? isoDateTime(reading.value) : reading.reason).toBe(expected);
  });
});

describe("isoDateTime", () => {
  it.each([
    [DateTime.fromISO("2023-02-18T09:30:00", { zone: "Europe/Berlin" }), "2023-02-18T09:30:00+01:00"],
    [DateTime.fromISO("2023-02-18T09:30:00.007", { zone: "UTC" }), "2023-02-18T09:30:00.007Z"],
    [DateTime.fromISO("2023-01-15T12:00:00", { zone: "Europe/London" }), "2023-01-15T12:00:00+00:00"],
    [DateTime.fromObject({ year: 12000, month: 1, day: 1 }, { zone: "UTC" }), "+012000-01-01T00:00:00Z"],
    [DateTime.fromObject({ year: -5, month: 1, day: 1 }, { zone: "UTC" }), "-000005-01-01T00:00:00Z"],
    [DateTime.invalid("test"), ""],
  ])("writes %s as %s", (date, expected) => expect(isoDateTime(date)).toBe(expected));
});
