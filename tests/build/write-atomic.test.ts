import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeCacheFile, writeFileAtomic } from "../../src/build/write-atomic.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "gazette-atomic-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it.each([
    ["a new file", "a.json", undefined, "{}"],
    ["a file in folders not there yet", "x/y/a.json", undefined, "new"],
    ["over an older file", "a.json", "old", "new"],
  ])("writes %s, leaving nothing else beside it", (_, path, before, text) => {
    if (before !== undefined) writeFileSync(join(root, path), before);
    writeFileAtomic(join(root, path), text);
    expect(readFileSync(join(root, path), "utf8")).toBe(text);
    expect(readdirSync(join(root, path, ".."))).toEqual([path.split("/").at(-1)]);
  });

  const bytes = (text: string) => Buffer.from(text, "utf8");
  it.each([
    ["no parts", [], ""],
    ["one part", [bytes("whole")], "whole"],
    ["parts in order, an empty one among them", [bytes("Zürich "), bytes(""), bytes("— 東京")], "Zürich — 東京"],
    ["slices of one buffer", [bytes("abcdef").subarray(3), bytes("abcdef").subarray(0, 3)], "defabc"],
    ["more parts than one write takes (1,024)", Array.from({ length: 2500 }, (_, i) => bytes(`${i},`)), Array.from({ length: 2500 }, (_, i) => `${i},`).join("")],
  ])("writes %s as one file", (_, parts, text) => {
    writeFileAtomic(join(root, "a.bin"), parts);
    expect(readFileSync(join(root, "a.bin"), "utf8")).toBe(text);
    expect(readdirSync(root)).toEqual(["a.bin"]);
  });

  it("throws when the rename fails and leaves no temporary file", () => {
    mkdirSync(join(root, "a.json", "inside"), { recursive: true });
    expect(() => writeFileAtomic(join(root, "a.json"), "text")).toThrow();
    expect(readdirSync(root)).toEqual(["a.json"]);
  });
});

describe("writeCacheFile", () => {
  it("writes the file and says so", () => {
    expect(writeCacheFile(join(root, "cache", "a.json"), "{}")).toBe(true);
    expect(readFileSync(join(root, "cache", "a.json"), "utf8")).toBe("{}");
  });

  it("does not throw when the file cannot be written, says so and leaves no temporary file", () => {
    writeFileSync(join(root, "a-file"), "not a folder");
    expect(writeCacheFile(join(root, "a-file", "a.json"), "{}")).toBe(false);
    mkdirSync(join(root, "b.json", "inside"), { recursive: true });
    expect(writeCacheFile(join(root, "b.json"), "{}")).toBe(false);
    expect(readdirSync(root).sort()).toEqual(["a-file", "b.json"]);
  });
});
