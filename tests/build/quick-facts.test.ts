/**
 * The facts a quick rebuild checks (src/build/quick-facts.ts): when publishing states change,
 * and the stamps of the inputs it does not copy.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inputStamps, statesChange } from "../../src/build/quick-facts.ts";
import { fixtureArchive } from "../helpers/fixture-archive.ts";

describe("statesChange", () => {
  const cases: [name: string, changes: number[], from: number, to: number, expected: boolean][] = [
    ["no instants", [], 0, 100, false],
    ["an instant between", [50], 0, 100, true],
    ["an instant at the later end (published from then on)", [100], 0, 100, true],
    ["an instant at the earlier end (already published then)", [0], 0, 100, false],
    ["an instant before both", [10], 20, 30, false],
    ["an instant after both", [40], 20, 30, false],
    ["going back in time over an instant", [25], 30, 20, true],
    ["the same instant twice", [25], 25, 25, false],
  ];
  it.each(cases)("%s", (_, changes, from, to, expected) => expect(statesChange(changes, from, to)).toBe(expected));
});

describe("inputStamps", () => {
  it("stamps the static files and the records' images, sorted, and a missing image as -1", () => {
    const content = fixtureArchive({ "static/b.txt": "b", "static/docs/a.txt": "a", "2023/photo.jpg": "not really" });
    const stamps = inputStamps(content, [{ media: [{ source: "2023/photo.jpg" } as never] }, { media: [{ source: "2023/gone.jpg" } as never] }]);
    expect(stamps.map(([path]) => path)).toEqual(["2023/gone.jpg", "2023/photo.jpg", "static/b.txt", "static/docs/a.txt"]);
    expect(stamps[0].slice(1)).toEqual([-1, -1, -1, -1]);
    expect(stamps[1][1]).toBe("not really".length);
    writeFileSync(join(content, "static/b.txt"), "longer");
    expect(inputStamps(content, [])[0][1]).toBe(6);
  });
});
