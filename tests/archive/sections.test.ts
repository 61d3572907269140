import { describe, expect, it } from "vitest";
import { buildSectionTree, lineageOf, parentOf, SECTION_ID, topLevelSections } from "../../src/archive/sections.ts";

describe("section ids", () => {
  it.each([
    ["world", undefined, ["world"]],
    ["world/europe", "world", ["world", "world/europe"]],
    ["world/europe/nordics", "world/europe", ["world", "world/europe", "world/europe/nordics"]],
  ])("%s", (id, parent, lineage) => {
    expect(parentOf(id)).toBe(parent);
    expect(lineageOf(id)).toEqual(lineage);
  });

  it.each([
    ["politics", true],
    ["world/europe", true],
    ["a-b/c-d2", true],
    ["World", false],
    ["2023", false],
    ["world/", false],
    ["/world", false],
    ["world//europe", false],
    ["world europe", false],
  ])("%j valid: %s", (id, valid) => expect(SECTION_ID.test(id)).toBe(valid));
});

describe("buildSectionTree", () => {
  const tree = buildSectionTree([
    { id: "world/europe", title: "Europe" },
    { id: "politics", title: "Politics" },
    { id: "world", title: "World" },
    { id: "world/asia", title: "Asia" },
  ]);
  it("links parents and children in declaration order", () => {
    expect(tree.get("world")?.children).toEqual(["world/europe", "world/asia"]);
    expect(tree.get("world/europe")).toMatchObject({ parentId: "world", url: "/world/europe/", lineage: ["world", "world/europe"] });
    expect(topLevelSections(tree).map((s) => s.id)).toEqual(["politics", "world"]);
  });
});
