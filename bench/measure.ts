/**
 * Runs one command under GNU time (`/usr/bin/time`), so every tool's wall time, peak RSS and
 * CPU time come from the same outside observer, whatever language the tool is written in.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The path of GNU time; `apt-get install -y time` provides it. */
export const GNU_TIME = "/usr/bin/time";

/** How a measured command ended. */
export type RunStatus = "ok" | "failed" | "out of memory" | "timeout";

/** One measured command. Times in milliseconds, memory in MB (2^20 bytes). */
export interface Measurement {
  status: RunStatus;
  exitCode: number | null;
  /** Set when the command was ended by a signal (other than our own timeout). */
  signal?: number;
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  maxRssMb: number;
  /** The end of the command's stderr, for the failure message. */
  stderrTail: string;
  /**
   * Share of the run's wall time in which some runnable task on the machine waited for a CPU
   * (Linux PSI "some"), 0–1; undefined where /proc/pressure is missing. High values mean the
   * shared machine was busy and the times are inflated.
   */
  cpuPressure?: number;
}

/** What GNU time reports with the format `%e %M %U %S`. */
export interface TimeReport {
  wallMs: number;
  maxRssKb: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  exitCode?: number;
  signal?: number;
}

/** The format handed to GNU time: elapsed s, max RSS KB, user s, system s. */
export const TIME_FORMAT = "%e %M %U %S";

/**
 * Parses GNU time's `-o` file. GNU time puts "Command exited with non-zero status N" or
 * "Command terminated by signal N" on a line before the numbers.
 * @example parseTimeReport("1.50 20480 1.20 0.10\n") // { wallMs: 1500, maxRssKb: 20480, cpuUserMs: 1200, cpuSystemMs: 100 }
 */
export function parseTimeReport(text: string): TimeReport {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  const last = lines.at(-1) ?? "";
  const numbers = last.split(/\s+/).map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) throw new Error(`Unexpected output of ${GNU_TIME}: ${JSON.stringify(text)}`);
  const [wall, rss, user, system] = numbers;
  const report: TimeReport = { wallMs: Math.round(wall * 1000), maxRssKb: rss, cpuUserMs: Math.round(user * 1000), cpuSystemMs: Math.round(system * 1000) };
  for (const line of lines.slice(0, -1)) {
    const exited = /exited with non-zero status (\d+)/.exec(line);
    if (exited) report.exitCode = Number(exited[1]);
    const signalled = /terminated by signal (\d+)/.exec(line);
    if (signalled) report.signal = Number(signalled[1]);
  }
  return report;
}

/**
 * Names how a run ended, from its exit and the end of its stderr. V8 prints "heap out of memory"
 * (and aborts) when the heap limit is reached; a SIGKILL we did not send is most likely the
 * kernel's OOM killer.
 * @example classifyRun({ exitCode: 134, stderr: "FATAL ERROR: … JavaScript heap out of memory" }) // "out of memory"
 */
export function classifyRun(end: { exitCode?: number | null; signal?: number; stderr: string; timedOut?: boolean }): RunStatus {
  if (end.timedOut) return "timeout";
  if (/heap out of memory|Reached heap limit|Allocation failed/i.test(end.stderr) || end.signal === 9) return "out of memory";
  if (end.signal !== undefined || (end.exitCode ?? 0) !== 0) return "failed";
  return "ok";
}

/**
 * The cumulative "some" stall time (µs) from the text of /proc/pressure/cpu.
 * @example parsePressureTotal("some avg10=1.00 avg60=0.50 avg300=0.20 total=123456\n") // 123456
 */
export function parsePressureTotal(text: string): number | undefined {
  const match = /^some .*\btotal=(\d+)/m.exec(text);
  return match ? Number(match[1]) : undefined;
}

function cpuPressureTotal(): number | undefined {
  try {
    return parsePressureTotal(readFileSync("/proc/pressure/cpu", "utf8"));
  } catch {
    return undefined;
  }
}

/** Keeps only the last `limit` characters written to it, so a chatty tool cannot fill memory. */
class Tail {
  private text = "";
  constructor(private readonly limit: number) {}
  push(chunk: Buffer): void {
    this.text = (this.text + chunk.toString("utf8")).slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}

/** Where and how long a command may run. */
export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (with everything it started) after this long; no limit when absent or 0. */
  timeoutMs?: number;
}

/**
 * Runs `command args` under GNU time and resolves to its measurement; never rejects because the
 * command failed, only when GNU time itself cannot run.
 * @example await measure(process.execPath, ["-e", "0"]) // { status: "ok", wallMs: 40, … }
 */
export async function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  const scratch = mkdtempSync(join(tmpdir(), "gazette-measure-"));
  const timeFile = join(scratch, "time.txt");
  const stderr = new Tail(8192);
  const pressureBefore = cpuPressureTotal();
  const started = performance.now();
  let timedOut = false;
  try {
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      // detached: GNU time leads a new process group, so a timeout can end the tool and anything
      // it spawned with one signal.
      const child = spawn(GNU_TIME, ["-f", TIME_FORMAT, "-o", timeFile, command, ...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        detached: true,
        stdio: ["ignore", "ignore", "pipe"],
      });
      child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      const timer = options.timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            try {
              process.kill(-child.pid!, "SIGKILL");
            } catch {
              // Already gone.
            }
          }, options.timeoutMs)
        : undefined;
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(new Error(`Cannot run ${GNU_TIME} (install it with \`apt-get install -y time\`): ${error.message}`));
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal });
      });
    });
    const elapsed = Math.round(performance.now() - started);
    const pressureAfter = cpuPressureTotal();
    const cpuPressure = pressureBefore !== undefined && pressureAfter !== undefined && elapsed > 0 ? Math.min(1, (pressureAfter - pressureBefore) / 1000 / elapsed) : undefined;
    const text = stderr.toString();
    // A killed GNU time writes no report: keep our own clock's wall time and leave the rest unknown.
    const report = timedOut ? undefined : parseTimeReport(readFileSync(timeFile, "utf8"));
    const exitCode = report ? (report.exitCode ?? (report.signal === undefined ? exit.code : null)) : exit.code;
    return {
      status: classifyRun({ exitCode, signal: report?.signal, stderr: text, timedOut }),
      exitCode,
      signal: report?.signal,
      wallMs: report?.wallMs ?? elapsed,
      cpuUserMs: report?.cpuUserMs ?? Number.NaN,
      cpuSystemMs: report?.cpuSystemMs ?? Number.NaN,
      maxRssMb: report ? report.maxRssKb / 1024 : Number.NaN,
      stderrTail: text,
      cpuPressure,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
