/**
 * `gazette serve` under the pages' Content-Security-Policy, in headless Chromium: Eleventy's
 * reload client (a script from /.11ty/, and a WebSocket to the same host) loads and connects
 * with no violation, and an edited article reaches the open page.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { launchBrowser } from "../../verify/browser.ts";
import { tempOut } from "../helpers/built-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { stopChild } from "../helpers/spawn-gazette.ts";

const BIN = fileURLToPath(new URL("../../bin/gazette.mjs", import.meta.url));
const front = (title: string) => article([`title: ${title}`, "date: 2023-02-18T10:00:00", "section: politics"]);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

it("live reload works under the CSP: the client connects, no violation, an edit reaches the page", async () => {
  const content = fixtureArchive({ "a.md": front("First headline") });
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--content", content, "--out", tempOut(), "--port", String(port)], { stdio: "pipe", cwd: tempDir("gazette-cwd-") });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`));
    });
    const page = await context.newPage();
    const messages: string[] = [];
    page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
    const url = `http://localhost:${port}/2023/02/18/a/`;
    for (const deadline = Date.now() + 60_000; ; ) {
      try {
        if ((await page.goto(url))?.status() === 200) break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    await expect.poll(() => messages.some((m) => /Connected/.test(m)), { timeout: 15_000 }).toBe(true);
    writeFileSync(join(content, "a.md"), front("Second headline"));
    await expect.poll(() => page.locator("h1").textContent().catch(() => ""), { timeout: 30_000 }).toBe("Second headline");
    expect(messages.filter((m) => m.startsWith("error:"))).toEqual([]);
  } finally {
    await browser.close();
    await stopChild(child);
  }
}, 120_000);
