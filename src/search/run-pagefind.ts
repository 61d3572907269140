/**
 * Runs Pagefind's own binary (from its platform package, installed with the `pagefind` npm
 * package: nothing is downloaded) over one shard's folder of pages, as a child process, and
 * watches its peak memory. The command line indexes faster than the Node API (which feeds
 * records one at a time over a pipe), and a child process keeps its memory out of ours.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { EXCLUDED_SELECTORS } from "./page-attributes.ts";

/** What one Pagefind run took. */
export interface PagefindRun {
  ms: number;
  /** Peak resident memory of the Pagefind process (VmHWM, sampled), in MB. */
  peakRssMb: number;
}

/**
 * The Pagefind binary of this platform (PAGEFIND_BINARY_PATH overrides it, as Pagefind's own
 * launcher allows).
 * @example pagefindBinary() // "/…/node_modules/@pagefind/linux-x64/bin/pagefind_extended"
 */
export function pagefindBinary(): string {
  const override = process.env.PAGEFIND_BINARY_PATH ?? process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  if (override) return override;
  const require = createRequire(import.meta.url);
  const os = platform() === "win32" ? "windows" : platform();
  const suffix = os === "windows" ? ".exe" : "";
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${os}-${arch()}/bin/${name}${suffix}`);
    } catch {
      // Try the next name.
    }
  }
  throw new Error(`Pagefind's binary for ${os}-${arch()} is not installed (the optional package @pagefind/${os}-${arch()}).`);
}

/**
 * Indexes the HTML below `siteDir` into the bundle folder `bundleDir` (created by Pagefind).
 * Rejects with Pagefind's last lines of output when it fails.
 * @example await runPagefind("/tmp/shard/site", "/tmp/shard/bundle")
 */
export function runPagefind(siteDir: string, bundleDir: string): Promise<PagefindRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(pagefindBinary(), ["--site", siteDir, "--output-path", bundleDir, "--exclude-selectors", EXCLUDED_SELECTORS.join(", "), "--silent"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let peakKb = 0;
    const sample = () => void (peakKb = Math.max(peakKb, highWaterKb(child.pid)));
    const timer = setInterval(sample, 25);
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearInterval(timer);
      if (code === 0) resolve({ ms: performance.now() - started, peakRssMb: Math.round(peakKb / 1024) });
      else reject(new Error(`pagefind ${signal ? `was killed by ${signal}` : `exited with ${code}`}: ${output.trim().split("\n").slice(-5).join(" | ")}`));
    });
  });
}

/** The process's peak resident set so far, in KB (0 once it is gone or off Linux). */
function highWaterKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
