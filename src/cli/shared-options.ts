/**
 * Options that several commands take, spelled once so that their help and defaults agree.
 */
import type { OptionSpec } from "./command.ts";
import { UsageError } from "./usage.ts";

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

/** `--now ISO`: "now" for embargoes, instead of the clock. */
export const NOW = { type: "string", value: "ISO", help: "\"Now\" for embargoes (default: the clock): what a build at that time would list and link, e.g. 2024-05-01T12:00:00+02:00" } as const satisfies OptionSpec;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * The instant `--now` names, in epoch milliseconds (undefined without one); a usage error for
 * `command` unless it is an ISO 8601 date-time with an offset.
 * @example nowOption("2024-05-01T12:00:00+02:00", "check") // 1714557600000
 */
export function nowOption(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = ISO_WITH_OFFSET.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`--now must be an ISO 8601 date-time with an offset, e.g. 2024-05-01T12:00:00+02:00, not "${value}".`, command);
  return ms;
}
