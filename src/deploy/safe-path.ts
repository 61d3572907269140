/**
 * Request paths a static server may act on: decoded once, and refused when they could name
 * anything outside the published folder — `..` segments (also percent-encoded), encoded
 * slashes and backslashes, backslashes, NUL — or when a symbolic link leads out of it.
 */
import { realpathSync } from "node:fs";
import { sep } from "node:path";

/** A request path, decoded, or the reason it is refused. */
export type DecodedPath = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Decodes the path of a request URL (without its query) and refuses traversal attempts.
 * @example decodeRequestPath("/caf%C3%A9/") // { ok: true, path: "/café/" }
 * @example decodeRequestPath("/%2e%2e/etc/passwd").ok // false
 */
export function decodeRequestPath(raw: string): DecodedPath {
  if (!raw.startsWith("/")) return { ok: false, reason: "the path does not start with /" };
  if (/%2f|%5c/i.test(raw)) return { ok: false, reason: "an encoded slash or backslash" };
  if (raw.includes("\\")) return { ok: false, reason: "a backslash" };
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, reason: "malformed percent-encoding" };
  }
  if (path.includes("\0")) return { ok: false, reason: "a NUL character" };
  if (path.split("/").some((segment) => segment === ".." || segment === ".")) return { ok: false, reason: "a . or .. segment" };
  return { ok: true, path };
}

/**
 * The real path of `file` when it exists and lies inside `root` (both resolved through
 * symbolic links), else undefined.
 * @example insideFolder("/srv/site", "/srv/site/index.html") // "/srv/site/index.html"
 */
export function insideFolder(root: string, file: string): string | undefined {
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(file);
  } catch {
    return undefined;
  }
  return real === realRoot || real.startsWith(realRoot + sep) ? real : undefined;
}
