/**
 * `gazette serve` (what `npm start` runs) builds the archive and serves it over HTTP.
 */
import { spawn } from "node:child_process";
import { get as httpGet } from "node:http";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";

const BIN = fileURLToPath(new URL("../../bin/gazette.mjs", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Plain node:http as a browser navigation: fetch() marks itself `sec-fetch-mode: cors`, and the
// dev server injects its reload client only into navigations.
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet(url, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk) => (body += chunk)).on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

async function fetchWhenUp(url: string, deadline: number): Promise<{ status: number; body: string }> {
  for (;;) {
    try {
      return await get(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

it("serves the built archive with live reload", async () => {
  const content = fixtureArchive({ "a.md": article(["title: Served headline", "date: 2023-02-18T10:00:00", "section: politics"]) });
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--content", content, "--out", tempOut(), "--port", String(port)], { stdio: "pipe", cwd: tempDir("gazette-cwd-") });
  try {
    const page = await fetchWhenUp(`http://localhost:${port}/2023/02/18/a/`, Date.now() + 30_000);
    expect(page.status).toBe(200);
    const body = page.body;
    expect(body).toContain("Served headline");
    // Eleventy's dev server injects its reload client into served pages.
    expect(body).toMatch(/reload-client|eleventy-dev-server/);
  } finally {
    child.kill("SIGTERM");
  }
});
