/**
 * Global setup of the test run: one temporary root for the whole run, which every test process
 * inherits as its system temp folder (TMPDIR), and a check at the end that the run left
 * nothing of its own there. A leftover fails the run, naming each file or folder, and is then
 * removed, so the machine's temp folder is left as the run found it.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Creates the run's temp root and makes it every test process's temp folder. */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "gazette-test-run-"));
  // Open to everyone with the sticky bit, as the system temp folder is: some tests run a build
  // as `nobody` below it, and tsx then keeps that user's cache here (mkdtemp makes it private).
  chmodSync(root, 0o1777);
  const previous = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = root;
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    // tsx keeps its transform cache in whatever temp folder it is given (`tsx-<uid>`): that is
    // the toolchain's cache, not something a test made, and it goes with the root.
    const left = readdirSync(root).filter((name) => !/^tsx-\d+$/.test(name));
    rmSync(root, { recursive: true, force: true });
    if (left.length) {
      // Vitest reports an error thrown here but still exits 0: set the exit code as well.
      process.exitCode = 1;
      throw new Error(`The test run left ${left.length} file(s) or folder(s) in the temp folder; every test must remove what it creates:\n${left.map((name) => `  ${name}`).join("\n")}`);
    }
  };
}
