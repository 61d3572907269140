/**
 * Running `gazette` as separate processes for tests of what happens between processes: kills,
 * concurrent builds, other users, other PID namespaces.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli, type CliRun } from "./run-cli.ts";

/** The `gazette` script. */
export const BIN = fileURLToPath(new URL("../../bin/gazette.mjs", import.meta.url));
/** The project folder (the working directory of spawned builds unless told otherwise). */
export const PROJECT = fileURLToPath(new URL("../..", import.meta.url));

/** A command prefix and how to run `gazette` under it. */
export interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Words put before `node` (e.g. `["unshare", "--pid", "--fork", "--mount-proc"]`). */
  prefix?: string[];
}

/** Runs `gazette …args` to the end, synchronously. */
export function gazette(args: string[], options: SpawnOptions = {}): CliRun {
  const [command, ...rest] = [...(options.prefix ?? []), process.execPath, BIN, ...args];
  const result = spawnSync(command, rest, { cwd: options.cwd ?? PROJECT, encoding: "utf8", env: { ...process.env, ...options.env }, timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A running `gazette` process and a promise of its outcome. */
export interface RunningGazette {
  pid: number;
  done: Promise<CliRun & { signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts `gazette …args` without waiting for it. */
export function startGazette(args: string[], options: SpawnOptions = {}): RunningGazette {
  const [command, ...rest] = [...(options.prefix ?? []), process.execPath, BIN, ...args];
  const child = spawn(command, rest, { cwd: options.cwd ?? PROJECT, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve) => child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { pid: child.pid!, done, kill: (signal) => child.kill(signal) };
}

/** A temporary folder for one test. */
export function tempRoot(prefix = "gazette-out-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Writes a generated archive of `articles` articles (deterministic for a seed) into `dir`.
 * @example generateArchive("/tmp/x/a", 120, 1)
 */
export function generateArchive(dir: string, articles: number, seed: number): string {
  const run = runCli(["bench", "generate", String(articles), "--out", dir, "--seed", String(seed)]);
  if (run.status !== 0) throw new Error(`generating an archive failed: ${run.stderr}`);
  return dir;
}

/**
 * Every build leftover in `dir` (staging, previous and lock entries, beside or inside).
 * @example leftovers("/tmp/x") // []
 */
export function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (/\.(staging|previous)-|gazette-lock|journal/.test(entry.name)) found.push(join(folder, entry.name));
      else if (entry.isDirectory() && depth < 2) walk(join(folder, entry.name), depth + 1);
    }
  };
  walk(dir, 0);
  return found;
}

/**
 * Like hashTree, but symlinks are recorded as links (never followed) and folders as entries,
 * so a test can tell that nothing at all changed below `root`.
 * @example snapshot("/tmp/x")["link"] // "-> /tmp/x/content"
 */
export function snapshot(root: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const key = relative(root, path);
      if (entry.isSymbolicLink()) found[key] = `-> ${readlinkSync(path)}`;
      else if (entry.isDirectory()) (found[`${key}/`] = "dir"), walk(path);
      else found[key] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(root);
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Stops a child process and waits until it has exited (SIGKILL after `timeoutMs`): a dev server
 * lets a running build finish first, and must not write into a test's folders once they are removed.
 * @example await stopChild(child) // 0
 */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM", timeoutMs = 30_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
