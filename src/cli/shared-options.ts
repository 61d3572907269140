/**
 * Options that several commands take, spelled once so that their help and defaults agree.
 */
import type { OptionSpec } from "./command.ts";

/** `--content DIR`: the archive to read. */
export const CONTENT = { type: "string", value: "DIR", default: "content", help: "The archive: a folder with site.yml and **/*.md articles" } as const satisfies OptionSpec;

/** `--out DIR`: where the site is written. */
export const OUT = { type: "string", value: "DIR", default: "_site", help: "Where the site is written" } as const satisfies OptionSpec;

/** `--drafts`: build articles marked draft too. */
export const DRAFTS = { type: "boolean", default: false, help: "Include articles marked draft: true" } as const satisfies OptionSpec;

/** `--strict`: warnings are errors. */
export const STRICT = { type: "boolean", default: false, help: "Treat every warning (a broken internal link, a misspelt key, …) as an error (exit 1)" } as const satisfies OptionSpec;

/** `--quiet`: nothing on success. */
export const QUIET = { type: "boolean", default: false, help: "Print nothing on success" } as const satisfies OptionSpec;

