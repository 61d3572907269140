/**
 * Temporary folders for tests, removed when the test file ends (tests/setup/remove-temp-dirs.ts
 * runs `removeTempDirs` after every file). The global setup points the system temp folder at
 * one root made for the run, so anything a test forgets is found there and named.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/**
 * A fresh temporary folder, created, that is removed after the current test file.
 * @example const dir = tempDir("gazette-cache-")
 */
export function tempDir(prefix = "gazette-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
