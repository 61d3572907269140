/**
 * `gazette import wire`: copy written for these tests in the wire's shape becomes exactly the
 * expected article; what cannot be understood is reported with its line and nothing is written.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { parseWireCopy } from "../../src/import/wire-copy.ts";
import { readPage, tempOut, text } from "../helpers/built-site.ts";
import { fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const COPY = ` date 2023-03-11 Front page county

Lakeford's ferry will run every half hour from April, the harbour board decided.

Update from Saturday, March 11, 4:05 p.m.: The board's chair said the *new* timetable starts on April 3.

Ferry to run every half hour

LAKEFORD – The harbour board voted on Saturday to double the ferry's crossings across the lake.
The vote was unanimous.

Members said the boats had been full all winter.

What changes for riders

Tickets keep their price, and the first crossing leaves at 6 a.m. (mk/ab)
`;

const EXPECTED = `---
title: Ferry to run every half hour
date: 2023-03-11
section: news/county
summary: Lakeford's ferry will run every half hour from April, the harbour board decided.
dateline: LAKEFORD
authors:
  - mk
  - ab
updates:
  - at: 2023-03-11T16:05:00-05:00
    text: The board's chair said the \\*new\\* timetable starts on April 3.
---
The harbour board voted on Saturday to double the ferry's crossings across the lake.
The vote was unanimous.

Members said the boats had been full all winter.

## What changes for riders

Tickets keep their price, and the first crossing leaves at 6 a.m.
`;

const SITE = `title: The Test Tribune   # kept as written
url: https://tribune.example.org
timeZone: America/New_York
sections:
  - id: politics
    title: Politics
`;

describe("gazette import wire", () => {
  it("turns copy in the wire's shape into exactly the expected article, adds its section, and builds", async () => {
    const content = fixtureArchive({ "site.yml": SITE });
    const wire = join(tempDir("gazette-wire-"), "ferry.txt");
    writeFileSync(wire, COPY);
    const run = runCli(["import", "wire", wire, "--content", content, "--section-map", "Front page county=news/county"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^gazette import wire: 1 article written, 0 unchanged, 0 kept, 0 skipped/);
    expect(run.stdout).toContain("section    news/county (County) added to site.yml");
    expect(readFileSync(join(content, "2023/03/11/ferry-to-run-every-half-hour.md"), "utf8")).toBe(EXPECTED);
    expect(readFileSync(join(content, "site.yml"), "utf8")).toBe(`${SITE}  - id: news\n    title: News\n  - id: news/county\n    title: County\n`);

    const before = hashTree(content);
    const again = runCli(["import", "wire", wire, "--content", content, "--section-map", "Front page county=news/county"]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/0 articles written, 1 unchanged/);
    expect(hashTree(content)).toEqual(before);

    const out = tempOut();
    const built = await buildSite({ content, out, cache: false });
    expect(built.ok).toBe(true);
    const page = readPage(out, "/2023/03/11/ferry-to-run-every-half-hour/");
    expect(text(page.querySelector(".story__body p"))).toBe("LAKEFORD – The harbour board voted on Saturday to double the ferry’s crossings across the lake. The vote was unanimous.");
    expect(page.querySelector(".dateline")?.textContent).toBe("LAKEFORD");
    expect(page.querySelector(".update time")?.getAttribute("datetime")).toBe("2023-03-11T16:05:00-05:00");
  });

  it("takes the mapping from site.yml's sectionMap, and keeps a changed file unless --force", () => {
    const content = fixtureArchive({ "site.yml": `${SITE}sectionMap:\n  Front page county: politics\n` });
    const wire = join(tempDir("gazette-wire-"), "ferry.txt");
    writeFileSync(wire, COPY);
    expect(runCli(["import", "wire", wire, "--content", content]).status).toBe(0);
    const file = join(content, "2023/03/11/ferry-to-run-every-half-hour.md");
    expect(readFileSync(file, "utf8")).toContain("section: politics\n");
    writeFileSync(file, readFileSync(file, "utf8").replace("all winter", "all year"));
    const kept = runCli(["import", "wire", wire, "--content", content]);
    expect(kept.stdout).toMatch(/kept {7}.*ferry-to-run-every-half-hour\.md/);
    expect(readFileSync(file, "utf8")).toContain("all year");
    expect(runCli(["import", "wire", wire, "--content", content, "--force"]).status).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("all winter");
  });

  const options = { timeZone: "America/New_York", sectionFor: (words: string) => (words === "Front page county" ? "politics" : undefined) };
  it.each([
    ["no date line", COPY.replace(" date 2023-03-11 Front page county", "Front page county"), "import-wire-date-line", 1],
    ["a day that does not exist", COPY.replace("2023-03-11", "2023-02-30"), "import-wire-date-line", 1],
    ["unmapped section words", COPY.replace("Front page county", "Weather desk"), "import-section-unmapped", 1],
    ["an unreadable update label", COPY.replace("4:05 p.m.", "teatime"), "import-wire-update-invalid", 5],
    ["a weekday that disagrees", COPY.replace("Saturday, March 11", "Friday, March 11"), "import-wire-update-weekday", 5],
    ["no headline", " date 2023-03-11 Front page county\n\nOnly a sentence.\n\nAnd another one.\n", "import-wire-headline-missing", 2],
  ])("reports %s with its line", (_, copy, code, line) => {
    const result = parseWireCopy(copy, "copy.txt", options);
    expect(result.article).toBeUndefined();
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([[code, line]]);
  });

  it("writes nothing when any piece of copy in the folder cannot be understood", () => {
    const content = fixtureArchive({ "site.yml": SITE });
    const dir = tempDir("gazette-wire-");
    writeFileSync(join(dir, "a.txt"), COPY);
    writeFileSync(join(dir, "b.txt"), COPY.replace("Saturday, March 11", "Monday, March 11"));
    const before = hashTree(content);
    const run = runCli(["import", "wire", dir, "--content", content, "--section-map", "Front page county=politics"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/b\.txt:5:1 {2}error {2}import-wire-update-weekday/);
    expect(hashTree(content)).toEqual(before);
    expect(existsSync(join(content, "2023"))).toBe(false);
  });

  it.each([
    ["an unknown kind", ["import", "blogger", "x.xml"], "unknown KIND \"blogger\""],
    ["--section-map for a WordPress export", ["import", "wordpress", "x.xml", "--section-map", "A=b"], "--section-map is for wire copy only."],
    ["--time-zone for wire copy", ["import", "wire", "x.txt", "--time-zone", "UTC"], "--time-zone is not for wire copy"],
    ["no source", ["import", "wire"], "missing KIND SOURCE."],
  ])("refuses %s as a usage error", (_, args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
