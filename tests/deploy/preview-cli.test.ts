/**
 * `gazette preview` as a user runs it: a child process serving a built folder under the path
 * of the site's url, and its catalogued failures.
 */
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { tempOut } from "../helpers/built-site.ts";
import { runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { buildPrefixedSite } from "./prefixed-site.ts";
import { startPreviewCli, stopPreviews } from "./preview-process.ts";

const BIN = fileURLToPath(new URL("../../bin/gazette.mjs", import.meta.url));
let out: string;

beforeAll(async () => {
  ({ out } = await buildPrefixedSite());
});

afterEach(stopPreviews);

describe("gazette preview", () => {
  it("serves the built folder on 127.0.0.1 under the path of the site's url", async () => {
    const { url } = await startPreviewCli(["--out", out, "--port", "0"]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
    const front = await fetch(url);
    expect(front.status).toBe(200);
    expect(await front.text()).toContain("The Test Tribune");
    expect(front.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect((await fetch(new URL("/archive/nowhere/", url))).status).toBe(404);
  });

  it("takes another path with --base-path", async () => {
    const { url } = await startPreviewCli(["--out", out, "--port", "0", "--base-path", "/"]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(new URL("/politics/", url))).status).toBe(200);
  });

  it("stops on SIGTERM with exit 0", async () => {
    const { child } = await startPreviewCli(["--out", out, "--port", "0"]);
    const code = await new Promise((resolve) => {
      child.removeAllListeners("exit");
      child.on("exit", (status, signal) => resolve(status ?? signal));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });

  it("reports preview-folder-missing for a folder with no built site", () => {
    const missing = tempOut();
    const run = runCli(["preview", "--out", missing, "--port", "0"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${missing}  error  preview-folder-missing`);
    expect(run.stderr).toContain("hint: Build it first");
  });

  it("reports preview-port-unavailable when the port is taken", async () => {
    const busy: Server = createServer();
    await new Promise<void>((done) => busy.listen(0, "127.0.0.1", () => done()));
    const { port } = busy.address() as { port: number };
    try {
      const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, "preview", "--out", out, "--port", String(port)], { stdio: "pipe", cwd: tempDir("gazette-cwd-") });
        let stderr = "";
        child.stderr.on("data", (c) => (stderr += c));
        child.on("exit", (status) => resolve({ status, stderr }));
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("preview-port-unavailable");
      expect(run.stderr).toContain("EADDRINUSE");
    } finally {
      await new Promise((done) => busy.close(done));
    }
  });

  it.each([
    [["--port", "http"], /--port must be a port number/],
    [["--base-path", "archive?x"], /--base-path must be a path/],
  ])("refuses %j as a usage error", (args, message) => {
    const run = runCli(["preview", "--out", out, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("lists its options in gazette help preview", () => {
    const run = runCli(["help", "preview"]);
    expect(run.status).toBe(0);
    for (const option of ["--out DIR", "--port N", "--host ADDR", "--base-path PATH"]) expect(run.stdout).toContain(option);
  });
});
