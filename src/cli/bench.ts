/**
 * `gazette bench …`: benchmark helpers on the command line. For now one subcommand,
 * `gazette bench generate N --seed S --out DIR`, which writes the deterministic corpus.
 */
import { parseArgs } from "node:util";
import { writeCorpus } from "../corpus/write-corpus.ts";

/** The help text of `gazette bench`. */
export const BENCH_HELP = `Usage:
  gazette bench generate N --out DIR [--seed S] [--quiet]

Writes a deterministic benchmark archive of N articles (plus site.yml) into DIR, replacing
whatever DIR held. The same N and seed always give byte-identical files.

Options:
  --out DIR    The folder to write (required; it is emptied first)
  --seed S     Integer seed of the corpus (default: 1)
  --quiet      Print nothing on success
  -h, --help   Show this help
`;

const EXIT_USAGE = 2;

function usage(message: string): number {
  process.stderr.write(`gazette bench: ${message}\nRun \`gazette bench --help\` for usage.\n`);
  return EXIT_USAGE;
}

/**
 * Runs `gazette bench` with the arguments after `bench`; resolves to the exit code (2 on usage errors).
 * @example await benchCommand(["generate", "1000", "--seed", "1", "--out", "/tmp/corpus"]) // 0
 */
export async function benchCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string" },
        seed: { type: "string", default: "1" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [subcommand, count, ...extra] = positionals;
  if (values.help || subcommand === "help") {
    process.stdout.write(BENCH_HELP);
    return 0;
  }
  if (!subcommand) return usage("no subcommand given (expected `generate`).");
  if (subcommand !== "generate") return usage(`unknown subcommand "${subcommand}" (expected \`generate\`).`);
  if (count === undefined) return usage("generate needs the number of articles, e.g. `gazette bench generate 1000 --out corpus`.");
  if (extra.length) return usage(`unexpected argument "${extra[0]}".`);
  // Digits only: Number() would also accept "1e3", " 12 " or "0x10".
  if (!/^\d+$/.test(count) || !Number.isSafeInteger(Number(count))) return usage(`the number of articles must be a whole number, not "${count}".`);
  if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(Number(values.seed))) return usage(`--seed must be an integer, not "${values.seed}".`);
  if (!values.out) return usage("--out DIR is required (the folder is emptied first, so there is no default).");

  const started = performance.now();
  let written;
  try {
    written = await writeCorpus({ articles: Number(count), seed: Number(values.seed), out: values.out });
  } catch (error) {
    // writeCorpus refuses dangerous targets (the filesystem root, a folder holding the working
    // directory): that is a wrong --out, so a usage error, not a crash.
    if (error instanceof Error && error.message.startsWith("Refusing")) return usage(error.message);
    throw error;
  }
  if (!values.quiet) {
    const mb = (written.bytes / 2 ** 20).toFixed(1);
    process.stdout.write(`gazette: wrote ${Number(count)} articles and site.yml (${written.files} files, ${mb} MB) to ${values.out} in ${Math.round(performance.now() - started)} ms.\n`);
  }
  return 0;
}
