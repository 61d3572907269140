/**
 * Looking at many files at once on worker threads (survey-worker.mjs) while the calling
 * thread does other work: at 100,000 articles a quick rebuild stats 100,000 article files and
 * looks for some 135,000 outputs, each about as costly as scanning the content folder.
 */
import { Worker } from "node:worker_threads";
import type { FileStamp } from "./build-cache.ts";

const WORKER = new URL("./survey-worker.mjs", import.meta.url);

function survey<T>(data: { task: "missing"; root: string; list: string; withList: boolean } | { task: "stamps"; root: string; paths: readonly string[] }): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: data });
    worker.once("message", (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The file survey stopped with exit code ${code}.`)));
  });
}

/** What the outputs file of a manifest lists, and which of its files are missing. */
export interface MissingOutputs {
  generation: string;
  count: number;
  missing: string[];
  /** Every output, when asked for. */
  outputs?: string[];
}

/**
 * Reads the outputs file `list` (manifest-store.ts) and looks for each output below `root`;
 * `withList` sends the list back too. Rejects when the file cannot be read.
 * @example await missingOutputs("_site", outputsFile(path)) // { generation: "5e0f…", count: 812, missing: [] }
 */
export function missingOutputs(root: string, list: string, withList = false): Promise<MissingOutputs> {
  return survey<MissingOutputs>({ task: "missing", root, list, withList });
}

/**
 * The stamp of each of `paths` (relative to `root`), in their order; undefined for a missing file.
 * @example (await fileStamps("content", ["2023/a.md"]))[0]?.size // 1843
 */
export async function fileStamps(root: string, paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
  const stamps = await survey<Float64Array>({ task: "stamps", root, paths });
  return paths.map((_, i) => (stamps[i * 4] === -1 ? undefined : { size: stamps[i * 4], mtimeMs: stamps[i * 4 + 1], ctimeMs: stamps[i * 4 + 2], ino: stamps[i * 4 + 3] }));
}
