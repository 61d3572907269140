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
import { parentPort, workerData } from "node:worker_threads";

if (existsSync(fileURLToPath(new URL("./prepare-article.ts", import.meta.url)))) {
  const { register } = await import("tsx/esm/api");
  register();
}
const { options, index, task, queue } = workerData;
const { createPreparer, emptyTimes } = await import("./prepare-article.ts");
const { createRenderer } = await import("./render-article.ts");
const fault = index === 0 ? process.env.GAZETTE_TEST_WORKER_FAULT : undefined;
const times = emptyTimes();
const prepare = task === "render" ? createRenderer(options, times) : createPreparer(options, times);
// Batches are taken from the shared queue (prepare-in-parallel.ts) until it is empty; every
// batch before the one taken is done or being done by another thread, so this thread lets go
// of it and its memory can be freed.
const next = new Int32Array(queue.next);
const current = new Int32Array(queue.current);
let released = 0;
for (let batch = Atomics.add(next, 0, 1); batch < queue.parts.length; batch = Atomics.add(next, 0, 1)) {
  Atomics.store(current, index, batch);
  const jobs = deserialize(new Uint8Array(queue.parts[batch]));
  for (; released <= batch; released++) queue.parts[released] = undefined;
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
