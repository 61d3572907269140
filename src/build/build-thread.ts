/**
 * A build on a thread of its own, for the dev server: the dev server's thread keeps answering
 * the browser and previewing edits while the build works (a warm build holds its thread for
 * seconds at a time on a large archive). One thread serves every rebuild of the session, one
 * build at a time.
 */
import { Worker } from "node:worker_threads";
import type { BuildOptions, BuildResult } from "./build-site.ts";
import { BuildFailure } from "./build-failure.ts";
import type { IssueCode } from "../issues/catalogue.ts";

/** A thread that builds one archive into one folder on request. */
export interface BuildThread {
  /** One build with the thread's options and `retain`; rejects with a BuildFailure as `buildSite` does. */
  build(): Promise<BuildResult>;
  /** Stops the thread. */
  close(): Promise<void>;
}

type Reply = { ready: true } | { result: BuildResult } | { failure?: { code: IssueCode; path: string; message: string }; error?: string };

const WORKER = new URL("./build-worker.mjs", import.meta.url);

/**
 * Starts a build thread for `options` (plain data: they are sent to the thread).
 * @example const thread = buildThread({ content: "content", out: "_site", reportDir: false }); await thread.build();
 */
export function buildThread(options: Omit<BuildOptions, "progress" | "claim">): BuildThread {
  const worker = new Worker(WORKER, { workerData: { options } });
  let waiting: { resolve: (result: BuildResult) => void; reject: (error: unknown) => void } | undefined;
  let exited: Error | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (reply: Reply) => {
      if ("ready" in reply) return resolve();
      const settle = waiting;
      waiting = undefined;
      if ("result" in reply) settle?.resolve(reply.result);
      else if (reply.failure) settle?.reject(new BuildFailure(reply.failure.code, reply.failure.path, reply.failure.message));
      else settle?.reject(new Error(reply.error));
    });
  });
  worker.on("error", (error) => waiting?.reject(error));
  worker.on("exit", (code) => {
    exited = new Error(`The build thread stopped (exit code ${code}).`);
    waiting?.reject(exited);
    waiting = undefined;
  });
  return {
    async build() {
      await ready;
      if (exited) throw exited;
      if (waiting) throw new Error("A build is already running on this thread.");
      return new Promise<BuildResult>((resolve, reject) => {
        waiting = { resolve, reject };
        worker.postMessage("build");
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
