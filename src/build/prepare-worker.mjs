// A worker thread of the article stage, for one pass: "prepare" (read and validate) or
// "render" (write pages). Workers start with a fresh module loader: run from the TypeScript
// sources, tsx is registered first; run from the JavaScript compiled into dist/ (where the
// imports below name .js files), nothing is transpiled.
//
// Test-only fault injection: GAZETTE_TEST_WORKER_FAULT=throw makes the first worker (index 0)
// throw an uncaught error on the first batch it takes, GAZETTE_TEST_WORKER_FAULT=exit makes it exit
// with code 1 instead. The other workers run normally, so tests see them being stopped.
// Never set it outside tests.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { deserialize } from "node:v8";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";

if (existsSync(fileURLToPath(new URL("./prepare-article.ts", import.meta.url)))) {
  const { register } = await import("tsx/esm/api");
  register();
}
const { options, index, task, counters } = workerData;
const { createPreparer, emptyTimes } = await import("./prepare-article.ts");
const { createRenderer } = await import("./render-article.ts");
const fault = index === 0 ? process.env.GAZETTE_TEST_WORKER_FAULT : undefined;
const times = emptyTimes();
const prepare = task === "render" ? createRenderer(options, times) : createPreparer(options, times);
// Batches are taken from the shared queue (batch-queue.ts) until it is empty. Their buffers
// arrive as messages, read here synchronously: this thread never returns to its event loop
// before the pass is done, and waits on the published counter when it has run ahead.
const next = new Int32Array(counters.next);
const published = new Int32Array(counters.published);
const current = new Int32Array(counters.current);
const parts = new Map();
const take = (batch) => {
  for (;;) {
    for (let received = receiveMessageOnPort(parentPort); received; received = receiveMessageOnPort(parentPort)) parts.set(received.message.batch, received.message.part);
    const part = parts.get(batch);
    // Every batch before this one is taken by some thread: let go of their buffers.
    for (const other of parts.keys()) if (other <= batch) parts.delete(other);
    if (part) return part;
    const seen = Atomics.load(published, 0);
    if (seen <= batch) Atomics.wait(published, 0, seen, 1000);
  }
};
for (let batch = Atomics.add(next, 0, 1); batch < counters.total; batch = Atomics.add(next, 0, 1)) {
  Atomics.store(current, index, batch);
  const jobs = deserialize(new Uint8Array(take(batch)));
  if (fault === "throw") throw new Error("injected fault (GAZETTE_TEST_WORKER_FAULT=throw)");
  if (fault === "exit") process.exit(1);
  try {
    parentPort.postMessage({ batch, results: prepare(jobs) });
  } catch (error) {
    parentPort.postMessage({ batch, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    break;
  }
}
parentPort.postMessage({ times });
