/**
 * When the file system refuses something — a permission, a full disk, a name too long, a
 * file in the way — the build stops with one line (a catalogue code and the path, exit 3, no
 * stack trace) and leaves the previous site as it was and nothing of its own behind. Tests run
 * as root, for whom permissions do not apply, so permission cases run the build as `nobody`.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { systemFailure } from "../../src/build/build-failure.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { checkOutput } from "../../src/build/output-guard.ts";
import { lockOutput } from "../../src/build/output-lock.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { BIN, gazette, generateArchive, leftovers, snapshot, tempRoot } from "../helpers/spawn-gazette.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
const root = (): string => {
  const dir = tempRoot("gazette-failures-");
  roots.push(dir);
  return dir;
};

const NOBODY = 65534;
const asNobody = ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"];
const canDropPrivileges = process.getuid?.() === 0 && spawnSync(asNobody[0], [...asNobody.slice(1), "true"]).status === 0;
// `nobody` must reach the project to run gazette at all, which it cannot in a clone below a
// folder only root may enter (`mktemp -d`, /root): there these cases cannot run, as without root.
const nobodyRunsGazette = canDropPrivileges && spawnSync(asNobody[0], [...asNobody.slice(1), "test", "-r", BIN]).status === 0;

/** A thrown Node error of a real failing call. */
function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

/** Asserts the one-line report of an environment failure. */
function expectEnvironmentFailure(run: { status: number | null; stderr: string }, code: string, path: string): void {
  expect(run.status, run.stderr).toBe(3);
  const lines = run.stderr.trim().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toContain(code);
  expect(lines[0]).toContain(path);
  expect(run.stderr).not.toMatch(/\s+at \S+ \(|node:internal/);
}

const story = (title: string, date: string, section: string) => article([`title: ${title}`, `date: ${date}`, `section: ${section}`, `summary: About ${title}.`]);

describe("systemFailure", () => {
  const dir = root();
  writeFileSync(join(dir, "file"), "x");
  it.each([
    ["EEXIST", () => mkdirSync(join(dir, "file")), "fs-path-blocked"],
    ["ENOTDIR", () => readdirSync(join(dir, "file", "x")), "fs-path-blocked"],
    ["ENAMETOOLONG", () => readFileSync(join(dir, "n".repeat(300))), "fs-name-too-long"],
    ["EISDIR", () => openSync(dir, "w"), "fs-path-blocked"],
    ["ENOENT", () => readFileSync(join(dir, "missing")), "fs-failed"],
  ])("maps %s to a catalogue code with the path", (system, call, code) => {
    const failure = systemFailure(errorOf(call));
    expect(failure?.code).toBe(code);
    expect(failure?.message).toContain(system);
    expect(failure?.path).toContain(dir);
  });

  it("reads the code and path back from a worker thread's message", () => {
    const failure = systemFailure(new Error("The article stage failed in a worker thread:\nError: ENOSPC: no space left on device, open '/srv/x/index.html'\n    at writeFileSync"));
    expect([failure?.code, failure?.path]).toEqual(["fs-no-space", "/srv/x/index.html"]);
  });

  it("leaves other errors alone", () => {
    expect(systemFailure(new Error("a template failed"))).toBeUndefined();
  });
});

describe("gazette build, when the file system refuses", () => {
  it("a name too long: exit 3, nothing left", () => {
    const dir = root();
    const content = fixtureArchive({ "a.md": story("A", "2023-02-18", "politics") });
    roots.push(content);
    const before = snapshot(dir);
    const out = join(dir, "n".repeat(300));
    expectEnvironmentFailure(gazette(["build", "--content", content, "--out", out, "--no-cache"]), "fs-name-too-long", out);
    expect(snapshot(dir)).toEqual(before);
  });

  it("a file in the way of the output folder: exit 3, nothing left", () => {
    const dir = root();
    const content = fixtureArchive({ "a.md": story("A", "2023-02-18", "politics") });
    roots.push(content);
    writeFileSync(join(dir, "notes.txt"), "notes\n");
    const before = snapshot(dir);
    expectEnvironmentFailure(gazette(["build", "--content", content, "--out", join(dir, "notes.txt/site"), "--no-cache"]), "fs-path-blocked", join(dir, "notes.txt"));
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ["names a file", "notes.txt"],
    ["lies inside a file", "notes.txt/cache"],
  ])("--cache %s: exit 3 before anything is written", (_what, cache) => {
    const dir = root();
    const content = fixtureArchive({ "a.md": story("A", "2023-02-18", "politics") });
    roots.push(content);
    writeFileSync(join(dir, "notes.txt"), "notes\n");
    const before = snapshot(dir);
    expectEnvironmentFailure(gazette(["build", "--content", content, "--out", join(dir, "site"), "--cache", join(dir, cache)]), "cache-not-folder", join(dir, cache));
    expect(snapshot(dir)).toEqual(before);
  });

  it("another build holding the lock past the wait: exit 3 with out-locked, the site as it was", async () => {
    const dir = root();
    const content = fixtureArchive({ "a.md": story("A", "2023-02-18", "politics") });
    roots.push(content);
    const out = join(dir, "site");
    expect((await buildSite({ content, out, cache: false })).ok).toBe(true);
    const before = snapshot(dir);
    const lock = await lockOutput(checkOutput({ content, out, cache: false }));
    try {
      const run = gazette(["build", "--content", content, "--out", out, "--no-cache"], { env: { GAZETTE_LOCK_WAIT_MS: "1500" } });
      expectEnvironmentFailure(run, "out-locked", out);
      expect(run.stderr).toContain(lock.path);
    } finally {
      lock.release();
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it("a full disk while staging: exit 3, the previous site as it was, the space given back", async (context) => {
    const dir = root();
    const disk = join(dir, "disk");
    mkdirSync(disk);
    if (spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]).status !== 0) return context.skip("mount -t tmpfs is not permitted here");
    try {
      const small = fixtureArchive({ "a.md": story("A", "2023-02-18", "politics") });
      roots.push(small);
      const out = join(disk, "site");
      expect((await buildSite({ content: small, out, cache: join(dir, "cache") })).ok).toBe(true);
      const before = snapshot(disk);
      // One thread: prepareInParallel does not yet stop the other workers when one fails, and they
      // go on writing into the staging folder after it is removed.
      const big = generateArchive(join(dir, "big"), 450, 3);
      const run = gazette(["build", "--content", big, "--out", out, "--cache", join(dir, "cache"), "--threads", "1"]);
      expectEnvironmentFailure(run, "fs-no-space", disk);
      expect(snapshot(disk)).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
    } finally {
      spawnSync("umount", [disk]);
    }
  }, 60_000);
});

describe.skipIf(!nobodyRunsGazette)("gazette build as an unprivileged user", () => {
  /** A folder `nobody` owns, with a small archive it can read. */
  function ownedByNobody(): { dir: string; content: string } {
    const dir = root();
    chmodSync(dir, 0o755);
    const files: Record<string, string> = {};
    for (let i = 1; i <= 6; i++) files[`s${i}.md`] = story(`Story ${i}`, `2023-03-0${i}`, ["politics", "sport", "world"][i % 3]);
    const content = join(dir, "content");
    renameSync(fixtureArchive(files), content);
    spawnSync("chown", ["-R", `${NOBODY}:${NOBODY}`, dir]);
    return { dir, content };
  }

  it("fails halfway through a warm apply (a section folder it may not write): the previous site, whole", () => {
    const { dir, content } = ownedByNobody();
    const out = join(dir, "site");
    const args = ["build", "--content", content, "--out", out, "--cache", join(dir, "cache")];
    expect(gazette(args, { prefix: asNobody }).status).toBe(0);
    // The front page is moved before politics/index.html (sorted order); politics/ is root's.
    chownSync(join(out, "politics"), 0, 0);
    chmodSync(join(out, "politics"), 0o755);
    const before = snapshot(out);
    writeFileSync(join(content, "s3.md"), story("Story 3, corrected", "2023-03-03", "politics"));
    const run = gazette(args, { prefix: asNobody });
    expectEnvironmentFailure(run, "fs-permission-denied", join(out, "politics"));
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    // Once the folder is writable again, the same build succeeds.
    chownSync(join(out, "politics"), NOBODY, NOBODY);
    expect(gazette(args, { prefix: asNobody }).status).toBe(0);
    expect(readFileSync(join(out, "politics/index.html"), "utf8")).toContain("Story 3, corrected");
  }, 60_000);

  it("an output folder it may not read: exit 3, nothing touched", () => {
    const { dir, content } = ownedByNobody();
    const out = join(dir, "site");
    mkdirSync(out);
    writeFileSync(join(out, "index.html"), "<p>old</p>\n");
    chownSync(out, 0, 0);
    chmodSync(out, 0o700);
    const before = snapshot(dir);
    expectEnvironmentFailure(gazette(["build", "--content", content, "--out", out, "--cache", join(dir, "cache")], { prefix: asNobody }), "fs-permission-denied", out);
    expect(snapshot(dir)).toEqual(before);
  });
});
