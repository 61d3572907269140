/**
 * Link gate: linkinator crawls the built site from every one of its HTML files, served as a
 * static host would serve it, and reports every internal link, asset or fragment that does not
 * resolve. Links to the site's own configured URL (canonical, og:url) are checked against the
 * local copy; other external links are skipped (the machine is offline). Internal links that
 * only work through a redirect fail too. Because linkinator only checks a fragment on another
 * page when it reaches that page after the link, a second sweep checks every `#fragment` link
 * against the ids of the page it points to.
 */
import { readFile, readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { LinkChecker, LinkState } from "linkinator";
import { parse } from "node-html-parser";
import { timed, type GateFailure, type GateResult } from "./gate-result.ts";
import { serveFolder } from "./serve-folder.ts";

/** A link that does not resolve. */
export interface LinkFailure extends GateFailure {
  /** The link's target as the checker saw it (site-relative when internal). */
  url: string;
  /** Page it was found on, site-relative. */
  parent?: string;
  status?: number;
}

/** What the link gate needs to know about the site. */
export interface LinkGateOptions {
  /** Path of the site's configured url ("" or "/archive"): pages link to each other under it. */
  basePath?: string;
  /** The site's configured url: absolute links to it are internal links. */
  siteUrl?: string;
}

/**
 * Checks every link of the site built in `dir`.
 * @example (await checkLinks("_site", { siteUrl: "https://ledger.example.org" })).failures // []
 */
export async function checkLinks(dir: string, options: LinkGateOptions = {}): Promise<GateResult<LinkFailure>> {
  return timed("links", async () => {
    const basePath = (options.basePath ?? "").replace(/\/+$/, "");
    const files = await htmlFiles(dir);
    // Uncompressed: the links are what matters here, and gzip would only cost time.
    const server = await serveFolder(dir, { basePath, gzip: false });
    const local = (url: string | undefined) => (url?.startsWith(server.origin) ? url.slice(server.origin.length) : url);
    try {
      const siteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : undefined;
      const checker = new LinkChecker();
      const result = await checker.check({
        path: files.map((file) => server.at(urlOfFile(file))),
        recurse: true,
        checkFragments: true,
        checkCss: true,
        redirects: "error",
        // A generated site has thousands of URLs: a moderate number at once, and a link that
        // timed out (a busy machine, not a broken link) asked again before it counts as broken.
        concurrency: 12,
        timeout: 30_000,
        retryErrors: true,
        retryErrorsCount: 3,
        retryErrorsJitter: 2_000,
        urlRewriteExpressions: siteOrigin ? [{ pattern: new RegExp(`^${escapeRegExp(siteOrigin)}(?=/|$)`), replacement: server.origin }] : [],
        linksToSkip: async (link) => !link.startsWith(`${server.origin}/`),
      });
      // Fragments first, from the sweep: it names the page each broken fragment link is on.
      const failures: LinkFailure[] = await sweepFragments(dir, files, basePath, siteOrigin);
      const seen = new Set(failures.map((f) => f.url));
      for (const link of result.links) {
        if (link.state !== LinkState.BROKEN) continue;
        const url = local(link.url) ?? "";
        const details = (link.failureDetails ?? []).map((d) => (d instanceof Error ? d.message : "")).filter(Boolean);
        const fragment = details.some((d) => d.startsWith("Fragment identifier"));
        // linkinator names the page a broken fragment is on, not the page that links to it.
        const parent = fragment ? url.replace(/#.*$/, "") : local(link.parent);
        const key = fragment ? url : `${url}|${parent}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const status = link.status ?? 0;
        const problem = fragment
          ? `has no element with id "${url.replace(/^[^#]*#/, "")}"`
          : status >= 300 && status < 400
            ? `redirects (HTTP ${status}): link to the final address`
            : status
              ? `is broken (HTTP ${status})`
              : `is broken${details.length ? `: ${details.join("; ")}` : ""}`;
        failures.push({ where: parent ?? url, url, parent, status: link.status, message: `${url} ${problem}` });
      }
      failures.sort((a, b) => a.where.localeCompare(b.where) || a.url.localeCompare(b.url));
      const checkedLinks = result.links.filter((l) => l.state === LinkState.OK).length;
      return { checked: `${files.length} pages, ${checkedLinks} distinct URLs`, failures, notes: [] };
    } finally {
      await server.close();
    }
  });
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** `politics/index.html` → `/politics/`; `404.html` → `/404.html`. */
function urlOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

function fileOfPath(path: string): string {
  const clean = decodeURIComponent(path).replace(/^\/+/, "");
  return clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every `href="…#id"` to a page of this site whose target has no element with that id. */
async function sweepFragments(dir: string, files: string[], basePath: string, siteOrigin: string | undefined): Promise<LinkFailure[]> {
  const base = "http://site.invalid";
  const ids = new Map<string, Set<string> | null>();
  const idsOf = async (file: string) => {
    if (!ids.has(file)) {
      const text = await readFile(join(dir, file), "utf8").catch(() => undefined);
      ids.set(file, text === undefined ? null : new Set(parse(text).querySelectorAll("[id], a[name]").map((e) => e.getAttribute("id") ?? e.getAttribute("name") ?? "")));
    }
    return ids.get(file);
  };
  const failures: LinkFailure[] = [];
  for (const file of files) {
    const page = `${basePath}${urlOfFile(file)}`;
    const root = parse(await readFile(join(dir, file), "utf8"));
    for (const anchor of root.querySelectorAll("[href]")) {
      const href = anchor.getAttribute("href") ?? "";
      if (!href.includes("#")) continue;
      let target: URL;
      try {
        target = new URL(href, base + page);
      } catch {
        continue; // linkinator reports unparsable links
      }
      if (siteOrigin && target.origin === siteOrigin) target = new URL(target.pathname + target.search + target.hash, base);
      if (target.origin !== base || target.hash.length < 2) continue;
      if (basePath && !target.pathname.startsWith(`${basePath}/`)) continue;
      const targetFile = fileOfPath(target.pathname.slice(basePath.length));
      const fragment = decodeURIComponent(target.hash.slice(1));
      const known = await idsOf(targetFile);
      if (known === null) continue; // a missing page: linkinator reports it
      if (known?.has(fragment)) continue;
      const url = `${target.pathname}${target.hash}`;
      failures.push({ where: page, url, parent: page, message: `${url} has no element with id "${fragment}"` });
    }
  }
  return failures;
}
