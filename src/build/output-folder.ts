/**
 * Putting a build's files into the output folder so that a reader always finds a whole site:
 * the previous one or the new one, never a mix, never none.
 *
 * - The build first claims the folder: the checks of output-guard.ts, the lock of
 *   output-lock.ts, and the clean-up of whatever a killed build left behind (its staging
 *   folder, and its half-applied journal, which is rolled back).
 * - It stages beside the folder's real path (a symlinked output is written through: the link
 *   stays, its target gets the site), so every move is a rename on one file system. A folder
 *   that cannot be renamed (a mount point, or a read-only parent) is staged inside itself, in
 *   a hidden `.gazette-staging-*` folder.
 * - A cold build exchanges the staging folder with the output folder in one
 *   `renameat2(RENAME_EXCHANGE)` (rename-exchange.ts); a warm build, and any build into a
 *   folder that cannot be renamed, moves its files in through apply-journal.ts (each file
 *   atomically, the whole all-or-nothing, unchanged files left alone).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { applyWithJournal, recoverJournal } from "./apply-journal.ts";
import { filesBelow } from "./files-below.ts";
import { checkOutput, OWN_ENTRY, type OutputCheck, type OutputTarget } from "./output-guard.ts";
import { lockOutput, type OutputLock } from "./output-lock.ts";
import { OUTPUT_MARKER } from "./output-marker.ts";
import { exchangePaths } from "./rename-exchange.ts";

export { filesBelow } from "./files-below.ts";

/** An output folder this build has checked, locked and cleaned up, ready to stage into. */
export interface ClaimedOutput {
  target: OutputTarget;
  lock: OutputLock;
}

/**
 * Checks, locks and recovers the output folder (see the module comment). Throws a
 * BuildFailure for a folder that must not be written, or when the lock cannot be had.
 * @example const claim = await claimOutput({ content: "content", out: "_site" });
 */
export async function claimOutput(check: OutputCheck): Promise<ClaimedOutput> {
  const target = checkOutput(check);
  const lock = await lockOutput(target);
  try {
    recoverLeftovers(target);
  } catch (error) {
    lock.release();
    throw error;
  }
  return { target, lock };
}

/**
 * A new staging folder for `claim`, with a random name (builds in separate containers share
 * pids, never random names).
 * @example stagingFolder(claim) // "/srv/._site.staging-9f3c2a1b7e4d6f80"
 */
export function stagingFolder(claim: ClaimedOutput): string {
  const staging = siblingPath(claim.target, "staging", randomBytes(8).toString("hex"));
  mkdirSync(staging, { recursive: true });
  return staging;
}

/**
 * Puts the staged site in place. `removes` are the previous build's files that no longer
 * exist (a warm build); undefined means a cold build, which replaces the whole folder.
 * Removes the staging folder in every outcome.
 * @example putInPlace(claim, staging, undefined)
 */
export function putInPlace(claim: ClaimedOutput, staging: string, removes: readonly string[] | undefined): void {
  const { target } = claim;
  try {
    claim.lock.assertHeld();
    const exists = statSync(target.real, { throwIfNoEntry: false }) !== undefined;
    const previous = siblingPath(target, "previous", basename(staging).replace(/^.*-/, ""));
    if (removes === undefined && !exists) {
      renameSync(staging, target.real);
    } else if (removes === undefined && !target.inPlace) {
      swapWhole(staging, target.real, previous);
    } else {
      const gone = removes ?? filesBelow(target.real, OWN_ENTRY).filter((file) => file !== OUTPUT_MARKER);
      applyWithJournal({ staging, target: target.real, previous, removes: gone, lastPath: OUTPUT_MARKER });
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Removes a staging folder that will not be used (a build with errors or a failure). Never
 * throws: the error that stopped the build is the one to report, and a folder that cannot be
 * removed now is removed by the next build.
 * @example discardStaging("/srv/._site.staging-9f3c2a1b7e4d6f80")
 */
export function discardStaging(staging: string): void {
  try {
    rmSync(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  } catch {
    // Left for recoverLeftovers.
  }
}

/**
 * The cold swap of `staging` into `real` (`previous` is only used without an exchange).
 * With RENAME_EXCHANGE there is no moment without a site; without it (not
 * Linux, or a file system that cannot exchange) two renames leave `out` missing for an
 * instant, and a build killed in between is repaired by the next one (recoverLeftovers).
 * @example swapWhole("/srv/._site.staging-1f", "/srv/_site", "/srv/._site.previous-1f")
 */
export function swapWhole(staging: string, real: string, previous: string): void {
  if (exchangePaths(staging, real)) return;
  renameSync(real, previous);
  renameSync(staging, real);
  rmSync(previous, { recursive: true, force: true });
}

/** `.<name>.<kind>-<id>` beside the real folder, or `.gazette-<kind>-<id>` inside one that cannot be renamed. */
function siblingPath(target: OutputTarget, kind: "staging" | "previous", id: string): string {
  return target.inPlace ? join(target.real, `.gazette-${kind}-${id}`) : join(dirname(target.real), `.${basename(target.real)}.${kind}-${id}`);
}

/**
 * Cleans up after killed builds (we hold the lock, so none of these is in use): a journal
 * half applied is rolled back, an output folder missing between two renames is restored, and
 * staging folders are removed.
 */
function recoverLeftovers(target: OutputTarget): void {
  const places: Array<[string, RegExp]> = [[dirname(target.real), new RegExp(`^\\.${escapeRegExp(basename(target.real))}\\.(staging|previous)-[0-9a-f]+$`)]];
  if (target.exists) places.push([target.real, /^\.gazette-(staging|previous)-[0-9a-f]+$/]);
  for (const [dir, pattern] of places) {
    const names = (statSync(dir, { throwIfNoEntry: false }) ? readdirSync(dir) : []).filter((name) => pattern.test(name));
    for (const name of names.filter((n) => n.includes(".previous-") || n.includes("-previous-"))) {
      const path = join(dir, name);
      const hasJournal = statSync(join(path, "journal.json"), { throwIfNoEntry: false }) !== undefined;
      if (!hasJournal && !statSync(target.real, { throwIfNoEntry: false })) renameSync(path, target.real);
      else recoverJournal(path);
    }
    for (const name of names.filter((n) => n.includes("staging-"))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
