/**
 * The progress line: its text as a pure function, and when it is shown at all.
 */
import { describe, expect, it } from "vitest";
import { formatProgress, progressLine, showsProgress } from "../../src/publishing/progress-line.ts";

describe("formatProgress", () => {
  it.each([
    [{ stage: "articles" as const, done: 1200, total: 4000 }, 2000, "gazette: articles 1200/4000 (30%), 600 articles/s"],
    [{ stage: "articles" as const, done: 0, total: 4000 }, 0, "gazette: articles 0/4000 (0%), 0 articles/s"],
    [{ stage: "articles" as const, done: 0, total: 0 }, 10, "gazette: articles 0/0 (100%), 0 articles/s"],
    [{ stage: "listings" as const }, 2000, "gazette: listings"],
  ])("%o after %i ms: %s", (progress, ms, line) => {
    expect(formatProgress(progress, ms)).toBe(line);
  });
});

describe("showsProgress", () => {
  it.each([
    ["a terminal", { isTTY: true }, {}, false, true],
    ["a pipe", { isTTY: false }, {}, false, false],
    ["a stream that does not say", {}, {}, false, false],
    ["CI", { isTTY: true }, { CI: "true" }, false, false],
    ["CI=1", { isTTY: true }, { CI: "1" }, false, false],
    ["CI=false", { isTTY: true }, { CI: "false" }, false, true],
    ["--quiet", { isTTY: true }, {}, true, false],
  ])("%s: %s", (_case, stream, env, quiet, shown) => {
    expect(showsProgress(stream, env, quiet)).toBe(shown);
  });
});

describe("progressLine", () => {
  const recorder = (isTTY: boolean) => {
    const written: string[] = [];
    return { stream: { isTTY, columns: 60, write: (text: string) => written.push(text) }, written };
  };

  it("writes nothing at all when the stream is not a terminal", () => {
    const { stream, written } = recorder(false);
    const line = progressLine(stream, {}, false);
    expect(line).toBeUndefined();
    expect(written).toEqual([]);
  });

  it("rewrites one line in place on a terminal, at most every 100 ms, and clears it at the end", () => {
    const { stream, written } = recorder(true);
    let now = 0;
    const line = progressLine(stream, {}, false, () => now)!;
    line.update({ stage: "load" });
    now = 10;
    line.update({ stage: "articles", done: 0, total: 1000 });
    now = 50;
    line.update({ stage: "articles", done: 200, total: 1000 });
    now = 1010;
    line.update({ stage: "articles", done: 1000, total: 1000 });
    line.done();
    expect(written).toEqual([
      "\rgazette: load\u001b[K",
      "\rgazette: articles 0/1000 (0%), 0 articles/s\u001b[K",
      "\rgazette: articles 1000/1000 (100%), 1000 articles/s\u001b[K",
      "\r\u001b[K",
    ]);
    expect(written.join("")).not.toContain("\n");
  });
});
