/**
 * `gazette codes`: the catalogue of issue codes as the README's Markdown table.
 */
import { defineCommand } from "./command.ts";
import { EXIT } from "./usage.ts";

/** The `codes` command. */
export const codesCommand = defineCommand({
  name: "codes",
  summary: "Print the table of error codes as Markdown",
  description: "Prints every issue code the generator can report, with its severity, when it is reported and what to do, as a Markdown table (the README's table is this output).",
  options: {},
  async run() {
    // Loaded when the command runs, not when the CLI starts: every other command, and --help, skips them.
    const { catalogueTable } = await import("../issues/catalogue.ts");
    process.stdout.write(`${catalogueTable()}\n`);
    return EXIT.ok;
  },
});
