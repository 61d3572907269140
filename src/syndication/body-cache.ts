/**
 * The rendered bodies feeds carry, kept in the build cache by content: one HTML file per
 * article (named by a hash of the cache key, the article file's content hash and its URL),
 * so a warm build renders only the bodies of articles that changed. The article stage
 * renders bodies in worker threads and keeps none, so without this every build would read
 * and render again the few hundred bodies the feeds list.
 *
 * Entries are content-addressed: a body is stored under the hash of the bytes it was
 * rendered from (not the hash the manifest expected), so a file edited while the build ran
 * can never leave a body under the wrong name. Nothing here needs to be trusted or
 * invalidated; files of articles no feed lists any more are pruned on save.
 */
import { hash as oneShotHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../build/write-atomic.ts";
import type { ArticleSummary } from "../model.ts";
import { articleBody } from "../content/front-matter.ts";
import { absoluteUrls } from "./absolute-urls.ts";

/** Where bodies come from during one build. */
export interface BodySource {
  /** A stable name for the article's body (its inputs), or undefined when the content hash is unknown. */
  id(article: ArticleSummary): string | undefined;
  /** The body HTML, with absolute URLs. */
  get(article: ArticleSummary): string;
}

/** What a body source needs. */
export interface BodySourceOptions {
  /** The content folder the articles' `file` paths are relative to. */
  content: string;
  /** The article file's content hash (sha1 of its bytes) as the build saw it. */
  hashOf(file: string): string | undefined;
  /** Renders an article's body Markdown (links between articles resolved for that article). */
  render(markdown: string, article: ArticleSummary): string;
  /** What else the body depends on besides its file (the URLs its links resolve to); part of its name. */
  variant?(article: ArticleSummary): string;
  absolute(url: string): string;
  /** The build cache's key: bodies depend on the code, the site config and the options. */
  key: string;
  /** The cache folder for bodies; without one, every body is rendered. */
  folder?: string;
}

/** A body source that can also save what it rendered. */
export interface BodyCache extends BodySource {
  /**
   * Writes the bodies rendered in this build and removes the stored ones not in `keep` (the
   * articles the feeds list now). Never throws: a cache that cannot be written only costs time.
   */
  save(keep: Iterable<ArticleSummary>): void;
}

const EXTENSION = ".html";

/**
 * The body stored under `name` in the cache folder, if any.
 * @example readCachedBody(".gazette/cache/build-1a2b.bodies", "9c1e…") // "<p>…</p>"
 */
export function readCachedBody(folder: string, name: string): string | undefined {
  try {
    return readFileSync(join(folder, name + EXTENSION), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Adds bodies to the cache folder, each under its name, and removes the `stale` ones (a quick
 * rebuild's: src/build/quick-feeds.ts). Never throws: a body missing from the cache is rendered
 * again by the next build that needs it, and one left behind is pruned by the next full build.
 * @example saveBodies(".gazette/cache/build-1a2b.bodies", new Map([["9c1e…", "<p>…</p>"]]), ["77ab…"])
 */
export function saveBodies(folder: string, bodies: ReadonlyMap<string, string>, stale: readonly string[] = []): void {
  try {
    for (const [name, html] of bodies) writeFileAtomic(join(folder, name + EXTENSION), html);
    for (const name of stale) if (!bodies.has(name)) rmSync(join(folder, name + EXTENSION), { force: true });
  } catch {
    // See above.
  }
}

/**
 * The file name of a body: a digest of the cache key, the file's content hash, the URL
 * (relative links are made absolute against it) and its variant (where its links lead).
 * @example bodyId("k", "3f2a…", "/2023/02/18/a/") // "9c1e…" (32 hex digits)
 */
export function bodyId(key: string, hash: string, url: string, variant = ""): string {
  return oneShotHash("sha256", `${key}\0${hash}\0${url}\0${variant}`).slice(0, 32);
}

/**
 * A body source over the cache folder `options.folder` (see the module comment).
 * @example const bodies = bodyCache({ content, hashOf, render, absolute, key, folder }); bodies.get(article)
 */
export function bodyCache(options: BodySourceOptions): BodyCache {
  const memo = new Map<string, string>();
  const fresh = new Map<string, string>();
  // The name each article's body was found or stored under in this build (by file and URL).
  const used = new Map<string, string>();
  const slot = (article: ArticleSummary) => `${article.file}\0${article.url}`;
  const id = (article: ArticleSummary) => {
    const hash = options.hashOf(article.file);
    return hash ? bodyId(options.key, hash, article.url, options.variant?.(article)) : undefined;
  };
  const stored = (name: string): string | undefined => (options.folder ? readCachedBody(options.folder, name) : undefined);
  const render = (article: ArticleSummary): { name?: string; html: string } => {
    const bytes = readFileSync(join(options.content, article.file));
    const hash = oneShotHash("sha1", bytes);
    const html = absoluteUrls(options.render(articleBody(bytes.toString("utf8")), article), options.absolute(article.url));
    return { name: bodyId(options.key, hash, article.url, options.variant?.(article)), html };
  };
  return {
    id,
    get(article) {
      const name = id(article);
      const known = name === undefined ? undefined : (memo.get(name) ?? stored(name));
      if (known !== undefined) {
        memo.set(name!, known);
        used.set(slot(article), name!);
        return known;
      }
      const made = render(article);
      if (made.name) {
        memo.set(made.name, made.html);
        fresh.set(made.name, made.html);
        used.set(slot(article), made.name);
      }
      return made.html;
    },
    save(keep) {
      const folder = options.folder;
      if (!folder) return;
      try {
        const wanted = new Set<string>();
        for (const article of keep) {
          const name = used.get(slot(article)) ?? id(article);
          if (name) wanted.add(name);
        }
        mkdirSync(folder, { recursive: true });
        for (const [name, html] of fresh) if (wanted.has(name)) writeFileAtomic(join(folder, name + EXTENSION), html);
        for (const file of readdirSync(folder)) {
          const name = file.endsWith(EXTENSION) ? file.slice(0, -EXTENSION.length) : undefined;
          // Leftover temporary files of killed builds go too (never another live build's: builds of one output hold its lock).
          if (name === undefined || !wanted.has(name)) rmSync(join(folder, file), { force: true });
        }
      } catch {
        // The next build renders what is missing.
      }
    },
  };
}
