/**
 * A build on a thread of its own, for the dev server: the dev server's thread keeps answering
 * the browser and previewing edits while the build works (a warm build holds its thread for
 * seconds at a time on a large archive). One thread serves every rebuild of the session (a new
 * one if it dies), one build at a time, and previews listing pages against the last good build
 * between and during builds (listing-preview.ts).
 */
import { rmSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { BuildOptions, BuildResult } from "../build/build-site.ts";
import { BuildFailure } from "../build/build-failure.ts";
import type { IssueCode } from "../issues/catalogue.ts";
import type { ArticleRecord } from "../archive/article-record.ts";

/** A thread that builds one archive into one folder on request. */
export interface BuildThread {
  /** One build with the thread's options and `retain`; rejects with a BuildFailure as `buildSite` does. */
  build(): Promise<BuildResult>;
  /** The listing pages that show the articles of `records` (path → HTML), against the last good build. */
  previewListings(records: readonly ArticleRecord[]): Promise<Map<string, string>>;
  /** How many times a thread that died was replaced by a new one. */
  restarts(): number;
  /** Stops the thread. */
  close(): Promise<void>;
}

type Reply = { ready: true } | { lock: string | null } | { id: number; value: unknown } | { id: number; failure?: { code: IssueCode; path: string; message: string }; error?: string };

const WORKER = new URL("./build-worker.mjs", import.meta.url);

/**
 * Starts a build thread for `options` (plain data: they are sent to the thread). A thread that
 * dies (out of memory, a crash in a native module) fails what it was doing, and the next
 * request starts a new one: the dev server goes on rebuilding instead of failing every edit.
 * @example const thread = buildThread({ content: "content", out: "_site", reportDir: false }); await thread.build();
 */
export function buildThread(options: Omit<BuildOptions, "progress" | "claim" | "onLocked">): BuildThread {
  let current: Running | undefined;
  let starts = 0;
  let closed = false;
  let building = false;
  const running = (): Running => {
    if (!current || current.exited) {
      starts += 1;
      current = startWorker(options, starts);
    }
    return current;
  };
  // Started at once: its modules load while the dev server loads its own.
  running();
  const ask = async <T>(message: Message): Promise<T> => {
    if (closed) throw new Error("The build thread is closed.");
    return running().ask<T>(message);
  };
  return {
    async build() {
      if (building) throw new Error("A build is already running on this thread.");
      building = true;
      try {
        return await ask<BuildResult>({ task: "build" });
      } finally {
        building = false;
      }
    },
    previewListings: (records) => ask<Map<string, string>>({ task: "listings", records }),
    restarts: () => Math.max(0, starts - 1),
    async close() {
      closed = true;
      await current?.worker.terminate();
    },
  };
}

type Message = { task: "build" | "listings"; records?: readonly ArticleRecord[] };

/** One worker of a build thread, until it exits. */
interface Running {
  worker: Worker;
  /** Set once the worker has exited: every later request goes to a new one. */
  exited?: Error;
  /** The output lock the worker's build holds, as it said. */
  lock?: string;
  ask<T>(message: Message): Promise<T>;
}

/** The `start`th worker of a build thread (1 for the first). */
function startWorker(options: Omit<BuildOptions, "progress" | "claim" | "onLocked">, start: number): Running {
  // The test-only fault of build-worker.mjs that runs the thread out of memory does it in a small heap.
  const limits = process.env.GAZETTE_TEST_BUILD_THREAD_FAULT === "oom-locked" && start === 1 ? { resourceLimits: { maxOldGenerationSizeMb: 256 } } : {};
  const worker = new Worker(WORKER, { workerData: { options, start }, ...limits });
  const waiting = new Map<number, { resolve: (value: never) => void; reject: (error: unknown) => void }>();
  let nextId = 0;
  const running: Running = { worker, ask };
  // A thread that died in a build leaves its output lock behind, and nothing refreshes it: the
  // next build would wait until it is stale (20 s). The thread said it held it, so it is ours
  // to remove, before the build that was running is failed (and the next one asked for).
  const fail = (error: unknown) => {
    if (running.lock) rmSync(running.lock, { recursive: true, force: true });
    running.lock = undefined;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => {
    running.exited = new Error(`The build thread stopped (exit code ${code}); the next build starts a new one.`);
    fail(running.exited);
  });
  const ready = new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", () => reject(running.exited));
    worker.on("message", (reply: Reply) => {
      if ("ready" in reply) return resolve();
      if ("lock" in reply) return void (running.lock = reply.lock ?? undefined);
      const settle = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ("value" in reply) settle?.resolve(reply.value as never);
      else if (reply.failure) settle?.reject(new BuildFailure(reply.failure.code, reply.failure.path, reply.failure.message));
      else settle?.reject(new Error(reply.error));
    });
  });
  ready.catch(() => {});
  async function ask<T>(message: Message): Promise<T> {
    await ready;
    if (running.exited) throw running.exited;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: never) => void, reject });
      worker.postMessage({ id, ...message });
    });
  }
  return running;
}
