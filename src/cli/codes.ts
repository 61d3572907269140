/**
 * `gazette codes`: the catalogue of issue codes as the README's Markdown table.
 */
import { catalogueTable } from "../issues/catalogue.ts";
import { defineCommand } from "./command.ts";
import { EXIT } from "./usage.ts";

/** The `codes` command. */
export const codesCommand = defineCommand({
  name: "codes",
  summary: "Print the table of error codes as Markdown",
  description: "Prints every issue code the generator can report, with its severity, when it is reported and what to do, as a Markdown table (the README's table is this output).",
  options: {},
  async run() {
    process.stdout.write(`${catalogueTable()}\n`);
    return EXIT.ok;
  },
});
