/**
 * The dev server's build thread: the same output as a build on this thread, the preview base
 * sent back with the result, a build failure arriving as the BuildFailure it was, and a thread
 * that died replaced by a new one, its output lock removed.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { BuildFailure } from "../../src/build/build-failure.ts";
import { buildThread, type BuildThread } from "../../src/serve/build-thread.ts";
import { createPreviewer } from "../../src/serve/page-preview.ts";
import { tempOut } from "../helpers/built-site.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";

const story = (n: number, body?: string) => article([`title: Story ${n}`, `date: 2023-01-0${n}T10:00:00`, "section: politics"], body);

let thread: BuildThread | undefined;
afterEach(async () => {
  await thread?.close();
  thread = undefined;
});

it("builds what buildSite builds, warm after cold, and sends back what previews need", async () => {
  const content = fixtureArchive({ "2023/story-1.md": story(1), "2023/story-2.md": story(2) });
  const out = tempOut();
  thread = buildThread({ content, out, cache: tempDir("gazette-cache-"), reportDir: false });
  const cold = await thread.build();
  expect(cold.ok).toBe(true);
  expect(cold.report.cold).toBe(true);

  writeFileSync(join(content, "2023/story-2.md"), story(2, "PORT – Edited on the thread.\n"));
  const warm = await thread.build();
  expect(warm.report.cold).toBe(false);
  expect(warm.report.cache.prepared).toBe(1);
  const here = tempOut();
  await buildSite({ content, out: here, cache: false, reportDir: false });
  expect(hashTree(out)).toEqual(hashTree(here));

  // The base arrived as plain data, and previews work from it on this thread.
  writeFileSync(join(content, "2023/story-2.md"), story(2, "PORT – Previewed here.\n"));
  const preview = createPreviewer(warm.base!).preview(["2023/story-2.md"]);
  expect(preview.pages.get("2023/01/02/story-2/index.html")).toContain("PORT – Previewed here.");
  // The index stays on the thread, and listing previews come from there.
  expect(warm.kept).toBeUndefined();
  writeFileSync(join(content, "2023/story-2.md"), story(2).replace("Story 2", "Story two, on the thread"));
  const listings = await thread.previewListings(createPreviewer(warm.base!).preview(["2023/story-2.md"]).records);
  expect(listings.get("politics/index.html")).toContain("Story two, on the thread");
});

it("rejects with the BuildFailure the build threw", async () => {
  const content = fixtureArchive({ "2023/story-1.md": story(1) });
  const out = join(tempDir("gazette-out-"), "a-file");
  writeFileSync(out, "not a folder");
  thread = buildThread({ content, out, cache: false, reportDir: false });
  const failure = await thread.build().catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(BuildFailure);
  expect(failure).toMatchObject({ code: "out-not-folder", path: out });
  // The thread goes on serving builds after a failure.
  await expect(thread.build()).rejects.toMatchObject({ code: "out-not-folder" });
});

it("replaces a thread that died: the build it was running fails, the next one builds on a new thread", async () => {
  const content = fixtureArchive({ "2023/story-1.md": story(1), "2023/story-2.md": story(2) });
  const out = tempOut();
  process.env.GAZETTE_TEST_BUILD_THREAD_FAULT = "exit";
  try {
    thread = buildThread({ content, out, cache: tempDir("gazette-cache-"), reportDir: false });
    await expect(thread.build()).rejects.toThrow("The build thread stopped (exit code 3); the next build starts a new one.");
    expect(thread.restarts()).toBe(0);
    const result = await thread.build();
    expect(result.ok).toBe(true);
    expect(thread.restarts()).toBe(1);
  } finally {
    delete process.env.GAZETTE_TEST_BUILD_THREAD_FAULT;
  }
  const here = tempOut();
  await buildSite({ content, out: here, cache: false, reportDir: false });
  expect(hashTree(out)).toEqual(hashTree(here));
  // Listing previews come from the new thread, against the build it made.
  const base = (await thread.build()).base!;
  writeFileSync(join(content, "2023/story-1.md"), story(1).replace("Story 1", "Story one, after the restart"));
  const listings = await thread.previewListings(createPreviewer(base).preview(["2023/story-1.md"]).records);
  expect(listings.get("politics/index.html")).toContain("Story one, after the restart");
});

it("removes the output lock of a thread that died holding it: the next build need not wait for it to go stale", async () => {
  const content = fixtureArchive({ "2023/story-1.md": story(1), "2023/story-2.md": story(2) });
  const out = tempOut();
  const env = { GAZETTE_TEST_BUILD_THREAD_FAULT: "oom-locked", GAZETTE_LOCK_STALE_MS: "600000", GAZETTE_LOCK_WAIT_MS: "3000" };
  Object.assign(process.env, env);
  try {
    thread = buildThread({ content, out, cache: tempDir("gazette-cache-"), reportDir: false });
    await expect(thread.build()).rejects.toThrow("JS heap out of memory");
    // A lock left behind would be taken over only after 600 s: this build would stop with out-locked after 3 s.
    const result = await thread.build();
    expect(result.ok).toBe(true);
    expect(thread.restarts()).toBe(1);
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
  }
  expect(readdirSync(dirname(out)).filter((name) => name.endsWith(".gazette-lock"))).toEqual([]);
  const here = tempOut();
  await buildSite({ content, out: here, cache: false, reportDir: false });
  expect(hashTree(out)).toEqual(hashTree(here));
});
