// A worker thread of the article stage, for one pass: "prepare" (read and validate) or
// "render" (write pages). Workers start with a fresh module loader: run from the TypeScript
// sources, tsx is registered first; run from the JavaScript compiled into dist/ (where the
// imports below name .js files), nothing is transpiled.
//
// Test-only fault injection: GAZETTE_TEST_WORKER_FAULT=throw makes the first worker (index 0)
// throw an uncaught error on its first batch, GAZETTE_TEST_WORKER_FAULT=exit makes it exit
// with code 1 instead. The other workers run normally, so tests see them being stopped.
// Never set it outside tests.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

if (existsSync(fileURLToPath(new URL("./prepare-article.ts", import.meta.url)))) {
  const { register } = await import("tsx/esm/api");
  register();
}
const { options, index, task } = workerData;
const { createPreparer, emptyTimes } = await import("./prepare-article.ts");
const { createRenderer } = await import("./render-article.ts");
const fault = index === 0 ? process.env.GAZETTE_TEST_WORKER_FAULT : undefined;
const times = emptyTimes();
const prepare = task === "render" ? createRenderer(options, times) : createPreparer(options, times);
parentPort.on("message", (jobs) => {
  if (fault === "throw") throw new Error("injected fault (GAZETTE_TEST_WORKER_FAULT=throw)");
  if (fault === "exit") process.exit(1);
  try {
    parentPort.postMessage({ results: prepare(jobs), times });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
