/**
 * The dev server's rebuild queue: one rebuild at a time, bursts gathered into one, paths that
 * change during a rebuild handed to the next, a failed rebuild reported without stopping it.
 */
import { describe, expect, it } from "vitest";
import { rebuildQueue } from "../../src/serve/rebuild-queue.ts";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A rebuild that records its paths and how many ran at once, and takes `ms`. */
function recorder(ms: number, fail?: (paths: string[]) => boolean) {
  const runs: string[][] = [];
  let running = 0;
  let most = 0;
  const rebuild = async (paths: string[]) => {
    runs.push(paths);
    most = Math.max(most, ++running);
    await sleep(ms);
    running--;
    if (fail?.(paths)) throw new Error(`failed on ${paths.join(",")}`);
  };
  return { runs, rebuild, most: () => most };
}

describe("rebuildQueue", () => {
  it.each([
    ["one path", [["a.md", 0]], [["a.md"]]],
    ["a burst, gathered and sorted", [["b.md", 0], ["a.md", 1], ["b.md", 2]], [["a.md", "b.md"]]],
    ["changes during a rebuild, in the next one together", [["a.md", 0], ["b.md", 100], ["c.md", 110]], [["a.md"], ["b.md", "c.md"]]],
    ["changes after a rebuild, in a rebuild of their own", [["a.md", 0], ["b.md", 500]], [["a.md"], ["b.md"]]],
  ] as [string, [string, number][], string[][]][])("%s", async (_, adds, expected) => {
    // Rebuilds of 250 ms leave wide margins around the times above on a busy machine.
    const { runs, rebuild, most } = recorder(250);
    const queue = rebuildQueue(rebuild, { settleMs: 10 });
    const started = Date.now();
    for (const [path, at] of adds) {
      await sleep(Math.max(0, at - (Date.now() - started)));
      queue.add(path);
    }
    await queue.idle();
    expect(runs).toEqual(expected);
    expect(most()).toBe(1);
  });

  it("reports a failed rebuild and goes on with the next", async () => {
    const errors: string[] = [];
    const { runs, rebuild } = recorder(10, (paths) => paths.includes("bad.md"));
    const queue = rebuildQueue(rebuild, { settleMs: 5, onError: (error) => errors.push((error as Error).message) });
    queue.add("bad.md");
    await queue.idle();
    queue.add("good.md");
    await queue.idle();
    expect(runs).toEqual([["bad.md"], ["good.md"]]);
    expect(errors).toEqual(["failed on bad.md"]);
  });

  it("is idle at once when nothing changed", async () => {
    const { runs, rebuild } = recorder(10);
    await rebuildQueue(rebuild).idle();
    expect(runs).toEqual([]);
  });
});
