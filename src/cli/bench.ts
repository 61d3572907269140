/**
 * `gazette bench generate N --out DIR [--seed S]`: writes the deterministic benchmark corpus.
 */
import { defineCommand } from "./command.ts";
import { QUIET } from "./shared-options.ts";
import { EXIT, UsageError } from "./usage.ts";

/** The `bench` command. */
export const benchCommand = defineCommand({
  name: "bench",
  summary: "Write a deterministic benchmark archive of N articles",
  synopsis: "generate N --out DIR [--seed S] [--images M] [--quiet]",
  description: `Writes a deterministic benchmark archive of N articles (plus site.yml) into DIR, replacing
whatever DIR held. The same N and seed always give byte-identical files.`,
  positionals: { min: 0, max: 2, names: "generate N" },
  options: {
    out: { type: "string", value: "DIR", help: "The folder to write (required; it is emptied first)" },
    seed: { type: "string", value: "S", default: "1", help: "Integer seed of the corpus" },
    images: { type: "string", value: "M", default: "0", help: "Give M articles (evenly spread) a lead image beside them, drawn from the seed" },
    quiet: QUIET,
  },
  async run({ values, positionals }) {
    // Loaded when the command runs, not when the CLI starts: every other command, and --help, skips them.
    const { writeCorpus } = await import("../corpus/write-corpus.ts");
    const usage = (message: string) => new UsageError(message, "bench");
    const [subcommand, count] = positionals;
    if (subcommand === undefined) throw usage("no subcommand given (expected `generate`).");
    if (subcommand !== "generate") throw usage(`unknown subcommand "${subcommand}" (expected \`generate\`).`);
    if (count === undefined) throw usage("generate needs the number of articles, e.g. `gazette bench generate 1000 --out corpus`.");
    // Digits only: Number() would also accept "1e3", " 12 " or "0x10".
    if (!/^\d+$/.test(count) || !Number.isSafeInteger(Number(count))) throw usage(`the number of articles must be a whole number, not "${count}".`);
    if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(Number(values.seed))) throw usage(`--seed must be an integer, not "${values.seed}".`);
    if (!/^\d+$/.test(values.images) || Number(values.images) > Number(count)) throw usage(`--images must be a whole number no larger than N, not "${values.images}".`);
    if (!values.out) throw usage("--out DIR is required (the folder is emptied first, so there is no default).");

    const started = performance.now();
    let written;
    try {
      written = await writeCorpus({ articles: Number(count), seed: Number(values.seed), out: values.out, images: Number(values.images) });
    } catch (error) {
      // writeCorpus refuses dangerous targets (the filesystem root, a folder holding the working
      // directory): that is a wrong --out, so a usage error, not a crash.
      if (error instanceof Error && error.message.startsWith("Refusing")) throw usage(error.message);
      throw error;
    }
    if (!values.quiet) {
      const mb = (written.bytes / 2 ** 20).toFixed(1);
      process.stdout.write(`gazette: wrote ${Number(count)} articles and site.yml (${written.files} files, ${mb} MB) to ${values.out} in ${Math.round(performance.now() - started)} ms.\n`);
    }
    return EXIT.ok;
  },
});
