/**
 * The command line's words: the help text and the exit codes it promises.
 */

/** Exit codes: 0 success, 1 the content has errors, 2 the command was used wrongly, 3 the file system refused something. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2, environment: 3 } as const;

/** Thrown for a usage error; the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** The text of `gazette --help`. */
export const HELP = `gazette — build a static news-archive website from Markdown articles

Usage:
  gazette build [--content DIR] [--out DIR] [--force] [--drafts] [--cache DIR | --no-cache] [--report FILE] [--quiet]
  gazette check [--content DIR] [--drafts]
  gazette serve [--content DIR] [--out DIR] [--drafts] [--port N]
  gazette codes
  gazette bench generate N --out DIR [--seed S]
  gazette --help

Commands:
  build   Validate every article, then write the site. The output folder is replaced only
          when the whole build succeeds; on errors it is left exactly as it was.
  check   Validate every article and report every problem, without writing anything.
  serve   Build, serve the site with live reload, and rebuild when content changes.
  codes   Print the table of error codes as Markdown.
  bench   Write a deterministic benchmark archive of N articles (see \`gazette bench --help\`).

Options:
  --content DIR   The archive: a folder with site.yml and **/*.md articles (default: content)
  --out DIR       Where the site is written (default: _site)
  --force         Replace an output folder that holds files no Gazette build wrote
  --drafts        Include articles marked draft: true
  --port N        Port for serve (default: 8080)
  --cache DIR     Build cache: a rebuild reads and renders only changed articles
                  (default: .gazette/cache)
  --no-cache      Build everything from scratch, and keep no cache
  --report FILE   Write a JSON report of the build: stage times, cache use, memory
  --threads N     Worker threads for reading and rendering articles (default: one per core)
  --quiet         Print nothing on success
  -h, --help      Show this help

Exit codes: 0 success, 1 the content has errors, 2 usage error, 3 the file system refused
something (permissions, a full disk, another build holding the lock); nothing was changed.
`;
