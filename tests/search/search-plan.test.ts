/**
 * The search plan a build leaves for quick rebuilds (src/search/search-plan.ts): read back
 * only under the output digest it was saved with.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSearchPlan, saveSearchPlan, searchPlanFile } from "../../src/search/search-plan.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const PLAN = { shards: [{ id: "2023", pages: [["/2023/01/02/a/", "2023/a.md"]] as [string, string][] }], outputs: ["search/2023/pagefind-entry.json", "search/shards.json"] };

describe("the search plan", () => {
  const cases: [name: string, write: (path: string) => void, digest: string, expected: typeof PLAN | undefined][] = [
    ["saved under the digest", (p) => saveSearchPlan(p, "d1", PLAN), "d1", PLAN],
    ["saved under another digest", (p) => saveSearchPlan(p, "d0", PLAN), "d1", undefined],
    ["missing", () => {}, "d1", undefined],
    ["not JSON", (p) => writeFileSync(p, "{"), "d1", undefined],
    ["of another format", (p) => writeFileSync(p, JSON.stringify({ format: 2, digest: "d1", ...PLAN })), "d1", undefined],
  ];
  it.each(cases)("%s", (_, write, digest, expected) => {
    const path = searchPlanFile(join(tempDir("gazette-plan-"), "build-1.json"));
    write(path);
    expect(readSearchPlan(path, digest)).toEqual(expected);
  });

  it("lives beside the manifest", () => expect(searchPlanFile("/c/build-1a2b.json")).toBe("/c/build-1a2b.search.json"));
});
