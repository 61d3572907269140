import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, userChoseGrowth } from "../../src/build/heap-growth.ts";
import { projectFile } from "../../src/build/project-root.ts";

describe("userChoseGrowth", () => {
  it.each([
    [[], false],
    [["--max-old-space-size=4096", "--enable-source-maps"], false],
    [["--heap-growing-percent=20"], true],
    [["--heap_growing_percent=20"], true],
    [["--max-old-space-size=4096", "--heap-growing-percent=0"], true],
    [["--heap-growing-percent"], true],
    [["--heap-growing-percentage=3"], false],
  ] as const)("%j → %s", (execArgv, expected) => {
    expect(userChoseGrowth(execArgv)).toBe(expected);
  });
});

// A real V8 in a child process: the flag must bound the heap it is set in, at run time.
const SCRIPT = `
import { boundHeapGrowth } from ${JSON.stringify(projectFile("src/build/heap-growth.ts"))};
if (process.argv[1] === "bound") console.log(boundHeapGrowth(), boundHeapGrowth());
const live = [];
for (let i = 0; i < 100; i++) live.push(Array.from({ length: 20_000 }, (_, j) => String(i * j)));
let peak = 0;
for (let run = 0; run < 12; run++) {
  const pages = [];
  for (let i = 0; i < 40; i++) pages.push(Array.from({ length: 20_000 }, (_, j) => ({ run, j })));
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}
console.log(Math.round(peak / 1048576));
`;

function peakHeapMb(mode: string): { peak: number; said: string } {
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT, mode], { encoding: "utf8", cwd: projectFile(".") });
  expect(child.status, child.stderr).toBe(0);
  const lines = child.stdout.trim().split("\n");
  return { peak: Number(lines.at(-1)), said: lines.length > 1 ? lines[0] : "" };
}

describe("boundHeapGrowth", () => {
  it(`keeps garbage within ${HEAP_GROWING_PERCENT} % of the live heap, once per process`, () => {
    const free = peakHeapMb("free");
    const bound = peakHeapMb("bound");
    expect(bound.said).toBe("true false");
    // About 60 MB stay live; each run leaves about 30 MB of garbage (here: 300 MB free, 175 MB bound).
    expect(bound.peak).toBeLessThan(free.peak * 0.75);
  }, 60_000);
});
