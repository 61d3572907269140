/**
 * The registry of commands: adding a command is one line here and one module beside it.
 */
import { benchCommand } from "./bench.ts";
import { buildCommand } from "./build.ts";
import { checkCommand } from "./check.ts";
import { codesCommand } from "./codes.ts";
import { importCommand } from "./import.ts";
import { newCommand } from "./new.ts";
import { updateCommand } from "./update.ts";
import type { Command } from "./command.ts";
import { previewCommand } from "./preview.ts";
import { serveCommand } from "./serve.ts";

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [buildCommand, checkCommand, serveCommand, previewCommand, newCommand, updateCommand, importCommand, codesCommand, benchCommand] as unknown as Command[];
