import { DateTime, FixedOffsetZone, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { resolveLocal } from "../../src/content/local-time.ts";
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

  // The named repeated and skipped local times, and the transition days they lie on.
  const transitions: [string, string][] = [
    ["America/New_York", "2024-11-03"],
    ["Australia/Lord_Howe", "2024-10-06"],
    ["Australia/Lord_Howe", "2024-04-07"],
    ["Pacific/Apia", "2011-12-30"],
    ["Africa/Cairo", "2024-04-26"],
    ["America/Santiago", "2024-09-08"],
    ["America/Havana", "2024-03-10"],
    ["Asia/Beirut", "2024-03-31"],
  ];
  it.each(transitions)("answers %s's offsets and local times exactly, minute by minute, around %s", (name, day) => {
    const plain = IANAZone.create(name);
    const remembered = siteZone(name);
    const start = Date.parse(`${day}T00:00:00Z`) - 2 * 86_400_000;
    const offsets: [number, number, number][] = [];
    const locals: [number, unknown, unknown][] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (let ts = start; ts < start + 4 * 86_400_000; ts += 60_000) {
        if (plain.offset(ts) !== remembered.offset(ts)) offsets.push([ts, plain.offset(ts), remembered.offset(ts)]);
      }
      // Every quarter hour of the wall clock on the day before, the day itself and the day after.
      for (let wall = start + 86_400_000; wall < start + 4 * 86_400_000; wall += 15 * 60_000) {
        const d = new Date(wall);
        const fields = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0, millisecond: 0 };
        const a = resolveLocal(fields, plain);
        const b = resolveLocal(fields, remembered);
        if (JSON.stringify(a) !== JSON.stringify(b)) locals.push([wall, a, b]);
      }
    }
    expect(offsets).toEqual([]);
    expect(locals).toEqual([]);
  });

  it("is one shared zone per name", () => expect(siteZone("Europe/Berlin")).toBe(siteZone("Europe/Berlin")));
});
