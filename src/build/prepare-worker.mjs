// A worker thread of the article stage. tsx is registered first: workers start with a fresh
// module loader, and the stage is written in TypeScript.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { createPreparer } = await import("./prepare-article.ts");
const times = { read: 0, validate: 0, render: 0, write: 0 };
const prepare = createPreparer(workerData, times);
parentPort.on("message", (jobs) => {
  try {
    parentPort.postMessage({ results: prepare(jobs), times });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
