/**
 * A small static server for a built site, the way a static host serves it: `index.html` for a
 * folder, a redirect to the slash form for a folder asked for without one, and `404.html` with
 * status 404 for anything missing, text gzipped for clients that accept it. Listens on 127.0.0.1
 * on a random free port.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createGzip } from "node:zlib";
import { join, resolve, sep } from "node:path";
import { contentTypeFor } from "../src/deploy/content-types.ts";

/** A running server; `close()` stops it. */
export interface ServedFolder {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  origin: string;
  /** URL of the site's root, with the base path and a trailing slash, e.g. `http://127.0.0.1:41234/archive/`. */
  url: string;
  /** Absolute URL of a site-relative path: `at("/politics/")`. */
  at(path: string): string;
  close(): Promise<void>;
}

/** Options of {@link serveFolder}. */
export interface ServeOptions {
  /** Sub-folder the site lives under (the path of its configured url), e.g. `/archive`. Default: none. */
  basePath?: string;
  /** Gzip text for clients that accept it, as real hosts do (default true). */
  gzip?: boolean;
}

/**
 * Serves `root` until closed.
 * @example const server = await serveFolder("_site"); await fetch(server.at("/")); await server.close();
 */
export async function serveFolder(root: string, options: ServeOptions = {}): Promise<ServedFolder> {
  const folder = resolve(root);
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const server = createServer((request, response) => {
    handle(folder, basePath, options.gzip ?? true, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${basePath}/`,
    at: (path) => `${origin}${basePath}${path.startsWith("/") ? path : `/${path}`}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

async function handle(folder: string, basePath: string, gzip: boolean, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const url = new URL(request.url ?? "/", "http://localhost");
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return sendNotFound(folder, gzip, request, response);
  }
  if (basePath) {
    if (path === basePath) {
      response.writeHead(301, { location: `${basePath}/${url.search}` }).end();
      return;
    }
    if (!path.startsWith(`${basePath}/`)) return sendNotFound(folder, gzip, request, response);
    path = path.slice(basePath.length);
  }
  const file = resolve(folder, `.${path}`);
  // Never serve anything outside the folder, whatever the request path says.
  if (file !== folder && !file.startsWith(folder + sep)) return sendNotFound(folder, gzip, request, response);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!path.endsWith("/")) {
      response.writeHead(301, { location: `${basePath}${path}/${url.search}` }).end();
      return;
    }
    const index = join(file, "index.html");
    if (await isFile(index)) return sendFile(index, 200, gzip, request, response);
    return sendNotFound(folder, gzip, request, response);
  }
  if (info?.isFile()) return sendFile(file, 200, gzip, request, response);
  return sendNotFound(folder, gzip, request, response);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function sendNotFound(folder: string, gzip: boolean, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const page = join(folder, "404.html");
  if (await isFile(page)) return sendFile(page, 404, gzip, request, response);
  response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
}

async function sendFile(file: string, status: number, compress: boolean, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { size } = await stat(file);
  const type = contentTypeFor(file);
  const gzip = compress && /^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  response.writeHead(status, {
    "content-type": type,
    ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : { "content-length": size }),
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    const source = createReadStream(file).on("error", fail);
    (gzip ? source.pipe(createGzip()).on("error", fail) : source).pipe(response).on("finish", done).on("error", fail);
  });
}
