/**
 * Compression of a response on its way out, as static hosts do it: brotli or gzip, whichever
 * the client prefers of those it accepts (brotli on a tie), for text-like types only. It sits
 * between the file server (sirv, which only sends files compressed ahead of time) and the socket.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from "node:zlib";
import { isCompressible } from "./content-types.ts";

/** An encoding the preview can send. */
export type Encoding = "br" | "gzip";

/**
 * The encoding to use for an `Accept-Encoding` header, if any.
 * @example chooseEncoding("gzip, deflate, br") // "br"
 * @example chooseEncoding("br;q=0, gzip") // "gzip"
 * @example chooseEncoding("identity") // undefined
 */
export function chooseEncoding(accept: string | undefined): Encoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (accept ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (name: Encoding) => weights.get(name) ?? (weights.has("*") ? weights.get("*")! : 0);
  const best = (["br", "gzip"] as const).filter((name) => weight(name) > 0).sort((a, b) => weight(b) - weight(a))[0];
  return best;
}

/**
 * Makes `response` compress what is written to it when the request accepts an encoding and
 * the response turns out to be compressible (decided when its head is written).
 * @example compressResponse(request, response); sirvHandler(request, response);
 */
export function compressResponse(request: IncomingMessage, response: ServerResponse): void {
  const encoding = chooseEncoding(request.headers["accept-encoding"]);
  if (request.method === "HEAD" && !encoding) return;
  const writeHead = response.writeHead.bind(response) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  const write = response.write.bind(response) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  let stream: BrotliCompress | Gzip | undefined;

  response.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = (rest.find((r) => typeof r === "object") ?? {}) as OutgoingHttpHeaders;
    const type = String(headers["Content-Type"] ?? headers["content-type"] ?? response.getHeader("content-type") ?? "");
    if (isCompressible(type)) response.setHeader("Vary", "Accept-Encoding");
    const partial = status === 206 || headers["Content-Range"] !== undefined;
    if (encoding && isCompressible(type) && !partial && status !== 304 && !headers["Content-Encoding"]) {
      delete headers["Content-Length"];
      response.removeHeader("content-length");
      headers["Content-Encoding"] = encoding;
      if (request.method !== "HEAD") {
        stream = encoding === "br" ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip();
        stream.on("data", (chunk: Buffer) => write(chunk));
        stream.on("end", () => end());
      }
    }
    return writeHead(status, headers);
  }) as typeof response.writeHead;

  // While compressing, report every write as taken: a pipe into the response waits for the
  // response's "drain", which the compressor's back-pressure would never raise.
  response.write = ((chunk: unknown, ...rest: unknown[]) => (stream ? (stream.write(chunk as Buffer), true) : write(chunk, ...rest))) as typeof response.write;
  response.end = ((...args: unknown[]) => {
    if (!stream) return end(...args);
    const chunk = typeof args[0] === "function" ? undefined : args[0];
    if (chunk !== undefined && chunk !== null) stream.end(chunk as Buffer);
    else stream.end();
    return response;
  }) as typeof response.end;
}
