/**
 * Runs a pass of the article stage (pass 1 "prepare": read and validate; pass 2 "render":
 * write pages) over many files on every core: worker threads take batches of files from a
 * queue in shared memory as they become free (batch-queue.ts). Small jobs stay on the main
 * thread, where starting workers would cost more than it saves. A worker that throws or exits early fails the stage with a
 * {@link WorkerFailure} after every other worker is stopped (tests inject such faults with the
 * test-only GAZETTE_TEST_WORKER_FAULT, see prepare-worker.mjs).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { createPreparer, emptyTimes, type PrepareJob, type PreparedFile, type PrepareOptions, type StepTimes } from "./prepare-article.ts";
import { createRenderer, type RenderedFile, type RenderJob } from "./render-article.ts";
import { BatchQueue } from "./batch-queue.ts";

/** The two passes and what each takes and gives. */
interface Tasks {
  prepare: { job: PrepareJob; result: PreparedFile };
  render: { job: RenderJob; result: RenderedFile };
}

/** A pass of the article stage. */
export type Task = keyof Tasks;

/**
 * Below this many files, and unless a number of threads is asked for, the stage runs on the
 * main thread: each worker thread starts cold (its modules loaded and compiled again, its code
 * not yet optimised), which costs more than it saves on a small archive or a warm build of a
 * few edits. Measured on 2 cores: at 1,000 articles one thread builds in 5.1 s and two in
 * 6.1 s; at 3,000 they are level (bench/NOTES.md).
 */
export const PARALLEL_THRESHOLD = 2500;
const BATCH = 200;
const WORKER = new URL("./prepare-worker.mjs", import.meta.url);

/** Results in job order, and the time each step took, summed over all threads. */
export interface PreparedBatch<R = PreparedFile> {
  files: R[];
  times: StepTimes;
  threads: number;
}

/**
 * Prepares every job, on `threads` worker threads when there are enough of them.
 * @example await prepareInParallel([{ file: "a.md" }], options) // { files: [...], threads: 1 }
 */
export function prepareInParallel(jobs: readonly PrepareJob[], options: PrepareOptions, threads?: number, onProgress?: (done: number) => void): Promise<PreparedBatch> {
  return runInParallel("prepare", jobs, options, threads, onProgress);
}

/**
 * Runs `task` over every job: on `threads` worker threads when asked for (and there are two
 * batches at least), by default on one per core when there are {@link PARALLEL_THRESHOLD} jobs.
 * @example await runInParallel("render", jobs, { ...options, pagesDir: staging }) // { files: [...], threads: 2 }
 */
export async function runInParallel<T extends Task>(
  task: T,
  jobs: readonly Tasks[T]["job"][],
  options: PrepareOptions,
  asked?: number,
  /** Called with the number of files done so far, after each batch (for the progress line). */
  onProgress?: (done: number) => void,
): Promise<PreparedBatch<Tasks[T]["result"]>> {
  type Job = Tasks[T]["job"];
  type Result = Tasks[T]["result"];
  const threads = asked ?? Math.min(availableParallelism(), 8);
  if ((asked === undefined && jobs.length < PARALLEL_THRESHOLD) || threads < 2 || jobs.length <= BATCH) {
    const times = emptyTimes();
    const run = (task === "prepare" ? createPreparer(options, times) : createRenderer(options, times)) as (jobs: readonly Job[]) => Result[];
    const files: Result[] = [];
    for (let i = 0; i < jobs.length; i += BATCH) {
      files.push(...run(jobs.slice(i, i + BATCH)));
      onProgress?.(files.length);
    }
    return { files, times, threads: 1 };
  }
  const batches: Job[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
  const results: Result[][] = new Array(batches.length);
  const times = emptyTimes();
  const count = Math.min(threads, batches.length);
  const queue = new BatchQueue(batches, count);
  const workers: Worker[] = [];
  let done = 0;
  let running = count;
  let failure: WorkerFailure | undefined;

  await new Promise<void>((resolve, reject) => {
    // The first failure stops every worker, then ends the stage: none keeps writing into the
    // staging folder after the build has given up on it.
    const fail = (error: WorkerFailure): void => {
      if (failure) return;
      failure = error;
      void Promise.allSettled(workers.map((w) => w.terminate())).then(() => reject(error));
    };
    const start = (index: number): void => {
      const worker = new Worker(WORKER, { workerData: { options, index, task, counters: queue.counters } });
      workers.push(worker);
      let finished = false;
      const files = () => {
        const batch = queue.currentOf(index);
        return batch >= 0 ? `while preparing ${describeBatch(batches[batch])}` : "before its first batch";
      };
      worker.on("message", (message: WorkerMessage<Result>) => {
        if (failure) return;
        if ("error" in message) return fail(new WorkerFailure(`worker thread ${index + 1} failed while preparing ${describeBatch(batches[message.batch])}:\n${message.error}`));
        if ("results" in message) {
          results[message.batch] = message.results;
          done += message.results.length;
          onProgress?.(done);
          queue.topUp(workers);
          return;
        }
        // A worker's messages arrive in order: when it says it is done, all its results are in.
        addTimes(times, message.times);
        finished = true;
        void worker.terminate();
        if (--running === 0) resolve();
      });
      worker.on("error", (error) => fail(new WorkerFailure(`worker thread ${index + 1} threw ${files()}: ${error.stack ?? error.message}`)));
      worker.on("exit", (code) => finished || fail(new WorkerFailure(`worker thread ${index + 1} exited with code ${code} ${files()}`)));
    };
    for (let index = 0; index < count; index++) start(index);
    queue.topUp(workers);
  });
  return { files: results.flat(), times, threads: count };
}

/** What a worker thread posts: one batch's results, a batch's failure, or its step times when the queue is empty. */
type WorkerMessage<R> = { batch: number; results: R[] } | { batch: number; error: string } | { times: StepTimes };

/** The article stage failed in a worker thread; the other workers have been stopped. */
export class WorkerFailure extends Error {
  constructor(detail: string) {
    super(`The article stage failed: ${detail}. The build was stopped and nothing was written.`);
    this.name = "WorkerFailure";
  }
}

function describeBatch(batch: readonly { file: string }[]): string {
  const first = batch[0]?.file;
  const last = batch[batch.length - 1]?.file;
  return batch.length === 1 ? first : `${batch.length} files (${first} … ${last})`;
}

function addTimes(total: StepTimes, part: StepTimes): void {
  total.read += part.read;
  total.validate += part.validate;
  total.links += part.links;
  total.render += part.render;
  total.write += part.write;
}
