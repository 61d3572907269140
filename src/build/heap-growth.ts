/**
 * How far V8 lets a heap grow past what the last full collection kept. A build's main thread
 * renders listing pages through Eleventy in runs: each run holds its pages (a template clone
 * and its data per page) until it ends, and those pages become garbage together. With V8's own
 * growing factor (up to 4× the live heap when collections are fast) the main heap reached
 * 2.2 GB at 100,000 articles, 0.7 GB of it live (peak RSS 3.1 GB); the worker threads' heaps
 * did the same on a smaller scale. A fixed factor of 1.5 collects the garbage on the way: peak
 * RSS 1.9 GB at 100,000 and under 0.9 GB at 20,000, for more full collections whose cost was
 * within the noise of the benchmark machine (bench/NOTES.md, fifth pass).
 */
import { setFlagsFromString } from "node:v8";

/** Growth allowed past the live heap, in percent: V8's flag `--heap-growing-percent`. */
export const HEAP_GROWING_PERCENT = 50;

let bounded = false;

/**
 * Sets the growing factor for every heap of this process: the main thread's and those of the
 * worker threads started afterwards (V8 flags are per process). Idempotent; a factor the user
 * chose (`node --heap-growing-percent=N bin/gazette.mjs …`; 0 is V8's own) is left as it is.
 * @example boundHeapGrowth() // true the first time, then false
 */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (bounded) return false;
  bounded = true;
  if (userChoseGrowth(execArgv)) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

/**
 * Whether Node was started with its own `--heap-growing-percent` (underscores or dashes; Node
 * does not accept the flag in NODE_OPTIONS).
 * @example userChoseGrowth(["--heap_growing_percent=20"]) // true
 */
export function userChoseGrowth(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
}
