/**
 * The checks that run before a build touches anything: a build replaces its output folder, so
 * that folder must not be the archive, the cache, the working directory or a folder of someone
 * else's files. Paths are compared as given and with symlinks resolved.
 */
import { DEFAULT_CACHE } from "./work-folders.ts";
import { accessSync, constants, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { BuildFailure } from "./build-failure.ts";
import { readOutputMarker } from "./output-marker.ts";

/** How two folders relate. */
export type PathRelation = "same" | "inside" | "contains" | undefined;

/**
 * Whether `a` is `b`, lies inside it, or contains it (absolute, normalised paths).
 * @example pathRelation("/p/content/x", "/p/content") // "inside"
 */
export function pathRelation(a: string, b: string): PathRelation {
  if (a === b) return "same";
  const down = relative(b, a);
  if (down && !down.startsWith("..") && !down.startsWith(sep) && !/^[a-zA-Z]:/.test(down)) return "inside";
  const up = relative(a, b);
  if (up && !up.startsWith("..") && !up.startsWith(sep) && !/^[a-zA-Z]:/.test(up)) return "contains";
  return undefined;
}

/**
 * The path with symlinks resolved as far as it exists; the part that does not exist yet is kept.
 * @example realPathOf("/tmp/link/new") // "/private/tmp/target/new"
 */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
  }
}

/** The names a build's own bookkeeping may take inside an output folder (see output-folder.ts). */
export const OWN_ENTRY = /^\.gazette-(?:(?:staging|previous)-[0-9a-f]+|lock)$/;

/** The output folder as a build will write it. */
export interface OutputTarget {
  /** As given, made absolute (a symlink stays a symlink). */
  out: string;
  /** With symlinks resolved: where the files really go. */
  real: string;
  /** True when the folder exists already. */
  exists: boolean;
  /**
   * True when the folder itself cannot be replaced: it is a mount point (a container volume)
   * or its parent is not writable. The build then stages inside it and moves entries in.
   */
  inPlace: boolean;
}

/** What the checks need to know. */
export interface OutputCheck {
  content: string;
  out: string;
  cache?: string | false;
  force?: boolean;
  cwd?: string;
}

/**
 * Refuses an output folder that a build must not replace, with a usage failure naming both
 * paths; returns where the build will write otherwise. Touches nothing.
 * @example checkOutput({ content: "content", out: "_site", cache: ".gazette/cache" }).real
 */
export function checkOutput(check: OutputCheck): OutputTarget {
  if (check.out.trim() === "") throw new BuildFailure("out-empty", '""', "--out is empty, so the site would replace the working directory; nothing was touched.");
  const out = resolve(check.out);
  const real = realPathOf(out);
  const others: Array<[string, "out-overlaps-content" | "out-overlaps-cache" | "out-overlaps-workdir", string]> = [[resolve(check.content), "out-overlaps-content", "the content folder"]];
  if (check.cache !== false) others.push([resolve(check.cache ?? DEFAULT_CACHE), "out-overlaps-cache", "the cache folder"]);
  for (const [other, code, what] of others) {
    const relation = pathRelation(out, other) ?? pathRelation(real, realPathOf(other));
    if (relation) throw new BuildFailure(code, out, `--out ${out} ${RELATION_WORDS[relation]} ${what} ${other}; nothing was touched.`);
  }
  const cwd = resolve(check.cwd ?? process.cwd());
  const workdir = [pathRelation(out, cwd), pathRelation(real, realPathOf(cwd))].find((r) => r === "same" || r === "contains");
  if (workdir) {
    throw new BuildFailure("out-overlaps-workdir", out, `--out ${out} ${RELATION_WORDS[workdir]} the working directory ${cwd}; nothing was touched.`);
  }
  if (check.cache !== false) {
    const cache = resolve(check.cache ?? DEFAULT_CACHE);
    // The cache is written after the site is in place: a file in its way must stop the build now.
    for (let path = cache; ; path = dirname(path)) {
      const stats = statOrNothing(path);
      if (stats && !stats.isDirectory()) throw new BuildFailure("cache-not-folder", cache, `--cache ${cache} ${path === cache ? "is" : `is inside ${path}, which is`} a file, not a folder; nothing was touched.`);
      if (stats || dirname(path) === path) break;
    }
  }

  const present = lstatSync(out, { throwIfNoEntry: false }) !== undefined;
  const stats = statSync(out, { throwIfNoEntry: false });
  if (present && !stats?.isDirectory()) throw new BuildFailure("out-not-folder", out, `--out ${out} exists and is not a folder; nothing was touched.`);
  if (!stats) return { out, real, exists: false, inPlace: false };

  const foreign = readdirSync(real).filter((name) => !OWN_ENTRY.test(name));
  if (foreign.length > 0 && !readOutputMarker(real) && !check.force) {
    throw new BuildFailure(
      "out-not-gazette",
      out,
      `--out ${out} holds ${foreign.length} entr${foreign.length === 1 ? "y" : "ies"} (e.g. ${foreign.sort()[0]}) that no Gazette build wrote; nothing was touched.`,
    );
  }
  return { out, real, exists: true, inPlace: cannotBeReplaced(real) };
}

/** The stats of `path`, or undefined when it or a parent is missing or not a folder. */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}

/**
 * Every mount point on Linux. A bind mount (a container volume from the same disk) has the
 * same device number as its parent, so only the mount table tells it apart.
 */
function mountPoints(): Set<string> {
  try {
    const table = readFileSync("/proc/self/mountinfo", "utf8");
    // Field 5 is the mount point, with spaces and the like written as octal escapes (\040).
    return new Set(table.split("\n").map((line) => (line.split(" ")[4] ?? "").replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))));
  } catch {
    return new Set();
  }
}

const RELATION_WORDS = { same: "is", inside: "is inside", contains: "contains" } as const;

/** A mount point cannot be renamed (EBUSY), nor can a folder whose parent is read-only to us. */
function cannotBeReplaced(real: string): boolean {
  const parent = dirname(real);
  if (parent === real) return true;
  if (statSync(parent).dev !== statSync(real).dev || mountPoints().has(real)) return true;
  try {
    accessSync(parent, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}
