/**
 * Aliases as paths: whether an alias is a safe site path, and which file (if any) its redirect
 * page is written to. An alias comes from front matter, so nothing about it is trusted: it may
 * never name a file outside the output folder, whatever its encoding.
 */

/** Names Windows refuses as a file or folder name, with any extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * True for a name Windows cannot give a file or folder (`CON`, `nul.txt`, `COM1` …): a site
 * with such a folder cannot be copied to or served from Windows.
 * @example isWindowsReserved("aux") // true
 * @example isWindowsReserved("auxiliary") // false
 */
export function isWindowsReserved(name: string): boolean {
  return WINDOWS_RESERVED.test(name);
}

/** Longest folder or file name of an alias, in bytes (file systems allow 255). */
export const MAX_ALIAS_SEGMENT_BYTES = 200;

/**
 * Why `alias` is not a safe site path, or undefined when it is one.
 * @example aliasProblem("/old/path/") // undefined
 * @example aliasProblem("/a/%2e%2e/b") // "its segment \"%2e%2e\" is a dot segment"
 */
export function aliasProblem(alias: string): string | undefined {
  if (!alias.startsWith("/")) return "it does not start with /";
  if (alias.startsWith("//")) return "it starts with //, which browsers read as another host";
  if (/[\u0000-\u0020\u007f\\#]/.test(alias)) return "it contains a space, a control character, a backslash or #";
  const query = alias.indexOf("?");
  const path = query === -1 ? alias : alias.slice(0, query);
  for (const segment of path.split("/").slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return `its segment "${segment}" is not valid percent-encoding`;
    }
    if (decoded === "." || decoded === "..") return `its segment "${segment}" is a dot segment`;
    if (/[/\\\u0000-\u001f\u007f]/.test(decoded)) return `its segment "${segment}" encodes a slash, a backslash or a control character`;
    if (/[<>:"|?*%#]/.test(decoded)) return `its segment "${segment}" holds one of < > : " | ? * % #, which file names on Windows or host rules cannot carry`;
    if (isWindowsReserved(decoded)) return `its segment "${segment}" is a name Windows reserves`;
    if (/[. ]$/.test(decoded) && decoded !== "") return `its segment "${segment}" ends in a dot or a space`;
    if (Buffer.byteLength(decoded) > MAX_ALIAS_SEGMENT_BYTES) return `its segment "${segment.slice(0, 20)}…" is longer than ${MAX_ALIAS_SEGMENT_BYTES} bytes`;
  }
  if (path.split("/").slice(1, -1).includes("")) return "it contains an empty segment (//)";
  return undefined;
}

/**
 * The file a redirect page for `alias` is written to, relative to the output folder: a folder
 * path gets its `index.html`, a `.html` or `.htm` path is the file itself. An alias with a query
 * (`/?p=12`) or another extension (`/feed.php`) gets no page: a static file cannot answer it,
 * so only the redirect rules carry it. Assumes {@link aliasProblem} found nothing.
 * @example aliasPagePath("/old/path/") // "old/path/index.html"
 * @example aliasPagePath("/old/story.html") // "old/story.html"
 * @example aliasPagePath("/?p=12") // undefined
 */
export function aliasPagePath(alias: string): string | undefined {
  if (alias.includes("?")) return undefined;
  const decoded = alias.split("/").map((segment) => decodeURIComponent(segment)).join("/").slice(1);
  if (decoded === "" || decoded.endsWith("/")) return `${decoded}index.html`;
  const last = decoded.slice(decoded.lastIndexOf("/") + 1);
  if (/\.html?$/i.test(last)) return decoded;
  if (!last.includes(".")) return `${decoded}/index.html`;
  return undefined;
}

/**
 * What two aliases or an alias and a page are compared by: the file it would be served from
 * (relative to the output folder), or for an alias with a query the alias as written.
 * @example aliasKey("/old/path") === aliasKey("/old/path/") // true
 */
export function aliasKey(alias: string): string {
  if (alias.includes("?")) return alias;
  // A file name that gets no page (`/feed.xml`) still names the file a host would serve there.
  return aliasPagePath(alias) ?? alias.split("/").map((segment) => decodeURIComponent(segment)).join("/").slice(1);
}

/**
 * The alias as a host matches it, percent-encoded once (raw `é` and `%C3%A9` are the same path).
 * @example encodedAlias("/café/") // "/caf%C3%A9/"
 */
export function encodedAlias(alias: string): string {
  const query = alias.indexOf("?");
  const path = query === -1 ? alias : alias.slice(0, query);
  // `*` and `:` mean splats and placeholders in `_redirects`: encoded, they are plain characters.
  const encoded = path.split("/").map((segment) => encodeURIComponent(decodeURIComponent(segment)).replace(/\*/g, "%2A")).join("/");
  return query === -1 ? encoded : encoded + alias.slice(query);
}
