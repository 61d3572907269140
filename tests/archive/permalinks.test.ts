import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { articleUrl, outputPathFor, sectionPageUrl, withBase } from "../../src/archive/permalinks.ts";

describe("articleUrl", () => {
  it.each([
    ["2023-02-18T09:30:00+01:00", "Europe/Berlin", "/2023/02/18/s/"],
    // 23:30 in New York is already the next day in UTC: the URL follows the newsroom.
    ["2023-02-18T23:30:00-05:00", "America/New_York", "/2023/02/18/s/"],
    ["2023-02-18T23:30:00-05:00", "UTC", "/2023/02/19/s/"],
    ["2023-01-01T00:20:00+01:00", "Europe/Berlin", "/2023/01/01/s/"],
  ])("%s in %s → %s", (iso, zone, url) => {
    expect(articleUrl(DateTime.fromISO(iso).setZone(zone), "s")).toBe(url);
  });
});

describe("sectionPageUrl", () => {
  it.each([
    ["politics", 1, "/politics/"],
    ["politics", 2, "/politics/page/2/"],
    ["world/europe", 1, "/world/europe/"],
    ["world/europe", 12, "/world/europe/page/12/"],
  ] as const)("%s page %i → %s", (id, page, url) => {
    expect(sectionPageUrl(id, page)).toBe(url);
  });
});

describe("outputPathFor and withBase", () => {
  it.each([
    ["/", "index.html"],
    ["/2023/02/18/s/", "2023/02/18/s/index.html"],
    ["/404.html", "404.html"],
  ])("%s → %s", (url, path) => expect(outputPathFor(url)).toBe(path));

  it.each([
    ["", "/politics/", "/politics/"],
    ["/archive", "/politics/", "/archive/politics/"],
    ["/archive/", "/", "/archive/"],
  ])("base %j + %s → %s", (base, url, joined) => expect(withBase(base, url)).toBe(joined));
});
