import { describe, expect, it } from "vitest";
import { controlsIn, findControl, mergeKeys, positionIn, printable } from "../../src/content/text-checks.ts";

describe("findControl", () => {
  it.each([
    ["Bell\u0007", { index: 4, codePoint: "U+0007" }],
    ["\u0000", { index: 0, codePoint: "U+0000" }],
    ["a\u001fb", { index: 1, codePoint: "U+001F" }],
    ["del\u007f", { index: 3, codePoint: "U+007F" }],
    ["\ud800x", { index: 0, codePoint: "U+D800" }],
    ["x\udfff", { index: 1, codePoint: "U+DFFF" }],
    ["tab\tnew\nline\r", undefined],
    ["duck 🦆", undefined],
    ["é and \u00a0 and \u2028", undefined],
  ])("%j → %j", (text, found) => {
    expect(findControl(text)).toEqual(found);
  });
});

describe("controlsIn", () => {
  it.each([
    [{ title: "T", n: 1, updates: [{ text: "x" }] }, []],
    [{ title: "Bell\u0007" }, [[["title"], { index: 4, codePoint: "U+0007" }]]],
    [{ updates: [{ at: "x", text: "a\u0000" }] }, [[["updates", 0, "text"], { index: 1, codePoint: "U+0000" }]]],
    [{ "key\u001b": "v" }, [[["key\u001b"], { index: 3, codePoint: "U+001B" }]]],
    [{ tags: ["\u007f", "ok", "\ud800"] }, [[["tags", 0], { index: 0, codePoint: "U+007F" }], [["tags", 2], { index: 0, codePoint: "U+D800" }]]],
  ])("%j → %j", (data, found) => {
    expect(controlsIn(data)).toEqual(found);
  });
});

describe("mergeKeys", () => {
  it.each([
    [{ a: 1 }, []],
    [{ "<<": { a: 1 } }, [["<<"]]],
    [{ updates: [{ "<<": {} }] }, [["updates", 0, "<<"]]],
    ["text", []],
  ])("%j → %j", (data, paths) => {
    expect(mergeKeys(data)).toEqual(paths);
  });
});

describe("positionIn", () => {
  it.each([
    ["abc", 1, 1, { line: 1, column: 2 }],
    ["a\nbc", 3, 5, { line: 6, column: 2 }],
    ["a\n\n\nx", 4, 1, { line: 4, column: 1 }],
  ])("%j index %i from line %i → %j", (text, index, first, position) => {
    expect(positionIn(text, index, first)).toEqual(position);
  });
});

describe("printable", () => {
  it.each([
    ["plain text", "plain text"],
    ["a\u001b[2Jb", "a\\u001B[2Jb"],
    ["bell\u0007 and nul\u0000", "bell\\u0007 and nul\\u0000"],
    ["lone \ud800", "lone \\uD800"],
    ["tab\tline\n 🦆", "tab\tline\n 🦆"],
  ])("%j → %j", (text, shown) => {
    expect(printable(text)).toBe(shown);
  });
});
