/**
 * Runs the article stage over many files on every core: worker threads take batches of files
 * as they become free. Small jobs stay on the main thread, where starting workers would cost
 * more than it saves.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createPreparer, type PrepareJob, type PreparedFile, type PrepareOptions, type StepTimes } from "./prepare-article.ts";

/** Below this many files, the stage runs on the main thread. */
export const PARALLEL_THRESHOLD = 400;
const BATCH = 200;
const WORKER = new URL("./prepare-worker.mjs", import.meta.url);

/** Results in job order, and the time each step took, summed over all threads. */
export interface PreparedBatch {
  files: PreparedFile[];
  times: StepTimes;
  threads: number;
}

/**
 * Prepares every job, on `threads` worker threads when there are enough of them.
 * @example await prepareInParallel([{ file: "a.md" }], options) // { files: [...], threads: 1 }
 */
export async function prepareInParallel(
  jobs: readonly PrepareJob[],
  options: PrepareOptions,
  threads = Math.min(availableParallelism(), 8),
): Promise<PreparedBatch> {
  if (jobs.length < PARALLEL_THRESHOLD || threads < 2) {
    const times: StepTimes = { read: 0, validate: 0, render: 0, write: 0 };
    return { files: createPreparer(options, times)(jobs), times, threads: 1 };
  }
  const batches: PrepareJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
  const results: PreparedFile[][] = new Array(batches.length);
  const times: StepTimes = { read: 0, validate: 0, render: 0, write: 0 };
  let next = 0;

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: options });
      let current = -1;
      const feed = () => {
        if (next >= batches.length) {
          void worker.terminate();
          return resolve();
        }
        current = next++;
        worker.postMessage(batches[current]);
      };
      worker.on("message", (message: { results?: PreparedFile[]; times?: StepTimes; error?: string }) => {
        if (message.error) {
          void worker.terminate();
          return reject(new Error(`The article stage failed in a worker thread:\n${message.error}`));
        }
        results[current] = message.results!;
        if (next >= batches.length) addTimes(times, message.times!);
        feed();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => code !== 0 && code !== 1 && reject(new Error(`A worker thread exited with code ${code}.`)));
      feed();
    });

  await Promise.all(Array.from({ length: Math.min(threads, batches.length) }, runWorker));
  return { files: results.flat(), times, threads: Math.min(threads, batches.length) };
}

function addTimes(total: StepTimes, part: StepTimes): void {
  total.read += part.read;
  total.validate += part.validate;
  total.render += part.render;
  total.write += part.write;
}
