import { describe, expect, it } from "vitest";
import { scriptJson } from "../../src/syndication/script-json.ts";

describe("scriptJson", () => {
  it.each([
    ["a closing script tag", "</script><script>alert(1)</script>"],
    ["an HTML comment opener", "<!-- x -->"],
    ["an ampersand", "A & B"],
    ["line and paragraph separators", "a\u2028b\u2029c"],
  ])("writes %s so that no markup character is left, and reads back equal", (_, value) => {
    const written = scriptJson({ headline: value });
    expect(written).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(written)).toEqual({ headline: value });
  });
});
