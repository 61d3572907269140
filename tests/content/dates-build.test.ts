/**
 * The date rules through real builds of fixture archives: the same output whatever day the
 * build runs on, gaps and impossible offsets stopping the build, date-only days published.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";
import { hasPage, readPage, tempOut, text } from "../helpers/built-site.ts";
import { hashTree } from "../helpers/run-cli.ts";

const BIN = fileURLToPath(new URL("../../bin/gazette.mjs", import.meta.url));
const FAKE_CLOCK = fileURLToPath(new URL("../helpers/fake-clock.mjs", import.meta.url));
const created: string[] = [];
afterAll(() => {
  for (const path of created) rmSync(path, { recursive: true, force: true });
});

function archive(files: Record<string, string>, zone = "America/New_York"): string {
  const root = fixtureArchive({ "site.yml": SITE_YML.replace("America/New_York", zone).replace("perPage: 2", "perPage: 10"), ...files });
  created.push(root);
  return root;
}
function out(): string {
  const path = tempOut();
  created.push(dirname(path));
  return path;
}

// `gazette ...args` in a child process whose clock reads `clock`.
function gazetteOn(clock: string, args: string[]) {
  const run = spawnSync(process.execPath, ["--import", FAKE_CLOCK, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, GAZETTE_FAKE_NOW: clock, TZ: "UTC" },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("a repeated local time (New York, 2024-11-03 01:30, clocks going back)", () => {
  // Read as the later 01:30 (-05:00), the update at 01:10 -05:00 would come before the article.
  const root = archive({
    "fall-back.md": article([
      "title: Fall back",
      "date: 2024-11-03 01:30",
      "section: politics",
      "updates:",
      "  - at: 2024-11-03T01:10:00-05:00",
      "    text: Counting resumed.",
    ]),
  });
  // Both after the article's date: before it, the article is (rightly) held back as embargoed.
  const clocks = ["2024-12-15T12:00:00Z", "2025-07-15T12:00:00Z"];
  let builds: { folder: string; run: ReturnType<typeof gazetteOn> }[] = [];
  beforeAll(() => {
    builds = clocks.map((clock) => {
      const folder = out();
      return { folder, run: gazetteOn(clock, ["build", "--content", root, "--out", folder, "--no-cache", "--quiet"]) };
    });
  });

  it("builds byte for byte the same site in December and in July", () => {
    for (const { run } of builds) expect(run.status, run.stderr).toBe(0);
    const [december, july] = builds.map((b) => hashTree(b.folder));
    expect(Object.keys(december).length).toBeGreaterThan(3);
    expect(july).toEqual(december);
  });

  it("takes the earlier instant, so the update stays after the article", () => {
    const page = readPage(builds[0].folder, "/2024/11/03/fall-back/");
    expect(page.querySelector(".story__time time")?.getAttribute("datetime")).toBe("2024-11-03T01:30:00-04:00");
    expect(page.querySelectorAll(".updates .update time").map((t) => t.getAttribute("datetime"))).toEqual(["2024-11-03T01:10:00-05:00"]);
  });

  it.each(clocks)("warns, located, naming both offsets, in check and build (clock at %s)", (clock) => {
    const check = gazetteOn(clock, ["check", "--content", root]);
    expect(check.status, check.stderr).toBe(0);
    const warning = `fall-back.md:3:1  warning  date-repeated  The local time 2024-11-03 01:30 occurs twice in America/New_York (clocks went back), at -04:00 and -05:00; it is read as the earlier, 2024-11-03T01:30-04:00. (date)`;
    expect(check.stderr).toContain(warning);
    expect(check.stderr).toMatch(/hint: An explicit offset would be clearer: 2024-11-03T01:30-04:00 for the first, 2024-11-03T01:30-05:00 for the later\./);
    expect(builds[clocks.indexOf(clock)].run.stderr).toContain(warning);
  });
});

describe("dates that do not exist stop the build, located", () => {
  it.each([
    ["Australia/Lord_Howe", "date: 2024-10-06 02:15", /does not exist in Australia\/Lord_Howe \(clocks moved forward from \+10:30 to \+11:00\)/],
    ["Pacific/Apia", "date: 2011-12-30 12:00", /2011-12-30 12:00 does not exist in Pacific\/Apia \(the whole day was skipped/],
    ["Pacific/Apia", "date: 2011-12-30", /the day 2011-12-30 does not exist in Pacific\/Apia/],
    ["America/New_York", 'date: "2024-01-05T10:00:00+99:99"', /the offset \+99:99 does not exist/],
    ["America/New_York", "date: 2024-01-05T10:00:00+24:00", /the offset \+24:00 does not exist/],
    ["America/New_York", "date: 2024-01-05+02:00", /has an offset but no time/],
    ["America/New_York", "date: 2024-01-05Z", /has an offset but no time/],
  ])("in %s, %s", async (zone, line, reason) => {
    const folder = out();
    const result = await buildSite({ content: archive({ "a.md": article(["title: A", line, "section: politics"]) }, zone), out: folder, cache: false });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.severity, i.file, i.line, i.field])).toEqual([["date-invalid", "error", "a.md", 3, "date"]]);
    expect(result.issues[0].message).toMatch(reason);
    expect(hasPage(folder, "/2024/01/05/a/") || hasPage(folder, "/2024/01/01/a/")).toBe(false);
  });

  it("rejects an update timed in a gap, at the update", async () => {
    const root = archive({ "a.md": article(["title: A", "date: 2024-10-05 20:00", "section: politics", "updates:", "  - at: 2024-10-06 02:15", "    text: Later."]) }, "Australia/Lord_Howe");
    const result = await buildSite({ content: root, out: out(), cache: false });
    expect(result.issues.map((i) => [i.code, i.line, i.field])).toEqual([["date-invalid", 6, "updates[0].at"]]);
  });
});

describe("a date without a time on a day whose midnight was skipped (Cairo, 2024-04-26)", () => {
  it("is published on that day and sorts as the day's first instant, 01:00", async () => {
    const folder = out();
    const root = archive(
      {
        "before.md": article(["title: Late on the 25th", "date: 2024-04-25 23:30", "section: politics"]),
        "day.md": article(["title: The day itself", "date: 2024-04-26", "section: politics"]),
        "after.md": article(["title: Early on the 26th", "date: 2024-04-26 01:30", "section: politics"]),
      },
      "Africa/Cairo",
    );
    const result = await buildSite({ content: root, out: folder, cache: false });
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(hasPage(folder, "/2024/04/26/day/")).toBe(true);
    const time = readPage(folder, "/2024/04/26/day/").querySelector(".story__time time");
    expect(time?.getAttribute("datetime")).toBe("2024-04-26T01:00:00+03:00");
    const listed = readPage(folder, "/politics/").querySelectorAll("article h2, article h3").map((h) => text(h));
    expect(listed).toEqual(["Early on the 26th", "The day itself", "Late on the 25th"]);
  });
});
