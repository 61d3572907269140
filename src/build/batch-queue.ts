/**
 * The batches of a pass of the article stage, as a queue the worker threads take from on
 * their own. The main thread renders listing pages and feeds meanwhile, in Eleventy runs that
 * answer no message for seconds; workers that waited for a message with their next batch
 * stood idle that long (bench/NOTES.md). Here a worker claims the next batch with an atomic
 * counter and reads it from a shared buffer, without the main thread.
 *
 * Only a window of batches is serialised ahead (a budget of bytes, {@link WINDOW_BYTES}), and
 * topped up whenever the main thread hears from a worker, so a pass over 100,000 articles does
 * not hold all of its jobs twice: a batch's buffer is posted to every worker (shared, not
 * copied) and freed once they have passed it. The worker's side is in prepare-worker.mjs.
 */
import { serialize } from "node:v8";
/** Where a batch is posted: a worker thread (or any port). */
export interface BatchTarget {
  postMessage(message: PublishedBatch): void;
}

/** Serialised batches published but not yet taken, at most (beyond one batch). */
export const WINDOW_BYTES = 64 * 1024 * 1024;

/** What a worker is given in its workerData: counters in shared memory. */
export interface SharedCounters {
  /** Batches in the pass. */
  total: number;
  /** Int32 [0]: the next batch to take (workers add 1 to claim it; it runs past `total`). */
  next: SharedArrayBuffer;
  /** Int32 [0]: batches published so far (workers wait on it when they run ahead). */
  published: SharedArrayBuffer;
  /** Int32 [i]: the batch worker i is on, -1 before its first (for error messages). */
  current: SharedArrayBuffer;
}

/** A batch as a worker receives it: its index and its serialised jobs. */
export interface PublishedBatch {
  batch: number;
  part: SharedArrayBuffer;
}

/** The main thread's side of the queue. */
export class BatchQueue {
  readonly counters: SharedCounters;
  readonly #batches: readonly unknown[][];
  readonly #sizes: number[] = [];
  readonly #window: number;
  #published = 0;

  constructor(batches: readonly unknown[][], workers: number, windowBytes = WINDOW_BYTES) {
    this.#batches = batches;
    this.#window = windowBytes;
    const current = new SharedArrayBuffer(4 * workers);
    new Int32Array(current).fill(-1);
    this.counters = { total: batches.length, next: new SharedArrayBuffer(4), published: new SharedArrayBuffer(4), current };
  }

  /** The batch worker `index` is on, or -1 before its first. */
  currentOf(index: number): number {
    return Atomics.load(new Int32Array(this.counters.current), index);
  }

  /**
   * Publishes batches to `workers` until the window is full or none is left (always one past
   * the batches taken); call it when the workers start and whenever one reports.
   * @example new BatchQueue(batches, 2).topUp(workers) // the first batches, up to 64 MB, posted to both
   */
  topUp(workers: readonly BatchTarget[]): void {
    const taken = Math.min(Atomics.load(new Int32Array(this.counters.next), 0), this.#batches.length);
    let ahead = 0;
    for (let i = taken; i < this.#published; i++) ahead += this.#sizes[i];
    while (this.#published < this.#batches.length && (ahead < this.#window || this.#published <= taken)) {
      const bytes = serialize(this.#batches[this.#published]);
      const part = new SharedArrayBuffer(bytes.length);
      new Uint8Array(part).set(bytes);
      const message: PublishedBatch = { batch: this.#published, part };
      for (const worker of workers) worker.postMessage(message);
      this.#sizes[this.#published] = bytes.length;
      ahead += bytes.length;
      this.#published++;
      const published = new Int32Array(this.counters.published);
      Atomics.store(published, 0, this.#published);
      Atomics.notify(published, 0);
    }
  }
}
