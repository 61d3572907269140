/**
 * The server behind `gazette preview`: a built folder served the way a static host serves
 * it. sirv sends the files (types, ETag and If-None-Match, ranges); this module decides which
 * file answers a request — under the site's base path, `index.html` for a folder and a 301
 * from `/path` to `/path/`, the `_redirects` rules, the site's 404 page with status 404, never
 * a directory listing, never anything outside the folder — and adds the `_headers` headers and
 * compression.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative, sep } from "node:path";
import sirv from "sirv";
import type { ContentIssue } from "../issues/content-issue.ts";
import { compressResponse } from "./compress-response.ts";
import { contentTypeFor } from "./content-types.ts";
import { HEADERS_FILE, headersFor, parseHeaders, type HeadersTable } from "./headers-file.ts";
import { matchRedirect, parseRedirects, REDIRECTS_FILE, type RedirectsTable } from "./redirects-file.ts";
import { decodeRequestPath, insideFolder } from "./safe-path.ts";

/** Options of {@link startPreview}. */
export interface PreviewOptions {
  /** The built folder. */
  dir: string;
  /** The path the site lives under, e.g. `/archive`; `""` for the root. */
  basePath: string;
  /** Address to listen on (default 127.0.0.1: only this machine). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
}

/** A running preview. */
export interface PreviewServer {
  /** e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** The site's front page, e.g. `http://127.0.0.1:41234/archive/`. */
  url: string;
  /** Lines of `_headers` and `_redirects` that could not be read (they are skipped). */
  issues: ContentIssue[];
  close(): Promise<void>;
}

/** What answers a site path. */
type Resolved = { kind: "file"; rel: string } | { kind: "slash" } | { kind: "missing" };

/** Files a host reads for itself and never serves. */
const HOST_ONLY = new Set([HEADERS_FILE, REDIRECTS_FILE]);

/**
 * Serves `dir` until closed. Rejects with the listen error (e.g. EADDRINUSE).
 * @example const preview = await startPreview({ dir: "_site", basePath: "/archive" }); …; await preview.close();
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const root = realpathSync(options.dir);
  const base = options.basePath.replace(/\/+$/, "");
  const headers = readTable(root, HEADERS_FILE, parseHeaders);
  const redirects = readTable(root, REDIRECTS_FILE, parseRedirects);
  const files = sirv(root, { dev: true, etag: true, extensions: [], dotfiles: false });
  const site = { root, base, headers, redirects, files };
  const server = createServer((request, response) => {
    try {
      handle(site, request, response);
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end(`Internal error: ${(error as Error).message}\n`);
    }
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => done());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  return {
    origin,
    url: `${origin}${base}/`,
    issues: [...headers.issues, ...redirects.issues],
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

interface Site {
  root: string;
  base: string;
  headers: HeadersTable;
  redirects: RedirectsTable;
  files: ReturnType<typeof sirv>;
}

function readTable<T>(root: string, name: string, parse: (text: string, file: string) => T): T {
  const file = join(root, name);
  return parse(existsSync(file) ? readFileSync(file, "utf8") : "", name);
}

function handle(site: Site, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("Method not allowed\n");
    return;
  }
  const raw = request.url ?? "/";
  const queryAt = raw.search(/[?#]/);
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const search = queryAt === -1 ? "" : raw.slice(queryAt).replace(/#.*$/, "");
  const decoded = decodeRequestPath(rawPath);
  if (!decoded.ok) {
    response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end(`Bad request: ${decoded.reason}.\n`);
    return;
  }
  const path = decoded.path;
  if (site.base && path === site.base) return redirect(response, 301, `${site.base}/${search}`);
  if (site.base && !path.startsWith(`${site.base}/`)) return notFound(site, path, request, response);

  const resolved = resolve(site, path);
  const rule = matchRedirect(site.redirects, path);
  if (rule && (rule.rule.force || resolved.kind === "missing")) {
    const { status } = rule.rule;
    if (status >= 300 && status < 400) return redirect(response, status, rule.location.includes("?") ? rule.location : `${rule.location}${search}`, headersFor(site.headers, path));
    const target = rule.location.startsWith("/") ? decodeRequestPath(rule.location.replace(/[?#].*$/, "")) : undefined;
    const answer = target?.ok ? resolve(site, target.path) : undefined;
    if (answer?.kind === "file") return send(site, answer.rel, status, path, request, response);
    return notFound(site, path, request, response);
  }
  if (resolved.kind === "slash") return redirect(response, 301, `${rawPath}/${search}`, headersFor(site.headers, path));
  if (resolved.kind === "file") return send(site, resolved.rel, 200, path, request, response);
  return notFound(site, path, request, response);
}

/** The file that answers a site path (with the base path), following a host's rules. */
function resolve(site: Site, path: string): Resolved {
  const rel = path.slice(site.base.length);
  const segments = rel.split("/").filter(Boolean);
  // Dotfiles (the build's marker, .nojekyll) and the host's own files are never served.
  if (segments.some((s) => s.startsWith(".")) || (segments.length === 1 && HOST_ONLY.has(segments[0]))) return { kind: "missing" };
  const real = insideFolder(site.root, join(site.root, ...segments));
  if (!real) return { kind: "missing" };
  const stats = statSync(real);
  if (stats.isDirectory()) {
    if (!path.endsWith("/")) return { kind: "slash" };
    const index = insideFolder(site.root, join(real, "index.html"));
    return index && statSync(index).isFile() ? { kind: "file", rel: relative(site.root, index) } : { kind: "missing" };
  }
  if (!stats.isFile() || path.endsWith("/")) return { kind: "missing" };
  return { kind: "file", rel: relative(site.root, real) };
}

function redirect(response: ServerResponse, status: number, location: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, Location: location, "Content-Type": "text/plain; charset=utf-8" }).end(`Redirecting to ${location}\n`);
}

function notFound(site: Site, path: string, request: IncomingMessage, response: ServerResponse): void {
  const page = insideFolder(site.root, join(site.root, "404.html"));
  if (page && statSync(page).isFile()) return send(site, relative(site.root, page), 404, path, request, response);
  response.writeHead(404, { ...headersFor(site.headers, path), "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
}

/** Sends the file `rel` (relative to the folder) with `status` and the headers `_headers` gives the requested `path`. */
function send(site: Site, rel: string, status: number, path: string, request: IncomingMessage, response: ServerResponse): void {
  for (const [name, value] of Object.entries(headersFor(site.headers, path))) response.setHeader(name, value);
  response.setHeader("Content-Type", contentTypeFor(rel));
  compressResponse(request, response);
  if (status !== 200) {
    // An error page is never "not modified", nor sent in parts; sirv only knows status 200.
    delete request.headers["if-none-match"];
    delete request.headers.range;
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = ((_: number, ...rest: unknown[]) => writeHead(status, ...rest)) as typeof response.writeHead;
  }
  request.url = `/${rel.split(sep).map(encodeURIComponent).join("/")}`;
  site.files(request, response, () => {
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
  });
}
