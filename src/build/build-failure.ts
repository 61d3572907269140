/**
 * Failures of a build that are not about the content: the command was used wrongly (exit 2)
 * or the file system refused something (exit 3). Each carries a catalogue code and the path,
 * so the command line prints one line instead of a stack trace.
 */
import { CATALOGUE, failureKind, type FailureKind, type IssueCode } from "../issues/catalogue.ts";

/** A usage or environment failure with its catalogue code and the path it concerns. */
export class BuildFailure extends Error {
  constructor(
    readonly code: IssueCode,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "BuildFailure";
  }

  /** `usage` or `environment` (from the catalogue). */
  get kind(): FailureKind {
    return failureKind(this.code);
  }

  /** The one line the command line prints. */
  get line(): string {
    const hint = CATALOGUE[this.code].hint;
    return `${this.path}  error  ${this.code}  ${this.message}${hint ? ` ${hint}` : ""}`;
  }
}

const SYSTEM_CODES: Record<string, IssueCode> = {
  EACCES: "fs-permission-denied",
  EPERM: "fs-permission-denied",
  EROFS: "fs-permission-denied",
  ENOSPC: "fs-no-space",
  EDQUOT: "fs-no-space",
  ENAMETOOLONG: "fs-name-too-long",
  EEXIST: "fs-path-blocked",
  ENOTDIR: "fs-path-blocked",
  EISDIR: "fs-path-blocked",
  ENOTEMPTY: "fs-path-blocked",
};

const WORDS: Record<string, string> = {
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  EROFS: "Read-only file system",
  ENOSPC: "No space left on the device",
  EDQUOT: "Disk quota exceeded",
  ENAMETOOLONG: "Name too long",
  EEXIST: "Something is already there",
  ENOTDIR: "A part of the path is not a folder",
  EISDIR: "The path is a folder",
  ENOTEMPTY: "The folder is not empty",
};

/**
 * The failure for a file-system error (`EACCES`, `ENOSPC`, …), or undefined for anything else.
 * Errors that crossed from a worker thread arrive as text only; their code and path are read
 * back from Node's message (`ENOSPC: no space left on device, write '/x'`); when the error
 * names no path (a failed `write`), `fallbackPath` is reported.
 * @example systemFailure(Object.assign(new Error("x"), { code: "ENOSPC", path: "/srv/_site" }))?.code // "fs-no-space"
 */
export function systemFailure(error: unknown, fallbackPath?: string): BuildFailure | undefined {
  if (error instanceof BuildFailure) return error;
  if (!(error instanceof Error)) return undefined;
  const own = error as NodeJS.ErrnoException;
  const parsed = /\b(E[A-Z]{2,})(?::[^,\n]*)?, (\w+)(?: '([^'\n]*)')?/.exec(error.message);
  const system = own.code && /^E[A-Z]+$/.test(own.code) ? own.code : parsed?.[1];
  // Eleventy wraps a failed write in errors of its own; the system error is their cause.
  const cause = own.cause ?? (own as { originalError?: unknown }).originalError;
  if (!system) return cause ? systemFailure(cause, fallbackPath) : undefined;
  // A rename or link names its source as `path` and its target as `dest`: the target is the one refused.
  const path = (own as { dest?: string }).dest ?? own.path ?? parsed?.[3] ?? fallbackPath ?? "";
  const syscall = own.syscall ?? parsed?.[2];
  const code = SYSTEM_CODES[system] ?? "fs-failed";
  const words = WORDS[system] ?? "The operation failed";
  return new BuildFailure(code, path || "(unknown path)", `${words} (${system}${syscall ? ` in ${syscall}` : ""}).`);
}
