import { DateTime, FixedOffsetZone, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { siteZone } from "../../src/content/zone-cache.ts";

describe("siteZone", () => {
  it.each(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia", "UTC"])(
    "gives %s's offsets exactly, hour by hour and around transitions, over three years",
    (name) => {
      const plain = name === "UTC" ? FixedOffsetZone.utcInstance : IANAZone.create(name);
      const remembered = siteZone(name);
      const start = Date.UTC(2010, 11, 25);
      const mismatches: number[] = [];
      // Every 20 minutes across three years, twice (the second pass is answered from memory).
      for (let pass = 0; pass < 2; pass++) {
        for (let ts = start; ts < start + 3 * 365 * 86_400_000; ts += 20 * 60_000) {
          if (plain.offset(ts) !== remembered.offset(ts)) mismatches.push(ts);
        }
      }
      expect(mismatches).toEqual([]);
    },
  );

  it("formats dates exactly like luxon's own zone", () => {
    const iso = "2023-03-26T01:59:00Z";
    const a = DateTime.fromISO(iso, { zone: "Europe/Berlin" });
    const b = DateTime.fromISO(iso, { zone: siteZone("Europe/Berlin") });
    expect([b.toISO(), b.zoneName, b.toLocaleString(DateTime.DATETIME_FULL)]).toEqual([a.toISO(), a.zoneName, a.toLocaleString(DateTime.DATETIME_FULL)]);
    expect(b.plus({ minutes: 2 }).toISO()).toBe(a.plus({ minutes: 2 }).toISO());
  });

  it("is one shared zone per name", () => expect(siteZone("Europe/Berlin")).toBe(siteZone("Europe/Berlin")));
});
