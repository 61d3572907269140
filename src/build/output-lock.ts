/**
 * One build at a time per output folder. The lock is proper-lockfile's: a folder created with
 * mkdir (atomic on every file system, NFS included) whose mtime the holder refreshes every few
 * seconds. Builds in other containers or PID namespaces share the file system, not the pids,
 * so staleness is judged by that heartbeat, never by a pid: a lock not refreshed for
 * `GAZETTE_LOCK_STALE_MS` (default 20 s: generous, because a build whose event loop is busy
 * cannot refresh it, and a lock taken over from a live build stops that build) belongs to a
 * killed build and is taken over. A
 * second build waits for the lock up to `GAZETTE_LOCK_WAIT_MS` (default 120 s), then stops.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { BuildFailure } from "./build-failure.ts";
import type { OutputTarget } from "./output-guard.ts";

interface LockOptions {
  realpath: false;
  lockfilePath: string;
  stale?: number;
  retries?: { retries: number; factor: number; minTimeout: number; maxTimeout: number };
  onCompromised?: (error: Error) => void;
}
interface ProperLockfile {
  lock(file: string, options: LockOptions): Promise<() => Promise<void>>;
  unlockSync(file: string, options: LockOptions): void;
}
const lockfile = createRequire(import.meta.url)("proper-lockfile") as ProperLockfile;

/** A held lock on one output folder. */
export interface OutputLock {
  path: string;
  /** Throws `out-locked` when another build took the lock over (this build stalled too long). */
  assertHeld(): void;
  /** Gives the lock up; safe to call twice. */
  release(): void;
}

/**
 * Where the lock of `target` lives: beside the real folder, or inside it when the folder
 * cannot be replaced (a mount point's parent may be read-only).
 * @example lockPath({ real: "/srv/_site", inPlace: false }) // "/srv/._site.gazette-lock"
 */
export function lockPath(target: Pick<OutputTarget, "real" | "inPlace">): string {
  return target.inPlace ? join(target.real, ".gazette-lock") : join(dirname(target.real), `.${basename(target.real)}.gazette-lock`);
}

/**
 * Takes the lock of `target`, waiting (bounded) while another build holds it.
 * @example const lock = await lockOutput(target); try { … } finally { lock.release(); }
 */
export async function lockOutput(target: Pick<OutputTarget, "out" | "real" | "inPlace">): Promise<OutputLock> {
  const path = lockPath(target);
  mkdirSync(dirname(path), { recursive: true });
  const stale = Number(process.env.GAZETTE_LOCK_STALE_MS) || 20_000;
  const wait = Number(process.env.GAZETTE_LOCK_WAIT_MS) || 120_000;
  const step = 100;
  let lost: Error | undefined;
  const options: LockOptions = { realpath: false, lockfilePath: path, stale };
  try {
    await lockfile.lock(path, {
      ...options,
      retries: { retries: Math.ceil(wait / step), factor: 1, minTimeout: step, maxTimeout: step },
      onCompromised: (error) => (lost = error),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new BuildFailure("out-locked", target.out, `Another build is writing ${target.out} (lock ${path}); waited ${Math.round(wait / 1000)} s.`);
    }
    throw error;
  }
  let held = true;
  return {
    path,
    assertHeld() {
      if (lost) throw new BuildFailure("out-locked", target.out, `Another build took over the lock ${path} (${lost.message}); this build wrote nothing.`);
    },
    release() {
      if (!held) return;
      held = false;
      try {
        lockfile.unlockSync(path, options);
      } catch {
        // Already taken over or removed: nothing of ours is left to release.
      }
    },
  };
}
