/**
 * Swapping two paths in one step: Linux's `renameat2(RENAME_EXCHANGE)`. After it, each name
 * points at what the other did, and there is no moment at which either name is missing, so a
 * web server reading the output folder always finds a whole site. Node has no binding for
 * it; koffi (an FFI module whose prebuilt binaries come from the npm registry as optional
 * platform packages, no compiler needed) calls the C library's `renameat2` directly.
 */
import { createRequire } from "node:module";

type Renameat2 = (olddirfd: number, oldpath: string, newdirfd: number, newpath: string, flags: number) => number;

const AT_FDCWD = -100;
const RENAME_EXCHANGE = 2;
// errno values on Linux: the file system or kernel cannot exchange (fall back to two renames).
const UNSUPPORTED = new Set([22 /* EINVAL */, 38 /* ENOSYS */, 95 /* EOPNOTSUPP */]);
const NAMES: Record<number, string> = { 1: "EPERM", 2: "ENOENT", 13: "EACCES", 16: "EBUSY", 17: "EEXIST", 18: "EXDEV", 20: "ENOTDIR", 21: "EISDIR", 28: "ENOSPC", 30: "EROFS", 36: "ENAMETOOLONG", 39: "ENOTEMPTY" };

let binding: { call: Renameat2; errno: () => number } | null | undefined;

function load(): typeof binding {
  if (binding !== undefined) return binding;
  binding = null;
  if (process.platform !== "linux" || process.env.GAZETTE_NO_EXCHANGE === "1") return binding;
  try {
    const koffi = createRequire(import.meta.url)("koffi") as typeof import("koffi");
    const libc = koffi.load("libc.so.6");
    const call = libc.func("int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags)") as Renameat2;
    binding = { call, errno: () => koffi.errno() };
  } catch {
    // No koffi binary for this platform, or a C library without renameat2 (musl before 1.2.5).
  }
  return binding;
}

/**
 * Exchanges `a` and `b` atomically. Returns false when this system cannot (not Linux, or a
 * file system without RENAME_EXCHANGE); throws a Node-style error for real failures.
 * @example exchangePaths("/srv/._site.staging-1f", "/srv/_site") // true
 */
export function exchangePaths(a: string, b: string): boolean {
  const native = load();
  if (!native) return false;
  if (native.call(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) === 0) return true;
  const errno = native.errno();
  if (UNSUPPORTED.has(errno)) return false;
  const code = NAMES[errno] ?? `E${errno}`;
  throw Object.assign(new Error(`${code}: renameat2 failed, renameat2 '${b}'`), { code, errno: -errno, syscall: "renameat2", path: b });
}
