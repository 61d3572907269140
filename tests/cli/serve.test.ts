/**
 * `gazette serve` (what `npm start` runs) builds the archive and serves it over HTTP.
 */
import { spawn } from "node:child_process";
import { get as httpGet } from "node:http";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { stopChild } from "../helpers/spawn-gazette.ts";
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
    await stopChild(child);
  }
});

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, deadline: number): Promise<T> {
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

it("shows a content error once in the terminal and as a page in the browser, until it is fixed", async () => {
  const good = article(["title: Served headline", "date: 2023-02-18T10:00:00", "section: politics"]);
  const content = fixtureArchive({ "a.md": good });
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--content", content, "--out", tempOut(), "--port", String(port)], { stdio: "pipe", cwd: tempDir("gazette-cwd-") });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  const url = `http://localhost:${port}/2023/02/18/a/`;
  try {
    expect((await fetchWhenUp(url, Date.now() + 30_000)).status).toBe(200);
    writeFileSync(join(content, "a.md"), article(["title: Served headline", "date: 2023-02-30T10:00:00", "section: politics"]));
    const broken = await until(() => get(url), (page) => page.status === 500, Date.now() + 30_000);
    expect(broken.status).toBe(500);
    // The located report: file, line and column, code, and what to do.
    expect(broken.body).toContain(`${content}/a.md:3:`);
    expect(broken.body).toContain("date-invalid");
    expect(broken.body).toMatch(/Hint|Expected/);
    // The reload client is in it, so the page replaces itself once the file is fixed.
    expect(broken.body).toMatch(/reload-client|eleventy-dev-server/);
    // Files other than pages are still served as they were.
    expect((await get(`http://localhost:${port}/feed.xml`)).status).toBe(200);
    await until(async () => stderr, (text) => text.includes("date-invalid"), Date.now() + 10_000);
    expect(stderr.match(/a\.md:3:\d+ {2}error {2}date-invalid/g)).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);

    writeFileSync(join(content, "a.md"), good.replace("Served headline", "Served again"));
    const fixed = await until(() => get(url), (page) => page.status === 200, Date.now() + 30_000);
    expect(fixed.status).toBe(200);
    expect(fixed.body).toContain("Served again");
  } finally {
    await stopChild(child);
  }
}, 90_000);

it("shows the report from the first build when the archive starts out broken", async () => {
  const content = fixtureArchive({ "a.md": article(["date: 2023-02-18T10:00:00", "section: politics"]) });
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--content", content, "--out", tempOut(), "--port", String(port)], { stdio: "pipe", cwd: tempDir("gazette-cwd-") });
  try {
    const page = await until(() => fetchWhenUp(`http://localhost:${port}/`, Date.now() + 30_000), (p) => p.status === 500, Date.now() + 30_000);
    expect(page.status).toBe(500);
    expect(page.body).toContain("title-missing");
  } finally {
    await stopChild(child);
  }
}, 60_000);

it("stops on Ctrl+C with exit code 0, its port free again", async () => {
  const content = fixtureArchive({ "a.md": article(["title: Served headline", "date: 2023-02-18T10:00:00", "section: politics"]) });
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--content", content, "--out", tempOut(), "--port", String(port)], { stdio: "pipe", cwd: tempDir("gazette-cwd-") });
  try {
    expect((await fetchWhenUp(`http://localhost:${port}/2023/02/18/a/`, Date.now() + 30_000)).status).toBe(200);
    expect(await stopChild(child, "SIGINT")).toBe(0);
    await expect(get(`http://localhost:${port}/`)).rejects.toThrow(/ECONNREFUSED/);
  } finally {
    await stopChild(child, "SIGKILL");
  }
}, 60_000);
