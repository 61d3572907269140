/**
 * The command line's promises to scripts: its exit codes, and the usage error every command
 * throws for arguments it cannot take.
 */

/** Exit codes: 0 success, 1 the content has errors, 2 the command was used wrongly, 3 the file system refused something. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2, environment: 3 } as const;

/** Thrown for a usage error; the CLI prints the message, points at the command's help and exits 2. */
export class UsageError extends Error {
  /** The command whose help explains the right usage, if one was recognised. */
  readonly command?: string;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
