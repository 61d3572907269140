import { describe, expect, it } from "vitest";
import { countValues, expansionLimit, parseYaml } from "../../src/content/yaml-source.ts";

describe("parseYaml", () => {
  it("keeps unquoted dates and times as the text written", () => {
    expect(parseYaml("a: 2023-02-18\nb: 2023-02-18 09:30\nc: 2023-02-18T09:30:00Z").data).toEqual({
      a: "2023-02-18",
      b: "2023-02-18 09:30",
      c: "2023-02-18T09:30:00Z",
    });
  });

  it.each([
    ["draft: true", true],
    ["draft: false", false],
    ['draft: "false"', "false"],
    ["draft: no", "no"],
    ["draft: 1", 1],
  ])("reads %s with the YAML 1.2 core schema", (text, value) => {
    expect((parseYaml(text).data as { draft: unknown }).draft).toEqual(value);
  });

  const doc = "title: A\nupdates:\n  - at: x\n    text: y\n  - text: z\n    kind: correction\n";
  it.each([
    [["title"], { line: 1, column: 1 }],
    [["updates"], { line: 2, column: 1 }],
    [["updates", 0], { line: 3, column: 5 }],
    [["updates", 1, "kind"], { line: 6, column: 5 }],
    // A missing field is located at the nearest existing parent.
    [["updates", 1, "at"], { line: 5, column: 5 }],
    [["missing"], undefined],
  ] as const)("locates %j", (path, position) => {
    expect(parseYaml(doc).locate(path)).toEqual(position);
  });

  it("adds the line offset", () => {
    expect(parseYaml("\ntitle: A", 0).locate(["title"])).toEqual({ line: 2, column: 1 });
    expect(parseYaml("title: A", 10).locate(["title"])).toEqual({ line: 11, column: 1 });
  });

  it.each([
    ['title: "unclosed\ndate: 1', /Missing closing "quote/],
    ["title: a\ntitle: b", /Map keys must be unique/],
    ["title: [a, b", /flow sequence/i],
  ])("reports syntax errors with a position: %j", (text, message) => {
    const { errors, data } = parseYaml(text);
    expect(data).toBeUndefined();
    expect(errors[0].message).toMatch(message);
    expect(errors[0].line).toBeGreaterThanOrEqual(1);
  });
});

describe("alias expansion is bounded", () => {
  const bomb = (levels: number) => {
    const lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(", ")}]`);
    return lines.join("\n");
  };

  it("refuses a billion laughs quickly, at the first alias", () => {
    const started = performance.now();
    const source = parseYaml(`title: x\n${bomb(10)}`, 2);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(source.data).toBeUndefined();
    expect(source.errors).toEqual([expect.objectContaining({ kind: "alias-expansion", line: 5 })]);
  });

  it("reads aliases that expand to a few values", () => {
    expect(parseYaml(bomb(2)).errors).toEqual([]);
  });

  it.each([
    [{ a: [1, 2] }, 100, 4],
    ["x", 100, 1],
    [Array(50).fill([1, 2, 3]), 20, 21],
  ])("countValues(%j, %i) → %i", (data, limit, count) => {
    expect(countValues(data, limit)).toBe(count);
  });

  it("allows at least as many values as the text has characters", () => {
    expect(expansionLimit("a: 1")).toBe(10_000);
    expect(expansionLimit("x".repeat(20_000))).toBe(20_000);
  });
});
