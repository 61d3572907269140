/**
 * `gazette preview` in a child process, for tests: started, its printed address awaited, and
 * stopped after the test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { tempDir } from "../helpers/temp-dirs.ts";

const BIN = fileURLToPath(new URL("../../bin/gazette.mjs", import.meta.url));
const children: ChildProcess[] = [];

/** Starts `gazette preview ...args` and resolves with the URL it prints. */
export function startPreviewCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, "preview", ...args], { stdio: "pipe", cwd: tempDir("gazette-cwd-") });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout} ${stderr}`)), 30_000);
    child.stderr!.on("data", (c) => (stderr += c));
    child.stdout!.on("data", (c) => {
      stdout += c;
      const url = /at (http:\/\/\S+) /.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

/** Stops every preview started by {@link startPreviewCli}, waiting for each to exit. */
export async function stopPreviews(): Promise<void> {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
        }),
    ),
  );
}
