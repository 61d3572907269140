/**
 * The preview server against a real built site under /archive/, over real HTTP on 127.0.0.1.
 * Requests use node:http with raw paths, so `..` and odd encodings reach the server unchanged.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, IMMUTABLE, SHORT } from "../../src/deploy/host-files.ts";
import { startPreview, type PreviewServer } from "../../src/deploy/preview-server.ts";
import { readStylesheet } from "../../src/render/stylesheet.ts";
import { buildPrefixedSite, PAGES } from "./prefixed-site.ts";

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let preview: PreviewServer;
let out: string;
const SECRET = "TOP-SECRET-OUTSIDE-THE-FOLDER";
const CSS = readStylesheet().path;

/** One request with the path sent exactly as written. */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  const { port } = new URL(preview.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject).end();
  });
}

beforeAll(async () => {
  ({ out } = await buildPrefixedSite());
  const outside = dirname(out);
  writeFileSync(join(outside, "secret.txt"), SECRET);
  mkdirSync(join(outside, "private"));
  writeFileSync(join(outside, "private/index.html"), SECRET);
  const extra: Record<string, string> = {
    "feed.xml": '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
    "search.json": '{"a":1}',
    "pagefind/pagefind.js": "export const x = 1;\n".repeat(50),
    "pagefind/wasm.en.pagefind": "\u0000binary",
    "pagefind/index/en_0a1b2c.pf_index": "\u0000binary",
    "pagefind/pagefind.wasm": "\u0000asm",
    "images/photo.png": "\u0089PNG",
    "empty-folder/notes.txt": "a folder without index.html",
    "_redirects": [
      "/archive/old-politics/* /archive/politics/:splat 301",
      "/archive/temporary /archive/sport/ 302",
      "/archive/alias/storm/ /archive/2023/02/20/storm/ 200",
      "/archive/withdrawn/ /archive/404.html 410",
      "/archive/politics/ /archive/sport/ 302",
      "/archive/sport/ /archive/world/ 302!",
      "this line is not a rule",
    ].join("\n"),
  };
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), text);
  }
  symlinkSync(join(outside, "secret.txt"), join(out, "leak.txt"));
  symlinkSync(join(outside, "private"), join(out, "escape"));
  preview = await startPreview({ dir: out, basePath: "/archive" });
});

afterAll(() => preview?.close());

describe("the preview server", () => {
  it("listens on 127.0.0.1 unless told otherwise, and reports the unreadable _redirects line", () => {
    expect(preview.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(preview.url).toBe(`${preview.origin}/archive/`);
    expect(preview.issues.map((i) => [i.code, i.file, i.line])).toEqual([["redirects-invalid", "_redirects", 7]]);
  });

  it.each([
    ["/archive/", "text/html; charset=utf-8"],
    [`/archive${CSS}`, "text/css; charset=utf-8"],
    ["/archive/feed.xml", "application/xml; charset=utf-8"],
    ["/archive/search.json", "application/json; charset=utf-8"],
    ["/archive/pagefind/pagefind.js", "text/javascript; charset=utf-8"],
    ["/archive/pagefind/pagefind.wasm", "application/wasm"],
    ["/archive/pagefind/wasm.en.pagefind", "application/octet-stream"],
    ["/archive/pagefind/index/en_0a1b2c.pf_index", "application/octet-stream"],
    ["/archive/images/photo.png", "image/png"],
    ["/archive/404.html", "text/html; charset=utf-8"],
  ])("serves %s as %s", async (path, type) => {
    const answer = await get(path);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe(type);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });

  it.each([
    ["/archive/politics", "/archive/politics/"],
    ["/archive/politics?page=1", "/archive/politics/?page=1"],
    ["/archive/world/europe", "/archive/world/europe/"],
    ["/archive", "/archive/"],
  ])("redirects the folder %s to %s with 301", async (path, location) => {
    const answer = await get(path);
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(location);
  });

  it.each(["/archive/no-such-page/", "/archive/2023/02/18/missing/", "/archive/index.html/", "/politics/", "/", "/archive/empty-folder/"])(
    "answers %s with the site's 404 page and status 404 (never a listing)",
    async (path) => {
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.body.toString()).toBe(readFileSync(join(out, "404.html"), "utf8"));
      expect(answer.body.toString()).not.toContain("notes.txt");
    },
  );

  it("sends the headers of _headers: security headers everywhere, immutable for the stylesheet, short for pages", async () => {
    const page = await get("/archive/2023/02/18/harbour-budget/");
    expect(page.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(page.headers["permissions-policy"]).toMatch(/camera=\(\)/);
    expect(page.headers["cache-control"]).toBe(SHORT);
    expect((await get("/archive/")).headers["cache-control"]).toBe(SHORT);
    expect((await get(`/archive${CSS}`)).headers["cache-control"]).toBe(IMMUTABLE);
    expect((await get("/archive/no-such-page/")).headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each<[string, number, string]>([
    ["/archive/old-politics/page/2/", 301, "/archive/politics/page/2/"],
    ["/archive/temporary", 302, "/archive/sport/"],
    ["/archive/temporary?x=1", 302, "/archive/sport/?x=1"],
    // A forced rule (302!) applies even where a page exists.
    ["/archive/sport/", 302, "/archive/world/"],
  ])("applies the _redirects rule for %s: %i to %s", async (path, status, location) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    expect(answer.headers.location).toBe(location);
  });

  it("lets an existing page shadow an unforced rule, as hosts do", async () => {
    const answer = await get("/archive/politics/");
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(readFileSync(join(out, "politics/index.html"), "utf8"));
  });

  it("serves a 200 rule's target in place, and a 410 rule's target with 410", async () => {
    const rewrite = await get("/archive/alias/storm/");
    expect(rewrite.status).toBe(200);
    expect(rewrite.body.toString()).toBe(readFileSync(join(out, "2023/02/20/storm/index.html"), "utf8"));
    const gone = await get("/archive/withdrawn/");
    expect(gone.status).toBe(410);
    expect(gone.body.toString()).toBe(readFileSync(join(out, "404.html"), "utf8"));
  });

  it("answers If-None-Match with 304 and no body, and a changed ETag with the page", async () => {
    const first = await get(PAGES.article.replace(/^/, "/archive"));
    const etag = first.headers.etag!;
    expect(etag).toBeTruthy();
    const again = await get(`/archive${PAGES.article}`, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const other = await get(`/archive${PAGES.article}`, { "If-None-Match": 'W/"0-0"' });
    expect(other.status).toBe(200);
    expect(other.body.equals(first.body)).toBe(true);
  });

  it("never answers the 404 page with 304", async () => {
    const first = await get("/archive/404.html");
    const missing = await get("/archive/missing/", { "If-None-Match": first.headers.etag! });
    expect(missing.status).toBe(404);
    expect(missing.body.length).toBeGreaterThan(0);
  });

  it.each<[string, string | undefined, (b: Buffer) => Buffer]>([
    ["br", "br", brotliDecompressSync],
    ["gzip, deflate, br", "br", brotliDecompressSync],
    ["gzip", "gzip", gunzipSync],
    ["br;q=0, gzip", "gzip", gunzipSync],
    ["identity", undefined, (b) => b],
  ])("compresses for Accept-Encoding %j with %s", async (accept, encoding, decode) => {
    for (const path of ["/archive/", `/archive${CSS}`, "/archive/pagefind/pagefind.js", "/archive/missing/"]) {
      const answer = await get(path, { "Accept-Encoding": accept });
      expect(answer.headers["content-encoding"], path).toBe(encoding);
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      const plain = readFileSync(join(out, path === "/archive/" ? "index.html" : path === "/archive/missing/" ? "404.html" : path.slice("/archive/".length)));
      expect(decode(answer.body).equals(plain), path).toBe(true);
      if (encoding) expect(answer.body.length).toBeLessThan(plain.length);
    }
  });

  it("does not compress images", async () => {
    const answer = await get("/archive/images/photo.png", { "Accept-Encoding": "br, gzip" });
    expect(answer.headers["content-encoding"]).toBeUndefined();
  });

  it("answers HEAD without a body and other methods with 405", async () => {
    const head = await get("/archive/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const post = await get("/archive/", {}, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it.each([
    ["/archive/../secret.txt", 400],
    ["/archive/../../../../etc/passwd", 400],
    ["/archive/%2e%2e/secret.txt", 400],
    ["/archive/%2E%2E/%2e%2e/secret.txt", 400],
    ["/archive/.%2e/secret.txt", 400],
    ["/archive/..%2fsecret.txt", 400],
    ["/archive/%2f..%2f..%2fsecret.txt", 400],
    ["/archive/..%5csecret.txt", 400],
    ["/archive/..\\secret.txt", 400],
    ["/archive/%5c..%5csecret.txt", 400],
    ["/archive/index.html%00", 400],
    ["/archive/index.html%00.css", 400],
    ["/archive/%zz", 400],
    ["/archive/leak.txt", 404],
    ["/archive/escape/", 404],
    ["/archive/escape/index.html", 404],
    ["/archive/_headers", 404],
    ["/archive/_redirects", 404],
    ["/archive/.gazette-site.json", 404],
    ["/archive/.nojekyll", 404],
  ])("serves nothing from outside the folder (nor the host's files) for %s", async (path, status) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    expect(answer.body.toString()).not.toContain(SECRET);
    expect(answer.body.toString()).not.toContain("Content-Security-Policy:");
  });
});
