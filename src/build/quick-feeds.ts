/**
 * The feeds of a quick rebuild (quick-rebuild.ts): when an edited article's body is carried by
 * full-text feeds (the site's, its section's), those feeds are written again from what the
 * last full build stored of them (src/syndication/stored-feeds.ts), with the article's new
 * body rendered as writeSyndication renders it and every other body taken from the body cache.
 * Their signatures are worked out as a full build does, so the next full build leaves them be.
 */
import { createRenderContext } from "../../layouts/context.ts";
import { fromRecord } from "../archive/article-record.ts";
import { buildSectionTree } from "../archive/sections.ts";
import { DEFAULT_IMAGE_SETTINGS } from "../media/image-settings.ts";
import type { SiteConfig } from "../model.ts";
import { bodyCache, readCachedBody } from "../syndication/body-cache.ts";
import { feedSignature } from "../syndication/outputs.ts";
import { readStoredFeeds, restoreFeed, storedFeedFiles, storedFeedsFile, type StoredFeed } from "../syndication/stored-feeds.ts";
import { feedBodyRendering, syndicationCacheFiles } from "../syndication/write-syndication.ts";
import type { CacheEntry } from "./build-cache.ts";

/** An edited article whose body feeds carry: its file and its new cache entry (record, links, view, hash). */
export interface EditedBody {
  file: string;
  entry: CacheEntry;
}

/** What the quick rebuild writes for the feeds. */
export interface FeedRewrite {
  files: { path: string; text: string }[];
  /** New bodies for the body cache, by name. */
  bodies: Map<string, string>;
  /** Names of bodies no feed carries any more (the edited articles' old bodies), to prune as a full build would. */
  stale: string[];
  /** Every stored feed, the rewritten ones with their new bodies' names. */
  feeds: StoredFeed[];
  /** The new signature of each rewritten feed, by unit id. */
  signatures: Record<string, string>;
}

/** What the feeds are written with. */
export interface QuickFeedsInput {
  manifestFile: string;
  /** The output digest of the build in place, which the stored feeds must be stamped with. */
  digest: string;
  content: string;
  site: SiteConfig;
  stylesheetUrl: string;
  key: string;
  edited: readonly EditedBody[];
}

/**
 * The feeds to write again, or undefined when they cannot be written this way (no stored
 * feeds of this build, an edited body no stored feed lists, another body not in the cache).
 * @example quickFeeds({ manifestFile, digest, content, site, stylesheetUrl, key, edited })?.files.length // 6
 */
export function quickFeeds(input: QuickFeedsInput): FeedRewrite | undefined {
  const feeds = readStoredFeeds(storedFeedsFile(input.manifestFile), input.digest);
  if (!feeds) return undefined;
  const folder = syndicationCacheFiles(input.manifestFile).bodies;
  const ctx = createRenderContext(input.site, buildSectionTree(input.site.sections), input.stylesheetUrl);
  const imageSettings = input.site.images ?? DEFAULT_IMAGE_SETTINGS;
  const edited = new Map(input.edited.map((e) => [e.file, e.entry]));
  const bodies = bodyCache({
    content: input.content,
    hashOf: (file) => edited.get(file)?.hash,
    // Links between articles lead where the page's view says they do.
    ...feedBodyRendering(ctx, imageSettings, {
      linksOf: (file) => edited.get(file)?.links,
      resolve: (href, file) => {
        const resolved = edited.get(file)!.view!.resolved;
        return Object.hasOwn(resolved, href) ? resolved[href] : undefined;
      },
    }),
    absolute: ctx.absolute,
    key: input.key,
  });
  const fresh = new Map<string, { name: string; html: string }>();
  for (const [file, entry] of edited) {
    const article = fromRecord(entry.record!, input.site.timeZone);
    const name = bodies.id(article);
    if (!name || !feeds.some((feed) => feed.files.includes(file))) return undefined;
    fresh.set(file, { name, html: bodies.get(article) });
  }
  const rewrite: FeedRewrite = { files: [], bodies: new Map([...fresh.values()].map(({ name, html }) => [name, html])), stale: [], feeds: [], signatures: {} };
  const old = new Set<string>();
  for (const feed of feeds) {
    if (!feed.files.some((file) => fresh.has(file))) {
      rewrite.feeds.push(feed);
      continue;
    }
    const html: string[] = [];
    for (const [i, file] of feed.files.entries()) {
      const body = fresh.get(file)?.html ?? readCachedBody(folder, feed.bodies[i]);
      if (body === undefined) return undefined;
      html.push(body);
    }
    feed.files.forEach((file, i) => fresh.has(file) && old.add(feed.bodies[i]));
    const names = feed.files.map((file, i) => fresh.get(file)?.name ?? feed.bodies[i]);
    const updated = { ...feed, bodies: names };
    const { meta, entries } = restoreFeed(updated, () => "");
    rewrite.signatures[feed.id] = feedSignature("feed", meta, entries, names)!;
    rewrite.files.push(...storedFeedFiles(updated, (i) => html[i]));
    rewrite.feeds.push(updated);
  }
  const carried = new Set(rewrite.feeds.flatMap((feed) => feed.bodies));
  rewrite.stale = [...old].filter((name) => !carried.has(name));
  return rewrite;
}
