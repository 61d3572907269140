/**
 * Moving a staged build's files into an existing site all-or-nothing. Before the first move, a
 * journal lists every file to put and to remove; each replaced or removed file is first kept
 * in a backup folder (a hard link: no copy, and no moment without the file). If anything
 * fails, every move is undone from the backups; if the process is killed, the next build finds
 * the journal and undoes them then. Only when every move is done does the journal say
 * "committed", and the backups are dropped. A staged file whose bytes equal the file already
 * in place is not moved, so unchanged pages keep their inode and mtime (rsync and CDNs see no
 * change).
 */
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { filesBelow } from "./files-below.ts";

/** What a journal records. */
export interface Journal {
  state: "applying" | "committed";
  /** The real output folder the moves go into. */
  target: string;
  /** The staging folder the new files come from. */
  staging: string;
  /** Files (relative, `/`) moved from staging into target; `existed` says whether one was replaced. */
  puts: Array<{ path: string; existed: boolean }>;
  /** Files removed from target. */
  removes: string[];
}

const JOURNAL = "journal.json";

/**
 * Moves every file of `staging` that differs into `target` and removes `removes` from it,
 * all-or-nothing, keeping the journal and backups in `previous` (created; same file system).
 * `lastPath` is moved last (the output marker). Returns how many files were moved.
 * @example applyWithJournal({ staging, target: "/srv/_site", previous, removes: ["old/index.html"] })
 */
export function applyWithJournal(plan: { staging: string; target: string; previous: string; removes: readonly string[]; lastPath?: string }): number {
  const { staging, target, previous } = plan;
  const puts: Journal["puts"] = [];
  const staged = filesBelow(staging);
  const last = plan.lastPath && staged.includes(plan.lastPath) ? [plan.lastPath] : [];
  for (const path of [...staged.filter((p) => p !== plan.lastPath), ...last]) {
    const existing = statSync(join(target, path), { throwIfNoEntry: false });
    if (existing?.isFile() && sameBytes(join(staging, path), join(target, path), existing.size)) continue;
    puts.push({ path, existed: existing !== undefined });
  }
  const stagedSet = new Set(staged);
  const removes = plan.removes.filter((path) => !stagedSet.has(path) && statSync(join(target, path), { throwIfNoEntry: false })?.isFile());
  const journal: Journal = { state: "applying", target, staging, puts, removes };
  mkdirSync(join(previous, "files"), { recursive: true });
  writeJournal(previous, journal);
  try {
    for (const { path, existed } of puts) {
      const to = join(target, path);
      if (existed) {
        mkdirSync(dirname(join(previous, "files", path)), { recursive: true });
        linkSync(to, join(previous, "files", path));
      } else {
        mkdirSync(dirname(to), { recursive: true });
      }
      renameSync(join(staging, path), to);
    }
    for (const path of removes) {
      mkdirSync(dirname(join(previous, "files", path)), { recursive: true });
      renameSync(join(target, path), join(previous, "files", path));
    }
    writeJournal(previous, { ...journal, state: "committed" });
  } catch (error) {
    // If the rollback itself fails, its journal stays for the next build to finish.
    rollBack(previous, journal);
    rmSync(previous, { recursive: true, force: true });
    throw error;
  }
  for (const path of removes) pruneEmpty(target, dirname(join(target, path)));
  rmSync(previous, { recursive: true, force: true });
  return puts.length;
}

/**
 * Finishes what a killed build left in `previous`: undoes its moves unless its journal says
 * committed, then removes the folder. Returns true when something was rolled back.
 * @example recoverJournal("/srv/._site.previous-1f2e")
 */
export function recoverJournal(previous: string): boolean {
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(readFileSync(join(previous, JOURNAL), "utf8")) as Journal;
  } catch {
    journal = undefined;
  }
  const undo = journal?.state === "applying";
  if (undo) rollBack(previous, journal!);
  rmSync(previous, { recursive: true, force: true });
  if (journal) rmSync(journal.staging, { recursive: true, force: true });
  return undo;
}

/** Puts every backed-up file back and removes files that were new; the reverse order of the moves. */
function rollBack(previous: string, journal: Journal): void {
  const { target } = journal;
  for (const path of [...journal.removes].reverse()) {
    const backup = join(previous, "files", path);
    if (!statSync(backup, { throwIfNoEntry: false })) continue;
    mkdirSync(dirname(join(target, path)), { recursive: true });
    renameSync(backup, join(target, path));
  }
  for (const { path, existed } of [...journal.puts].reverse()) {
    const backup = join(previous, "files", path);
    if (statSync(backup, { throwIfNoEntry: false })) renameSync(backup, join(target, path));
    else if (!existed) {
      rmSync(join(target, path), { force: true });
      pruneEmpty(target, dirname(join(target, path)));
    }
  }
  writeJournal(previous, { ...journal, state: "committed", puts: [], removes: [] });
}

/** Replaces the journal atomically, on disk before any move it announces (fsync), so a power cut cannot hide a move. */
function writeJournal(previous: string, journal: Journal): void {
  const temporary = join(previous, `${JOURNAL}.tmp`);
  const fd = openSync(temporary, "w");
  try {
    writeSync(fd, JSON.stringify(journal));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, join(previous, JOURNAL));
  const dir = openSync(previous, "r");
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** Removes `dir` and its parents while they are empty, never `root` itself. */
function pruneEmpty(root: string, dir: string): void {
  while (dir.startsWith(root + sep) && statSync(dir, { throwIfNoEntry: false }) && readdirSync(dir).length === 0) {
    rmdirSync(dir);
    dir = dirname(dir);
  }
}

/** True when two files have the same bytes (`size` is the second one's). */
function sameBytes(a: string, b: string, size: number): boolean {
  if (statSync(a).size !== size) return false;
  const chunk = 1 << 16;
  const [bufA, bufB] = [Buffer.alloc(chunk), Buffer.alloc(chunk)];
  const [fa, fb] = [openSync(a, "r"), openSync(b, "r")];
  try {
    for (let position = 0; position < size; position += chunk) {
      const n = readSync(fa, bufA, 0, chunk, position);
      if (readSync(fb, bufB, 0, chunk, position) !== n || !bufA.subarray(0, n).equals(bufB.subarray(0, n))) return false;
    }
    return true;
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}
