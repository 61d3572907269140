// A worker thread for the quick rebuild's survey of the files (file-survey.ts): "missing"
// reads a manifest's outputs file (`list`) and reports its generation, how many outputs it
// lists and which of them are not below `root` (and the list itself with `withList`); "stamps" reports each of `paths`'s
// size, mtime, ctime and inode (-1 for a missing file) as one Float64Array. Plain JavaScript
// with Node's own modules only: it starts in a few milliseconds, from the sources or dist/.
import { existsSync, readFileSync, statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { task, root, paths, list, withList } = workerData;
if (task === "missing") {
  const { generation, outputs } = JSON.parse(readFileSync(list, "utf8"));
  const missing = outputs.filter((path) => !existsSync(`${root}/${path}`));
  parentPort.postMessage({ generation, count: outputs.length, missing, ...(withList ? { outputs } : {}) });
} else {
  const stamps = new Float64Array(paths.length * 4).fill(-1);
  paths.forEach((path, i) => {
    const stats = statSync(`${root}/${path}`, { throwIfNoEntry: false });
    if (stats) stamps.set([stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino], i * 4);
  });
  parentPort.postMessage(stamps, [stamps.buffer]);
}
