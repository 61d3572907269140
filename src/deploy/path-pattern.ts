/**
 * The URL patterns of Netlify's and Cloudflare Pages' `_headers` and `_redirects` files: a
 * literal path, `*` (a splat: any characters, also slashes) and `:name` (one path segment).
 */

/** A compiled pattern: match a request path, get its splat and placeholders. */
export interface PathPattern {
  source: string;
  match(path: string): Record<string, string> | undefined;
}

/**
 * Compiles a pattern such as `/news/:year/*`.
 * @example compilePattern("/old/*").match("/old/a/b") // { splat: "a/b" }
 * @example compilePattern("/:section/").match("/world/") // { section: "world" }
 */
export function compilePattern(source: string): PathPattern {
  const names: string[] = [];
  const body = source
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => {
      if (part === "*") {
        names.push("splat");
        return "(.*)";
      }
      if (/^:[A-Za-z_]/.test(part)) {
        names.push(part.slice(1));
        return "([^/]+)";
      }
      return part.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  const regex = new RegExp(`^${body}$`);
  return {
    source,
    match(path) {
      const found = regex.exec(path);
      if (!found) return undefined;
      return Object.fromEntries(names.map((name, i) => [name, found[i + 1]]));
    },
  };
}

/**
 * Fills a target such as `/new/:splat` with the values a pattern matched.
 * @example fillTarget("/new/:splat", { splat: "a/b" }) // "/new/a/b"
 */
export function fillTarget(target: string, values: Record<string, string>): string {
  return target.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => values[name] ?? whole);
}
