/**
 * One command of the `gazette` command line: its name, its own option table and its help
 * text, in one object. The dispatcher (main.ts) parses a command's arguments strictly against
 * that table, so an option of one command is never accepted silently by another, and renders
 * `gazette help COMMAND` from the same table, so the help can never drift from the parser.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage.ts";

/** One option in a command's table. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** The option may be given more than once; its value is then the list of every value given. */
  multiple?: boolean;
  default?: string | boolean;
  /** The placeholder shown in the help, e.g. `DIR` in `--out DIR`. */
  value?: string;
  /** One line (or a few) of help. */
  help: string;
}

/** A command's option table. */
export type OptionTable = Record<string, OptionSpec>;

/** The parsed values of an option table: booleans as booleans, strings as given (or their default). */
export type OptionValues<O extends OptionTable> = {
  [K in keyof O]: O[K]["type"] extends "boolean" ? boolean : O[K]["multiple"] extends true ? string[] : O[K]["default"] extends string ? string : string | undefined;
};

/** What a command receives once its arguments are parsed. */
export interface CommandArgs<O extends OptionTable> {
  values: OptionValues<O>;
  positionals: string[];
}

/** A command of the command line. */
export interface Command<O extends OptionTable = OptionTable> {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** What follows `gazette NAME` in the usage line, e.g. `[--content DIR]`; derived from the options when absent. */
  synopsis?: string;
  /** What the command does, a paragraph. */
  description: string;
  options: O;
  /** How many positional arguments it takes (default: none). */
  positionals?: { min: number; max: number; names: string };
  run(args: CommandArgs<O>): Promise<number>;
}

const HELP_OPTION: OptionSpec = { type: "boolean", short: "h", default: false, help: "Show this help" };

/**
 * Declares a command (an identity function that keeps the option table's types).
 * @example defineCommand({ name: "codes", summary: "…", description: "…", options: {}, run: async () => 0 })
 */
export function defineCommand<O extends OptionTable>(command: Command<O>): Command<O> {
  return command;
}

/**
 * Parses `argv` (the arguments after the command's name) against the command's table; throws
 * a UsageError for an unknown option, a missing value or a wrong number of arguments.
 * @example parseCommand(build, ["--out", "site"]).values.out // "site"
 */
export function parseCommand<O extends OptionTable>(command: Command<O>, argv: string[]): CommandArgs<O> & { help: boolean } {
  const options = { ...command.options, help: HELP_OPTION };
  const config = Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}), ...(spec.default !== undefined ? { default: spec.default } : {}) }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: config as NonNullable<ParseArgsConfig["options"]>, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument starting with a '-'.*$/s, "."), command.name);
  }
  const { help, ...values } = parsed.values as Record<string, unknown>;
  const positionals = parsed.positionals;
  if (!help) {
    const { min, max } = command.positionals ?? { min: 0, max: 0 };
    if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}".`, command.name);
    if (positionals.length < min) throw new UsageError(`missing ${command.positionals!.names}.`, command.name);
  }
  return { values: values as OptionValues<O>, positionals, help: Boolean(help) };
}

/**
 * The usage line of a command, e.g. `gazette check [--content DIR] [--drafts]`.
 * @example usageLine(codes) // "gazette codes"
 */
export function usageLine(command: Command): string {
  const derived = Object.entries(command.options)
    .map(([name, spec]) => `[--${name}${spec.value ? ` ${spec.value}` : ""}]`)
    .join(" ");
  const synopsis = command.synopsis ?? [command.positionals?.names ?? "", derived].filter(Boolean).join(" ");
  return `gazette ${command.name}${synopsis ? ` ${synopsis}` : ""}`;
}

/**
 * The text of `gazette help COMMAND` and `gazette COMMAND --help`, rendered from the table.
 * @example commandHelp(check).startsWith("Usage:\n  gazette check") // true
 */
export function commandHelp(command: Command): string {
  const rows = Object.entries({ ...command.options, help: HELP_OPTION }).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.value ? ` ${spec.value}` : ""}`;
    const fallback = typeof spec.default === "string" && spec.default !== "" ? ` (default: ${spec.default})` : "";
    return [flag, `${spec.help}${fallback}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 3;
  const options = rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text.replace(/\n/g, `\n  ${" ".repeat(width)}`)}`).join("\n");
  return `Usage:\n  ${usageLine(command)}\n\n${command.description}\n\nOptions:\n${options}\n`;
}
