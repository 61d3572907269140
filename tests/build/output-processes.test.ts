/**
 * Builds as separate processes: one killed at random moments, and two at once in separate PID
 * namespaces (as in containers, where both can be pid 1). The site is always whole: exactly
 * the previous one or the new one, and the next build cleans up and finishes the job.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { gazette, generateArchive, leftovers, startGazette, tempRoot } from "../helpers/spawn-gazette.ts";

let dir: string;
let archives: { a: string; b: string; edited: string };
let cold: { a: Record<string, string>; b: Record<string, string>; edited: Record<string, string> };

/** The site a cold build of `content` makes in a fresh folder. */
async function coldSite(content: string, name: string): Promise<Record<string, string>> {
  const out = join(dir, `cold-${name}`);
  await buildSite({ content, out, cache: false });
  return hashTree(out);
}

beforeAll(async () => {
  dir = tempRoot("gazette-processes-");
  const a = generateArchive(join(dir, "a"), 150, 1);
  const b = generateArchive(join(dir, "b"), 150, 2);
  const edited = join(dir, "edited");
  cpSync(a, edited, { recursive: true });
  archives = { a, b, edited };
  cold = { a: await coldSite(a, "a"), b: await coldSite(b, "b"), edited: await coldSite(editOne(edited), "edited") };
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Changes the title of the first article of `content` (a warm build then rewrites it and its listings). */
function editOne(content: string): string {
  const first = spawnSync("sh", ["-c", `find ${JSON.stringify(content)} -name '*.md' | sort | head -1`], { encoding: "utf8" }).stdout.trim();
  writeFileSync(first, readFileSync(first, "utf8").replace(/^title: .*$/m, 'title: "A corrected headline"'));
  return content;
}

const env = { GAZETTE_LOCK_STALE_MS: "2000" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once a staging folder appears in `dir` (the build is past start-up), or after 60 s. */
async function stagingAppears(dir: string, build: { done: Promise<unknown> }): Promise<void> {
  let finished = false;
  void build.done.then(() => (finished = true));
  const until = Date.now() + 60_000;
  while (!finished && Date.now() < until && !readdirSync(dir).some((name) => name.includes(".staging-"))) await sleep(5);
}

describe("a build killed with SIGKILL at a random moment", () => {
  // Start-up takes seconds on a loaded machine, so the kill is timed from the moment the
  // staging folder appears. A cold build of another archive replaces the site; a warm build
  // of an edited archive moves its pages in.
  it.each([
    [0, "cold"],
    [0, "warm"],
    [100, "cold"],
    [100, "warm"],
    [300, "cold"],
    [300, "warm"],
    [700, "cold"],
    [1200, "cold"],
  ] as const)("%i ms into a %s build leaves a whole site, and the next build finishes it", async (ms, kind) => {
    const round = join(dir, `kill-${kind}-${ms}`);
    const out = join(round, "site");
    const cache = join(round, "cache");
    const warm = kind === "warm";
    const content = warm ? join(round, "content") : archives.b;
    const start = warm ? join(round, "content") : archives.a;
    if (warm) cpSync(archives.a, start, { recursive: true });
    expect((await buildSite({ content: start, out, cache })).ok).toBe(true);
    if (warm) editOne(content);
    const expected = warm ? cold.edited : cold.b;

    const build = startGazette(["build", "--content", content, "--out", out, "--cache", cache, "--quiet"], { env });
    await stagingAppears(round, build);
    await sleep(ms);
    build.kill("SIGKILL");
    await build.done;

    const site = hashTree(out);
    expect([cold.a, expected].some((whole) => JSON.stringify(whole) === JSON.stringify(site)), "the site is the old one or the new one").toBe(true);
    expect(statSync(join(out, "index.html")).isFile()).toBe(true);

    const next = gazette(["build", "--content", content, "--out", out, "--cache", cache, "--quiet"], { env });
    expect(next.status, next.stderr).toBe(0);
    expect(hashTree(out)).toEqual(expected);
    expect(leftovers(round)).toEqual([]);
  }, 60_000);
});

const unshare = ["unshare", "--pid", "--fork", "--mount-proc"];
const canUnshare = spawnSync(unshare[0], [...unshare.slice(1), "true"]).status === 0;

if (!canUnshare) console.warn("skipping the PID-namespace tests: unshare --pid --fork --mount-proc is not permitted here");

describe.skipIf(!canUnshare)("two builds at once into one output folder", () => {
  it.each([0, 400])("in separate PID namespaces, the second starting %i ms later: the site is exactly one of the two", async (delay) => {
    const round = join(dir, `concurrent-${delay}`);
    const out = join(round, "site");
    const cache = join(round, "cache");
    // The default stale time: on a loaded machine a live build may not refresh its lock for a
    // couple of seconds, and a lock taken over would (rightly) stop it.
    const first = startGazette(["build", "--content", archives.a, "--out", out, "--cache", cache, "--quiet"], { prefix: unshare });
    await sleep(delay);
    const second = startGazette(["build", "--content", archives.b, "--out", out, "--cache", cache, "--quiet"], { prefix: unshare });
    const runs = await Promise.all([first.done, second.done]);
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const site = JSON.stringify(hashTree(out));
    expect([cold.a, cold.b].filter((whole) => JSON.stringify(whole) === site)).toHaveLength(1);
    expect(leftovers(round)).toEqual([]);
  }, 120_000);
});
