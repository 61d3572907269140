/**
 * The one updating progress line of a long build on a terminal: stage, articles done of all,
 * and the rate. Only on a terminal that is not CI and not `--quiet`: pipes and logs stay clean.
 */
import type { BuildProgress } from "./report-build.ts";

/**
 * The text of the line (without the carriage return that rewrites it).
 * @example formatProgress({ stage: "articles", done: 1200, total: 4000 }, 2000) // "gazette: articles 1200/4000 (30%), 600 articles/s"
 * @example formatProgress({ stage: "listings" }, 2000) // "gazette: listings"
 */
export function formatProgress(progress: BuildProgress, elapsedMs: number): string {
  if (progress.total === undefined || progress.done === undefined) return `gazette: ${progress.stage}`;
  const share = progress.total ? Math.floor((progress.done / progress.total) * 100) : 100;
  const rate = elapsedMs > 0 ? Math.round((progress.done / elapsedMs) * 1000) : 0;
  return `gazette: ${progress.stage} ${progress.done}/${progress.total} (${share}%), ${rate} articles/s`;
}

/**
 * Whether the line is shown: a terminal, outside CI, and not quiet.
 * @example showsProgress({ isTTY: false }, {}, false) // false
 */
export function showsProgress(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, quiet: boolean): boolean {
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "0" && env.CI.toLowerCase() !== "false";
  return Boolean(stream.isTTY) && !ci && !quiet;
}

/** A stream the line is written to. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * A progress callback for a build that rewrites one line on `stream`, and `done()` to clear it;
 * undefined when {@link showsProgress} says no. Redraws at most every 100 ms.
 * @example const line = progressLine(process.stderr, process.env, false); buildSite({ …, progress: line?.update }); line?.done();
 */
export function progressLine(stream: ProgressStream, env: Record<string, string | undefined>, quiet: boolean, clock: () => number = () => performance.now()) {
  if (!showsProgress(stream, env, quiet)) return undefined;
  let stageStarted = clock();
  let stage = "";
  let drawn = 0;
  let shown = false;
  // A pseudo-terminal may report 0 columns: then assume the usual 80.
  const width = () => Math.max(20, (stream.columns || 80) - 1);
  return {
    update: (progress: BuildProgress): void => {
      const now = clock();
      if (progress.stage !== stage) {
        stage = progress.stage;
        stageStarted = now;
      } else if (now - drawn < 100 && progress.done !== progress.total) return;
      drawn = now;
      shown = true;
      // \r and clear-to-end-of-line: the line is rewritten in place, never scrolls.
      stream.write(`\r${formatProgress(progress, now - stageStarted).slice(0, width())}\u001b[K`);
    },
    done: (): void => {
      if (shown) stream.write("\r\u001b[K");
    },
  };
}
