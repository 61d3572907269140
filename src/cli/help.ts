/**
 * `gazette help [COMMAND]` and `gazette --help`: the list of commands, or one command's help.
 */
import { commandHelp, usageLine, type Command } from "./command.ts";
import { EXIT, UsageError } from "./usage.ts";

/**
 * The general help: every command's usage line and summary, and the exit codes.
 * @example generalHelp(COMMANDS).startsWith("gazette — ") // true
 */
export function generalHelp(commands: readonly Command[]): string {
  const usage = commands.map((c) => `  ${usageLine(c)}`).join("\n");
  const width = Math.max(...commands.map((c) => c.name.length)) + 3;
  const list = commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join("\n");
  return `gazette — build a static news-archive website from Markdown articles

Usage:
${usage}
  gazette help [COMMAND]

Commands:
${list}
  ${"help".padEnd(width)}Show this help, or a command's options (also: gazette COMMAND --help)

Exit codes: 0 success, 1 the content has errors, 2 usage error, 3 the file system refused
something (permissions, a full disk, another build holding the lock); nothing was changed.
`;
}

/**
 * Prints the general help, or the help of the command named in `args`.
 * @example showHelp(COMMANDS, ["build"]) // prints the build options, returns 0
 */
export function showHelp(commands: readonly Command[], args: string[]): number {
  if (args.length > 1) throw new UsageError(`unexpected argument "${args[1]}".`);
  const name = args[0];
  if (name === undefined || name === "help") {
    process.stdout.write(generalHelp(commands));
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}".`);
  process.stdout.write(commandHelp(command));
  return EXIT.ok;
}
