/**
 * Runs a command and samples the resident memory of its whole process tree (the command and
 * every descendant, summed, from /proc) — GNU time's peak RSS is that of the largest single
 * process, which misses Pagefind children running beside the build.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** One command's wall time and the peak of its process tree's summed RSS. */
export interface TreeRun {
  exitCode: number | null;
  wallMs: number;
  peakTreeMb: number;
  stderrTail: string;
}

/**
 * The parent and resident KB of every process on the machine (Linux /proc).
 * @example processTable().get(1)?.ppid // 0
 */
export function processTable(): Map<number, { ppid: number; rssKb: number }> {
  const table = new Map<number, { ppid: number; rssKb: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      table.set(Number(name), { ppid, rssKb });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/**
 * The summed RSS (KB) of `root` and all its descendants in `table`.
 * @example treeRssKb(new Map([[2, { ppid: 1, rssKb: 10 }], [3, { ppid: 2, rssKb: 5 }]]), 2) // 15
 */
export function treeRssKb(table: Map<number, { ppid: number; rssKb: number }>, root: number): number {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += table.get(pid)?.rssKb ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Runs `command` with `args`, sampling its tree every `everyMs`.
 * @example await runTree("hugo", ["--source", "site"], "/tmp")
 */
export function runTree(command: string, args: readonly string[], cwd: string, everyMs = 100): Promise<TreeRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
    let peakKb = 0;
    const timer = setInterval(() => {
      if (child.pid) peakKb = Math.max(peakKb, treeRssKb(processTable(), child.pid));
    }, everyMs);
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({ exitCode: code, wallMs: performance.now() - started, peakTreeMb: Math.round(peakKb / 1024), stderrTail: stderr });
    });
  });
}
