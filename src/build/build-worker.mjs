// The dev server's build thread (build-thread.ts): runs `buildSite` on every request, so the
// dev server's own thread stays free to answer the browser and to preview edits while a
// build runs. The thread lives as long as the dev server: its modules stay loaded and its
// code warm from one rebuild to the next. Run from the TypeScript sources, tsx is registered
// first; run from dist/, nothing is transpiled.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

if (existsSync(fileURLToPath(new URL("./build-site.ts", import.meta.url)))) {
  const { register } = await import("tsx/esm/api");
  register();
}
const { buildSite } = await import("./build-site.ts");
const { BuildFailure } = await import("./build-failure.ts");

parentPort.on("message", async () => {
  try {
    const result = await buildSite({ ...workerData.options, retain: true });
    parentPort.postMessage({ result });
  } catch (error) {
    // A BuildFailure crosses as its fields, and is made again on the other side.
    const failure = error instanceof BuildFailure ? { code: error.code, path: error.path, message: error.message } : undefined;
    parentPort.postMessage({ failure, error: failure ? undefined : error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort.postMessage({ ready: true });
