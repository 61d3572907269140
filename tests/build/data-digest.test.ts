import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { dataDigest, dataText } from "../../src/build/data-digest.ts";

const at = DateTime.fromMillis(86_400_000, { zone: "Europe/Berlin" });

describe("dataText", () => {
  it.each<[string, unknown, string]>([
    ["a string", "a\"b", '"a\\"b"'],
    ["numbers, booleans, null", [1, true, null], "[1,true,null]"],
    ["undefined alone", undefined, "null"],
    ["keys in order, undefined ones left out", { b: 1, a: undefined, c: "x" }, '{"b":1,"c":"x"}'],
    ["a DateTime as instant and zone", { at }, '{"at":"86400000@Europe/Berlin"}'],
    ["nested arrays and objects", { list: [{ n: 1 }, [2]] }, '{"list":[{"n":1},[2]]}'],
  ])("%s", (_, value, text) => {
    expect(dataText(value)).toBe(text);
  });

  it("writes a large object as the digest of its text, the same each time it appears", () => {
    const big = Array.from({ length: 500 }, (_, i) => `item ${i}`);
    const text = dataText([big, big]);
    expect(text).toMatch(/^\["#[0-9a-f]{40}","#[0-9a-f]{40}"\]$/);
    const [first, second] = JSON.parse(text) as string[];
    expect(first).toBe(second);
    expect(JSON.parse(dataText([...big, "one more"]))).not.toBe(first);
    // Inside a small object, the large one is its digest too.
    expect(dataText({ items: big })).toBe(`{"items":"${first}"}`);
  });

  it("tells apart the same instant in two zones", () => {
    expect(dataText(at)).not.toBe(dataText(at.setZone("UTC")));
  });

  it("serialises a shared object once per memo, with the same text", () => {
    const shared = { title: "Teaser" };
    const memo = new WeakMap<object, string>();
    expect(dataText([shared, shared], memo)).toBe('[{"title":"Teaser"},{"title":"Teaser"}]');
    expect(memo.get(shared)).toBe('{"title":"Teaser"}');
  });

  it("keeps short texts and digests in its memo, not a long text, and writes the same text either way", () => {
    const short = { n: 1 };
    const long = Array.from({ length: 60 }, (_, i) => `entry ${i}`); // about 600 characters
    const big = Array.from({ length: 500 }, (_, i) => `item ${i}`);
    const memo = new WeakMap<object, string>();
    const text = dataText({ short, long, big }, memo);
    expect(text).toBe(dataText({ short, long, big }));
    expect(text).toBe(dataText({ short, long, big }, memo));
    expect(memo.get(short)).toBe('{"n":1}');
    expect(memo.has(long)).toBe(false);
    expect(memo.get(big)).toMatch(/^"#[0-9a-f]{40}"$/);
    expect(JSON.parse(text).long).toEqual(long);
  });
});

describe("dataDigest", () => {
  it("is 40 hex digits and changes with the data", () => {
    expect(dataDigest(["page", 1])).toMatch(/^[0-9a-f]{40}$/);
    expect(dataDigest(["page", 1])).toBe(dataDigest(["page", 1]));
    expect(dataDigest(["page", 1])).not.toBe(dataDigest(["page", 2]));
  });
});
