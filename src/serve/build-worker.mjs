// The dev server's build thread (build-thread.ts): runs `buildSite` on request, and previews
// listing pages against the last good build (listing-preview.ts), so the dev server's own
// thread stays free to answer the browser and to preview article pages while a build runs.
// The thread lives as long as the dev server: its modules stay loaded and its code warm from
// one rebuild to the next. Run from the TypeScript sources, tsx is registered first; run from
// dist/, nothing is transpiled.
//
// Test-only fault injection: GAZETTE_TEST_BUILD_THREAD_FAULT=exit makes the session's first
// thread exit with code 3 when asked for a build (tests see the next thread take over), and
// =oom-locked runs out of memory once that build holds the output folder's lock. Never set it outside tests.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

if (existsSync(fileURLToPath(new URL("../build/build-site.ts", import.meta.url)))) {
  const { register } = await import("tsx/esm/api");
  register();
}
const { buildSite } = await import("../build/build-site.ts");
const { BuildFailure } = await import("../build/build-failure.ts");
const { createListingPreviewer } = await import("./listing-preview.ts");

// The listing pages of the last good build stay here: their dates do not cross threads.
let listings;

const answer = async (id, work) => {
  try {
    parentPort.postMessage({ id, value: await work() });
  } catch (error) {
    // A BuildFailure crosses as its fields, and is made again on the other side.
    const failure = error instanceof BuildFailure ? { code: error.code, path: error.path, message: error.message } : undefined;
    parentPort.postMessage({ id, failure, error: failure ? undefined : error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
};

parentPort.on("message", ({ id, task, records }) => {
  if (task === "listings") return answer(id, () => listings?.preview(records) ?? new Map());
  if (workerData.start === 1 && process.env.GAZETTE_TEST_BUILD_THREAD_FAULT === "exit") process.exit(3);
  return answer(id, async () => {
    // The lock's path is told to the server, which removes it if this thread dies holding it.
    const onLocked = (lock) => {
      parentPort.postMessage({ lock: lock ?? null });
      if (lock && workerData.start === 1 && process.env.GAZETTE_TEST_BUILD_THREAD_FAULT === "oom-locked") {
        // Held still until the message is surely across, as in a thread that dies later in a build.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        // Then out of memory (the thread's heap is bounded for this fault), which runs no exit handler.
        const hoard = [];
        for (;;) hoard.push(new Array(100_000).fill(hoard.length));
      }
    };
    const { kept, ...result } = await buildSite({ ...workerData.options, retain: true, onLocked });
    if (kept) {
      listings = createListingPreviewer(kept);
      // Which pages show which articles, worked out once the result is on its way.
      setImmediate(() => listings?.warm());
    }
    return result;
  });
});
parentPort.postMessage({ ready: true });
