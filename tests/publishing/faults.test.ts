/**
 * Faults during `gazette build` of an archive with every publishing state (aliases, a
 * withdrawn article, an embargo): killed with SIGKILL at random moments, and out of disk space
 * on a small tmpfs. The previous site stays whole and servable, and the next build succeeds,
 * byte-identical to an undisturbed one.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { gazette, generateArchive, leftovers, startGazette, tempRoot } from "../helpers/spawn-gazette.ts";

const NOW = "2030-01-01T00:00:00Z";
let dir: string;
let first: string;
let second: string;
let expected: { first: Record<string, string>; second: Record<string, string> };

/** Gives the first articles of `content` an alias, a withdrawal and an embargo. */
function withPublishingStates(content: string): string {
  const files = spawnSync("sh", ["-c", `find ${JSON.stringify(content)} -name '*.md' | sort | head -3`], { encoding: "utf8" }).stdout.trim().split("\n");
  const extra = [
    "aliases: [/old/first-story/, /old/first.html]\n",
    "status: withdrawn\nwithdrawn:\n  at: 2029-06-01T10:00:00Z\n  reason: Withdrawn for the fault test.\n",
    'embargo: "2031-01-01T06:00:00Z"\n',
  ];
  files.forEach((file, i) => writeFileSync(file, readFileSync(file, "utf8").replace(/^---\n/, `---\n${extra[i]}`)));
  return content;
}

async function undisturbed(content: string, name: string): Promise<Record<string, string>> {
  const out = join(dir, `undisturbed-${name}`);
  expect((await buildSite({ content, out, cache: false, now: NOW, reportDir: false })).ok).toBe(true);
  return hashTree(out);
}

beforeAll(async () => {
  dir = tempRoot("gazette-faults-");
  first = withPublishingStates(generateArchive(join(dir, "first"), 150, 7));
  second = join(dir, "second");
  cpSync(first, second, { recursive: true });
  // The second archive: one more alias and a changed headline (a warm build moves a few pages).
  const story = spawnSync("sh", ["-c", `find ${JSON.stringify(second)} -name '*.md' | sort | sed -n 5p`], { encoding: "utf8" }).stdout.trim();
  writeFileSync(story, readFileSync(story, "utf8").replace(/^title: .*$/m, 'title: "A headline changed before the fault"').replace(/^---\n/, "---\naliases: [/old/fifth/]\n"));
  expected = { first: await undisturbed(first, "first"), second: await undisturbed(second, "second") };
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { GAZETTE_LOCK_STALE_MS: "2000" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const args = (content: string, out: string, round: string) => ["build", "--content", content, "--out", out, "--cache", join(round, "cache"), "--report-dir", join(round, "report"), "--now", NOW, "--quiet"];

/** Resolves once a staging folder appears in `folder` (start-up is over), or the build ends. */
async function stagingAppears(folder: string, build: { done: Promise<unknown> }): Promise<void> {
  let finished = false;
  void build.done.then(() => (finished = true));
  const until = Date.now() + 60_000;
  while (!finished && Date.now() < until && !readdirSync(folder).some((name) => name.includes(".staging-"))) await sleep(5);
}

// Random moments, different on every run; the delay is in the test's name when one fails.
const delays = Array.from({ length: 5 }, (_, i) => [Math.floor(Math.random() * 1500), i % 2 === 0 ? "warm" : "cold"] as const);

describe("gazette build killed with SIGKILL at a random moment", () => {
  it.each(delays)("%i ms after staging starts (%s): the previous site is whole, the next build finishes it", async (ms, kind) => {
    const round = join(dir, `kill-${kind}-${ms}-${Math.random().toString(36).slice(2, 8)}`);
    mkdirSync(round);
    const out = join(round, "site");
    // A warm build reuses the first build's cache; a cold one has none (another cache folder).
    expect(gazette(args(first, out, round), { env }).status).toBe(0);
    const before = hashTree(out);
    expect(before).toEqual(expected.first);
    if (kind === "cold") rmSync(join(round, "cache"), { recursive: true });

    const build = startGazette(args(second, out, round), { env });
    await stagingAppears(round, build);
    await sleep(ms);
    build.kill("SIGKILL");
    await build.done;

    const site = hashTree(out);
    const whole = [expected.first, expected.second].some((tree) => JSON.stringify(tree) === JSON.stringify(site));
    expect(whole, `killed ${ms} ms in: the site is neither the previous one nor the next`).toBe(true);
    expect(statSync(join(out, "index.html")).isFile()).toBe(true);

    const next = gazette(args(second, out, round), { env });
    expect(next.status, next.stderr).toBe(0);
    expect(hashTree(out)).toEqual(expected.second);
    expect(leftovers(round).filter((path) => !path.startsWith(join(round, "report")))).toEqual([]);
  }, 120_000);
});

describe("gazette build on a full disk", () => {
  it("a warm build that runs out of space: exit 3 fs-no-space, the previous site intact; with space again, byte-identical", async (context) => {
    const round = tempRoot("gazette-full-disk-");
    const disk = join(round, "disk");
    mkdirSync(disk);
    // Room for the site (search bundles and image variants included) and a warm build's staging.
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=96m", "tmpfs", disk], { encoding: "utf8" });
    if (mounted.status !== 0) {
      rmSync(round, { recursive: true, force: true });
      return context.skip(`mount -t tmpfs is not permitted here (${mounted.stderr.trim()}): the full-disk test needs a size-limited file system`);
    }
    try {
      const out = join(disk, "site");
      expect(gazette(args(first, out, round), { env }).status).toBe(0);
      const before = hashTree(out);
      // Fill the disk to within a few pages' room, so the next build cannot stage its changes.
      const free = Number(spawnSync("df", ["--output=avail", "-B1", disk], { encoding: "utf8" }).stdout.trim().split("\n").pop());
      writeFileSync(join(disk, "ballast"), Buffer.alloc(Math.max(0, free - 48 * 1024)));
      const run = gazette(args(second, out, round), { env });
      expect(run.status, run.stderr).toBe(3);
      expect(run.stderr).toMatch(/  error  fs-no-space  /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(hashTree(out)).toEqual(before);
      expect(leftovers(disk)).toEqual([]);

      rmSync(join(disk, "ballast"));
      const again = gazette(args(second, out, round), { env });
      expect(again.status, again.stderr).toBe(0);
      expect(hashTree(out)).toEqual(expected.second);
    } finally {
      spawnSync("umount", [disk]);
      rmSync(round, { recursive: true, force: true });
    }
  }, 180_000);
});
