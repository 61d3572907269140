/**
 * Signatures of syndication files are trusted only when stamped with the digest of the build
 * that left the output folder; anything else — no file, another digest, a cold build, a
 * damaged file — trusts nothing, so every file is written.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { instant, restampSignatures, saveSignatures, signature, trustedSignatures } from "../../src/syndication/unit-signatures.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

describe("trustedSignatures", () => {
  const SIGNED = { "feed /": "aa", sitemap: "bb" };

  it.each([
    ["the digest the folder's build left", "d1", SIGNED],
    ["another build's digest", "d2", {}],
    ["a cold build (no previous digest)", undefined, {}],
  ])("given %s", (_, previous, expected) => {
    const path = join(tempDir("gazette-signatures-"), "cache", "build-1.syndication.json");
    saveSignatures(path, "d1", SIGNED);
    expect(trustedSignatures(path, previous)).toEqual(expected);
  });

  it.each([
    ["no file", null],
    ["a damaged file", "{not json"],
    ["another format", JSON.stringify({ format: 2, digest: "d1", signatures: SIGNED })],
    ["no signatures", JSON.stringify({ format: 1, digest: "d1" })],
  ])("trusts nothing from %s", (_, text) => {
    const path = join(tempDir("gazette-signatures-"), "build-1.syndication.json");
    if (text !== null) writeFileSync(path, text);
    expect(trustedSignatures(path, "d1")).toEqual({});
  });
});

describe("signature and instant", () => {
  const at = DateTime.fromISO("2024-01-01T10:00:00Z", { zone: "UTC" });

  it.each([
    ["the same instant in another zone (another ISO text)", at.setZone("Europe/Berlin")],
    ["another instant", at.plus({ seconds: 1 })],
  ])("an instant differs for %s", (_, other) => {
    expect(instant(other)).not.toBe(instant(at));
  });

  it("is the same for equal parts and differs for others", () => {
    expect(signature(["feed", instant(at), ["a"]])).toBe(signature(["feed", instant(at), ["a"]]));
    expect(signature(["feed", instant(at), ["a"]])).not.toBe(signature(["feed", instant(at), ["b"]]));
    expect(instant(at)).toBe("1704103200000@UTC");
  });
});

describe("restampSignatures", () => {
  const SIGNED = { "feed /": "aa", sitemap: "bb" };
  const cases: [name: string, from: string, changed: Record<string, string>, expected: Record<string, string> | undefined][] = [
    ["the stamp alone, when it is the expected one", "d1", {}, SIGNED],
    ["the stamp and the changed signatures", "d1", { "feed /": "new" }, { ...SIGNED, "feed /": "new" }],
    ["nothing, when the file has another stamp", "d0", {}, undefined],
    ["nothing, when the file has another stamp, with changes", "d0", { "feed /": "new" }, undefined],
  ];
  it.each(cases)("rewrites %s", (_, from, changed, expected) => {
    const path = join(tempDir("gazette-signatures-"), "build-1.syndication.json");
    saveSignatures(path, "d1", SIGNED);
    restampSignatures(path, from, "d2", changed);
    if (expected) expect(trustedSignatures(path, "d2")).toEqual(expected);
    else expect(trustedSignatures(path, "d1")).toEqual(SIGNED);
  });
});
