/**
 * The same archive gives byte-identical output on every run, whatever the machine's zone.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempOut } from "../helpers/built-site.ts";
import { hashTree, runCli } from "../helpers/run-cli.ts";

const SAMPLE = fileURLToPath(new URL("../../content", import.meta.url));

describe("deterministic output", () => {
  it("is byte-identical across runs and under TZ=UTC, America/Los_Angeles and Asia/Tokyo", () => {
    const trees = ["UTC", "UTC", "America/Los_Angeles", "Asia/Tokyo"].map((tz) => {
      const out = tempOut();
      const run = runCli(["build", "--content", SAMPLE, "--out", out, "--quiet"], { TZ: tz });
      expect(run.status, run.stderr).toBe(0);
      return hashTree(out);
    });
    expect(Object.keys(trees[0]).length).toBeGreaterThan(50);
    for (const tree of trees.slice(1)) expect(tree).toEqual(trees[0]);
    // Four cold builds, each encoding the sample's images afresh (a new working directory, so a new media cache).
  }, 240_000);
});
