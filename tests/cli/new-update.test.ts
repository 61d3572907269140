/**
 * `gazette new` and `gazette update`, round-tripped through the real build: a new article
 * builds at its dated URL; an update shows as its block at its time; the rest of the file is
 * untouched, and an invalid result is never written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { withUpdate } from "../../src/import/add-update.ts";
import { uniqueSlug } from "../../src/import/new-article.ts";
import { readPage, tempOut, text } from "../helpers/built-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";

const HAND_WRITTEN = `---
# The budget story, filed by the desk
title: "Council: the harbour budget passes"   # headline as printed
date: 2023-02-18T09:30:00
section: politics
tags: [budget, harbour]
updates:
    - at: 2023-02-18T11:00:00
      text: Figures added.
---
WASHINGTON – The council voted.  \r
Trailing spaces and a stray carriage return stay.
`;

describe("gazette new", () => {
  it("writes the article at its dated path with a unique slug, and it builds", async () => {
    const content = fixtureArchive({ "2023/02/18/harbour-budget-vote.md": article(["title: Old", "date: 2023-02-18T08:00:00", "section: politics"]) });
    const run = runCli(["new", "--content", content, "--section", "world/europe", "--date", "2023-02-18 23:30", "Harbour budget vote"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // The slug harbour-budget-vote is taken, so the new one gets -2; 23:30 in New York stays on the 18th.
    const path = join(content, "2023/02/18/harbour-budget-vote-2.md");
    expect(run.stdout).toBe(`${path}\n`);
    expect(readFileSync(path, "utf8")).toBe("---\ntitle: Harbour budget vote\ndate: 2023-02-18T23:30:00-05:00\nsection: world/europe\n---\n");
    const out = tempOut();
    expect((await buildSite({ content, out, cache: false })).ok).toBe(true);
    const page = readPage(out, "/2023/02/18/harbour-budget-vote-2/");
    expect(text(page.querySelector("h1"))).toBe("Harbour budget vote");
    expect(page.querySelector(".story__time time")?.getAttribute("datetime")).toBe("2023-02-18T23:30:00-05:00");
  });

  it("dates the article now, in the site's zone, without --date", () => {
    const content = fixtureArchive({});
    const run = runCli(["new", "--content", content, "--section", "sport", "Late score"]);
    expect(run.status).toBe(0);
    const written = readFileSync(run.stdout.trim(), "utf8");
    const date = /date: (\S+)/.exec(written)![1];
    expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(60_000);
    expect(date).toMatch(/-0[45]:00$/);
  });

  it.each([
    ["an undeclared section", ["--section", "weather", "Rain"], "section-unknown"],
    ["a date that does not exist", ["--section", "sport", "--date", "2023-02-30", "Rain"], "date-invalid"],
  ])("refuses %s and writes nothing", (_, args, code) => {
    const content = fixtureArchive({});
    const before = hashTree(content);
    const run = runCli(["new", "--content", content, ...args]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error  ${code}`);
    expect(hashTree(content)).toEqual(before);
  });

  it.each([
    ["vote", [], "vote"],
    ["vote", ["vote"], "vote-2"],
    ["vote", ["vote", "vote-2"], "vote-3"],
  ])("uniqueSlug(%s) beside %j is %s", (slug, taken, expected) => {
    expect(uniqueSlug(slug, new Set(taken))).toBe(expected);
  });
});

describe("gazette update", () => {
  it("appends the update without disturbing the rest, and the build shows it at its time", async () => {
    const content = fixtureArchive({ "2023/budget.md": HAND_WRITTEN });
    const file = join(content, "2023/budget.md");
    const run = runCli(["update", file, "The mayor's office confirmed the figures.", "--at", "2023-02-18 14:16"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const correction = runCli(["update", file, "An earlier version misspelt the harbour's name.", "--correction", "--at", "2023-02-19T10:05:00-05:00"]);
    expect(correction.status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(
      HAND_WRITTEN.replace(
        "      text: Figures added.\n",
        "      text: Figures added.\n    - at: 2023-02-18T14:16:00-05:00\n      text: The mayor's office confirmed the figures.\n    - at: 2023-02-19T10:05:00-05:00\n      kind: correction\n      text: An earlier version misspelt the harbour's name.\n",
      ),
    );
    const out = tempOut();
    expect((await buildSite({ content, out, cache: false })).ok).toBe(true);
    const page = readPage(out, "/2023/02/18/budget/");
    const blocks = page.querySelectorAll(".update");
    expect(blocks.map((b) => b.getAttribute("id"))).toEqual(["correction-3", "update-2", "update-1"]);
    expect(blocks[1].querySelector("time")?.getAttribute("datetime")).toBe("2023-02-18T14:16:00-05:00");
    expect(text(blocks[1])).toBe("Update from Saturday, February 18, 2:16 p.m.: The mayor’s office confirmed the figures.");
  });

  it.each([
    ["a time before the article's date", ["--at", "2023-02-18 08:00"], "update-before-date"],
    ["a time that does not exist", ["--at", "2023-02-30 08:00"], "date-invalid"],
    ["a control character in the text", ["--at", "2023-02-18 12:00"], "control-character", "Bell \u0007 rings."],
  ])("refuses %s and leaves the file as it was", (_, args, code, note = "Something.") => {
    const content = fixtureArchive({ "2023/budget.md": HAND_WRITTEN });
    const file = join(content, "2023/budget.md");
    const run = runCli(["update", file, note, ...args]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error  ${code}`);
    expect(readFileSync(file, "utf8")).toBe(HAND_WRITTEN);
  });

  it("starts an updates list where there is none, keeping Windows line ends", () => {
    const crlf = "---\r\ntitle: A\r\ndate: 2023-02-18\r\nsection: world\r\n---\r\nBody.\r\n";
    expect(withUpdate(crlf, { at: "2023-02-18T10:00:00-05:00", text: "More." })).toBe(
      "---\r\ntitle: A\r\ndate: 2023-02-18\r\nsection: world\r\nupdates:\r\n  - at: 2023-02-18T10:00:00-05:00\r\n    text: More.\r\n---\r\nBody.\r\n",
    );
  });

  it("adds to a flow list through the document API", () => {
    expect(withUpdate("---\ntitle: A\nupdates: []\n---\nB", { at: "2023-02-18T10:00:00-05:00", text: "More." })).toBe("---\ntitle: A\nupdates: [ { at: 2023-02-18T10:00:00-05:00, text: More. } ]\n---\nB");
  });

  it("refuses a file whose updates are not a list", () => {
    const content = fixtureArchive({ "a.md": article(["title: A", "date: 2023-02-18", "section: politics", "updates: soon"]) });
    const run = runCli(["update", join(content, "a.md"), "More.", "--at", "2023-02-18 12:00"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("updates-invalid");
  });
});

it("writes nothing for a file that is not below a site.yml", () => {
  const content = fixtureArchive({ "site.yml": null, "a.md": article(["title: A", "date: 2023-02-18", "section: politics"]) });
  const run = runCli(["update", join(content, "a.md"), "More."]);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("site-missing");
});
