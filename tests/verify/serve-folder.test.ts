import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFolder, type ServedFolder } from "../../verify/serve-folder.ts";
import { tempDir } from "./fixture.ts";

let work: string;
let site: string;

beforeAll(async () => {
  work = await tempDir();
  site = join(work, "site");
  const files: Record<string, string> = {
    "index.html": "<p>front</p>",
    "politics/index.html": "<p>politics</p>",
    "404.html": "<p>not found page</p>",
    "assets/site.css": "body{}",
    "empty/readme.txt": "no index here",
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(site, path, ".."), { recursive: true });
    await writeFile(join(site, path), text);
  }
  await writeFile(join(work, "secret.txt"), "outside the site");
});

afterAll(() => rm(work, { recursive: true, force: true }));

async function get(server: ServedFolder, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}${path}`, { redirect: "manual", headers: { "accept-encoding": "identity", ...headers } });
  return { status: response.status, type: response.headers.get("content-type"), location: response.headers.get("location"), body: await response.text() };
}

describe("serveFolder", () => {
  it.each([
    ["the front page", "/", 200, "<p>front</p>"],
    ["a folder's index.html", "/politics/", 200, "<p>politics</p>"],
    ["a file", "/assets/site.css", 200, "body{}"],
    ["a query string is ignored", "/assets/site.css?v=abc", 200, "body{}"],
    ["a missing page gets 404.html", "/nope/", 404, "<p>not found page</p>"],
    ["a folder without index.html", "/empty/", 404, "<p>not found page</p>"],
    ["no way out of the folder", "/../secret.txt", 404, "<p>not found page</p>"],
    ["no way out, encoded", "/%2e%2e/secret.txt", 404, "<p>not found page</p>"],
  ])("serves %s", async (_, path, status, body) => {
    const server = await serveFolder(site);
    try {
      const response = await get(server, path);
      expect([response.status, response.body]).toEqual([status, body]);
    } finally {
      await server.close();
    }
  });

  it("redirects a folder asked for without its slash, sends types and gzips text", async () => {
    const server = await serveFolder(site);
    try {
      expect(await get(server, "/politics")).toMatchObject({ status: 301, location: "/politics/" });
      expect((await get(server, "/assets/site.css")).type).toBe("text/css; charset=utf-8");
      expect((await get(server, "/")).type).toBe("text/html; charset=utf-8");
      const zipped = await fetch(`${server.origin}/`, { headers: { "accept-encoding": "gzip" } });
      expect(zipped.headers.get("content-encoding")).toBe("gzip");
      expect(await zipped.text()).toBe("<p>front</p>"); // fetch inflates it
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    } finally {
      await server.close();
    }
  });

  it("serves a site under its base path only", async () => {
    const server = await serveFolder(site, { basePath: "/archive/" });
    try {
      expect(server.at("/politics/")).toBe(`${server.origin}/archive/politics/`);
      expect((await get(server, "/archive/politics/")).body).toBe("<p>politics</p>");
      expect(await get(server, "/archive")).toMatchObject({ status: 301, location: "/archive/" });
      expect((await get(server, "/politics/")).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
