/**
 * Runs the real `gazette` command in a child process, as a user would.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir } from "./temp-dirs.ts";

const BIN = fileURLToPath(new URL("../../bin/gazette.mjs", import.meta.url));

/** The outcome of one command. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `gazette ...args` with extra environment variables, in a fresh temporary working
 * directory (so the default build cache, `.gazette/cache`, is made there and removed with it).
 */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = tempDir("gazette-cwd-")): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, ...env }, cwd, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A map of every file below `root` to the SHA-256 of its bytes. */
export function hashTree(root: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hashes[relative(root, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(root);
  return Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1)));
}
