/**
 * `gazette` command dispatch: find the command, parse its arguments against its own option
 * table, run it, and map the outcome to an exit code. Each command lives in a module of its own.
 */
import { systemFailure } from "../build/build-failure.ts";
import { parseCommand } from "./command.ts";
import { COMMANDS } from "./commands.ts";
import { showHelp } from "./help.ts";
import { EXIT, UsageError } from "./usage.ts";

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit code.
 * @example await main(["build", "--content", "content", "--out", "_site"]) // 0
 */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.command ? `gazette help ${error.command}` : "gazette help";
      process.stderr.write(`gazette${error.command ? ` ${error.command}` : ""}: ${error.message}\nRun \`${help}\` for usage.\n`);
      return EXIT.usage;
    }
    // Usage and file-system failures of a build: one line with the code and path, no stack.
    const failure = systemFailure(error);
    if (!failure) throw error;
    process.stderr.write(`gazette: ${failure.line}\n`);
    return failure.kind === "usage" ? EXIT.usage : EXIT.environment;
  }
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError("no command given.");
  if (name === "help" || name === "--help" || name === "-h") return showHelp(COMMANDS, rest);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(name.startsWith("-") ? `an option before the command: "${name}" (write gazette COMMAND ${name}).` : `unknown command "${name}".`);
  const args = parseCommand(command, rest);
  if (args.help) return showHelp(COMMANDS, [command.name]);
  return command.run(args);
}
