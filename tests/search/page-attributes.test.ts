/**
 * The search attributes of an article page (src/search/page-attributes.ts): the date Pagefind
 * sorts by is the article's instant in UTC, written exactly as luxon writes it.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { utcIso } from "../../src/search/page-attributes.ts";
import { siteZone } from "../../src/content/zone-cache.ts";

describe("utcIso", () => {
  const cases: [string, string, string][] = [
    ["2023-02-18T09:30:00", "Europe/Berlin", "2023-02-18T08:30:00.000Z"],
    ["2023-07-01T00:15:00", "America/New_York", "2023-07-01T04:15:00.000Z"],
    ["2024-01-01T00:30:00.250", "Asia/Kolkata", "2023-12-31T19:00:00.250Z"],
    ["1969-12-31T23:59:59", "UTC", "1969-12-31T23:59:59.000Z"],
    ["0999-06-01T12:00:00", "UTC", "0999-06-01T12:00:00.000Z"],
    ["9999-12-31T23:59:59.999", "UTC", "9999-12-31T23:59:59.999Z"],
  ];
  it.each(cases)("%s in %s → %s", (iso, zone, expected) => {
    const date = DateTime.fromISO(iso, { zone: siteZone(zone) });
    expect(utcIso(date)).toBe(expected);
    expect(utcIso(date)).toBe(date.toUTC().toISO());
  });

  it("writes what luxon writes outside the years Date writes in four digits", () => {
    for (const year of [-1, 0, 10000, 12345]) {
      const date = DateTime.fromObject({ year, month: 3, day: 4, hour: 5 }, { zone: "UTC" });
      expect(utcIso(date)).toBe(date.toUTC().toISO());
    }
  });
});
