/**
 * The build's syndication step: after the listing pages, write every registered output into
 * the staging folder. With the build cache, the bodies feeds carry come from the cache when
 * their articles did not change (body-cache.ts), and a warm build leaves alone every group of
 * files whose signature is unchanged and whose files are still in the output folder
 * (unit-signatures.ts): those files are not staged, so the output keeps them as they are.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRenderContext, type RenderContext } from "../../layouts/context.ts";
import type { PreparedSite } from "../eleventy/archive-provider.ts";
import { linkTargets, resolveArticleLink } from "../navigation/article-links.ts";
import type { StagedBuild } from "../build/build-site.ts";
import { bodyCache, type BodySourceOptions } from "./body-cache.ts";
import { bodyImageEnv } from "../media/article-media.ts";
import { DEFAULT_IMAGE_SETTINGS, type ImageSettings } from "../media/image-settings.ts";
import { feedArticles, SYNDICATION_OUTPUTS, type SyndicationSettings } from "./outputs.ts";
import { saveSignatures, trustedSignatures } from "./unit-signatures.ts";
import { saveStoredFeeds, storedFeedsFile, type StoredFeed } from "./stored-feeds.ts";
import type { Archive } from "../model.ts";
import type { ListingPage } from "../archive/site-pages.ts";

/** What the syndication step may reuse from the build cache. */
export interface SyndicationCache {
  /** The build manifest's file: the syndication cache lives beside it. */
  manifestFile: string;
  /** The build cache's key. */
  key: string;
  /** The output digest of the build that left the output folder (from its trusted manifest); none for a cold build. */
  previousDigest?: string;
  /** The output digest this build will leave. */
  digest: string;
  /** True when the output folder still holds `path` (relative to it): files left alone must be there. */
  present(path: string): boolean;
  /** An article file's content hash as this build saw it. */
  hashOf(file: string): string | undefined;
  /** The links of an article file's body and notes, as the article stage collected them. */
  linksOf(file: string): readonly { href: string }[] | undefined;
}

/**
 * The syndication cache of a staged build: none when the build keeps no cache.
 * @example writeSyndication(staged.prepared, staged.staging, syndicationCacheOf(staged))
 */
export function syndicationCacheOf(staged: StagedBuild): SyndicationCache | undefined {
  const { manifestFile, manifest, previous } = staged;
  if (!manifestFile) return undefined;
  return {
    manifestFile,
    key: manifest.key,
    ...(previous ? { previousDigest: previous.digest } : {}),
    digest: manifest.digest,
    present: staged.present,
    hashOf: (file) => manifest.files[file]?.hash || undefined,
    linksOf: (file) => manifest.files[file]?.links,
  };
}

/**
 * How the bodies feeds carry are rendered and named, given where an article's links lead:
 * links between articles resolve as on the article's page, local images are plain <img>s of
 * a variant, and a body's name also depends on those URLs and on its images. The full build
 * resolves links against the archive, a quick rebuild against the page's view.
 * @example bodyCache({ content, hashOf, absolute, key, ...feedBodyRendering(ctx, settings, { linksOf, resolve }) })
 */
export function feedBodyRendering(
  ctx: RenderContext,
  imageSettings: ImageSettings,
  links: { linksOf(file: string): readonly { href: string }[] | undefined; resolve(href: string, file: string): string | undefined },
): Pick<BodySourceOptions, "render" | "variant"> {
  return {
    render: (markdown, article) => ctx.markdown.render(markdown, { ...bodyImageEnv(article, markdown, imageSettings), resolveHref: (href: string) => links.resolve(href, article.file) }),
    variant: (article) => JSON.stringify([(links.linksOf(article.file) ?? []).map((link) => [link.href, links.resolve(link.href, article.file) ?? null]), (article.media ?? []).map((image) => image.hash)]),
  };
}

/**
 * Every file syndication writes for this archive, relative to the output folder, sorted.
 * @example syndicationPaths(archive, listings, settings) // ["feed.json", "feed.xml", …, "sitemap.xml", "updates.json", …]
 */
export function syndicationPaths(archive: Archive, listings: readonly ListingPage[], settings: SyndicationSettings): string[] {
  return SYNDICATION_OUTPUTS.flatMap((output) => output.paths({ archive, listings, settings })).sort();
}

/**
 * Where the syndication cache of the build whose manifest is `manifestFile` lives.
 * @example syndicationCacheFiles(".gazette/cache/build-1a2b.json").bodies // ".gazette/cache/build-1a2b.bodies"
 */
export function syndicationCacheFiles(manifestFile: string): { bodies: string; signatures: string } {
  const stem = manifestFile.replace(/\.json$/, "");
  return { bodies: `${stem}.bodies`, signatures: `${stem}.syndication.json` };
}

/**
 * Writes feeds, sitemaps and robots.txt of `prepared` into `dir` (the staging folder);
 * nothing when the build has syndication turned off. Without `cache` every file is written.
 * Returns the paths written.
 * @example await writeSyndication(staged.prepared, staged.staging, syndicationCacheOf(staged))
 */
export async function writeSyndication(prepared: PreparedSite, dir: string, cache?: SyndicationCache): Promise<string[]> {
  const settings = prepared.syndication;
  if (!settings) return [];
  const { archive, listings, stylesheet } = prepared;
  const ctx = createRenderContext(archive.site, archive.sections, stylesheet.url);
  const files = cache ? syndicationCacheFiles(cache.manifestFile) : undefined;
  const targets = linkTargets(archive);
  const imageSettings = archive.site.images ?? DEFAULT_IMAGE_SETTINGS;
  const bodies = bodyCache({
    content: settings.content,
    hashOf: (file) => cache?.hashOf(file),
    ...feedBodyRendering(ctx, imageSettings, {
      linksOf: (file) => cache?.linksOf(file),
      resolve: (href, file) => resolveArticleLink(href, file, targets),
    }),
    absolute: ctx.absolute,
    key: cache?.key ?? "",
    ...(files ? { folder: files.bodies } : {}),
  });
  const previous = cache && files ? trustedSignatures(files.signatures, cache.previousDigest) : {};
  const signatures: Record<string, string> = {};
  const feeds: StoredFeed[] = [];
  const written: string[] = [];
  const made = new Set<string>();
  for (const output of SYNDICATION_OUTPUTS) {
    for (const unit of output.units({ archive, listings, settings, ctx, bodies })) {
      if (unit.signature !== undefined) signatures[unit.id] = unit.signature;
      const feed = cache && unit.stored?.();
      if (feed) feeds.push(feed);
      const kept = unit.signature !== undefined && previous[unit.id] === unit.signature && unit.paths.every((p) => cache!.present(p));
      if (kept) continue;
      for (const file of unit.files()) {
        const target = join(dir, file.path);
        const folder = dirname(target);
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        writeFileSync(target, file.text);
        written.push(file.path);
      }
      // The article pages render on worker threads meanwhile: let the event loop hand them their next batches.
      await nextTurn();
    }
  }
  if (cache && files) {
    bodies.save(feedArticles(archive));
    saveSignatures(files.signatures, cache.digest, signatures);
    saveStoredFeeds(storedFeedsFile(cache.manifestFile), cache.digest, feeds);
  }
  return written;
}
