/**
 * The run's temp root: every test process sees it as its temp folder, and a leftover fails the
 * run by name while the root is removed all the same.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import setup from "./temp-root.ts";

it("is the temp folder of every test process", () => {
  expect(tmpdir()).toMatch(/gazette-test-run-[^/]+$/);
});

it("passes when nothing is left, and removes the root", () => {
  const outer = process.env.TMPDIR;
  const teardown = setup();
  const root = tmpdir();
  expect(root).not.toBe(outer);
  mkdirSync(join(root, "tsx-0"));
  expect(() => teardown()).not.toThrow();
  expect(existsSync(root)).toBe(false);
  expect(process.env.TMPDIR).toBe(outer);
});

it("fails naming what a test left, and still removes it", () => {
  const teardown = setup();
  const root = tmpdir();
  mkdirSync(join(root, "gazette-fixture-abc"));
  writeFileSync(join(root, "stray.txt"), "x");
  const exitCode = process.exitCode;
  try {
    expect(() => teardown()).toThrow(/left 2 file\(s\) or folder\(s\)[\s\S]*gazette-fixture-abc[\s\S]*stray\.txt/);
    expect(process.exitCode).toBe(1);
  } finally {
    process.exitCode = exitCode;
  }
  expect(existsSync(root)).toBe(false);
});
