import { describe, expect, it } from "vitest";
import { editDistance, nearest } from "../../src/content/suggest.ts";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["a", "", 1],
    ["politcs", "politics", 1],
    ["kitten", "sitting", 3],
  ])("%j ~ %j = %i", (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe("nearest", () => {
  const ids = ["politics", "world", "world/europe", "sport"];
  it.each([
    ["politcs", "politics"],
    ["Politics", "politics"],
    ["europe", "world/europe"],
    ["world/eurpe", "world/europe"],
    ["sports", "sport"],
    ["weather", undefined],
  ])("%s → %s", (value, expected) => expect(nearest(value, ids)).toBe(expected));
});
