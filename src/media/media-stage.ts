/**
 * The media stage of a build, after the articles are prepared and indexed: copies static/,
 * encodes the variants of every local image the published articles show (each variant once:
 * a media cache under the build cache keeps them, named by content hash), writes the theme's
 * stylesheet, and returns the files it adds to the site. A warm build leaves variants already
 * in the output folder alone, so a rebuild after a text edit encodes nothing.
 */
import { availableParallelism } from "node:os";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { Archive } from "../model.ts";
import { DEFAULT_IMAGE_SETTINGS } from "./image-settings.ts";
import { encodeImage } from "./encode-image.ts";
import { copyStaticFiles, listStaticFiles, staticCollisions, staticOutputs } from "./static-files.ts";
import { themeCss, themeCssPath } from "./theme.ts";
import { allVariantPaths, type MediaImage } from "./variant-plan.ts";
import { imageChanged } from "./image-source.ts";

/** What the media stage did, for the build report. */
export interface MediaCounts {
  /** Distinct local images the site shows. */
  images: number;
  /** Their variants (files under /media/). */
  variants: number;
  /** Variants encoded by this build. */
  encoded: number;
  /** Variants copied from the media cache. */
  fromCache: number;
  /** Variants already in the output folder (warm build): left alone. */
  kept: number;
  staticFiles: number;
}

/** Inputs of the media stage. */
export interface MediaStageInput {
  content: string;
  staging: string;
  out: string;
  archive: Archive;
  /** Files the build generates so far (relative paths): static files may not replace them. */
  outputs: readonly string[];
  /** The media cache folder; undefined without a build cache. */
  cacheDir?: string;
  /** The previous build's outputs (a warm build), whose variants are still in `out`. */
  previousOutputs?: readonly string[];
}

/**
 * Runs the stage (see the module comment). Issues (a collision, an image sharp cannot read)
 * mean the build must stop; the staging folder is then the caller's to discard.
 * @example const { outputs, counts } = await stageMedia({ content, staging, out, archive, outputs });
 */
export async function stageMedia(input: MediaStageInput): Promise<{ issues: ContentIssue[]; outputs: string[]; counts: MediaCounts }> {
  const settings = input.archive.site.images ?? DEFAULT_IMAGE_SETTINGS;
  const issues: ContentIssue[] = [];
  const added: string[] = [];
  const images = new Map<string, { image: MediaImage; file: string }>();
  for (const article of input.archive.articles) {
    for (const image of article.media ?? []) if (!images.has(image.hash)) images.set(image.hash, { image, file: article.file });
  }
  const css = themeCss(input.archive.site.theme);
  if (css) {
    const path = themeCssPath(css);
    mkdirSync(join(input.staging, "assets"), { recursive: true });
    writeFileSync(join(input.staging, path), css);
    added.push(path.slice(1));
  }
  const variants = [...images.values()].flatMap(({ image }) => allVariantPaths(image, settings));
  added.push(...variants.map((path) => path.slice(1)));

  const staticFiles = listStaticFiles(input.content);
  issues.push(...staticCollisions(staticFiles, [...input.outputs, ...added]));
  const counts: MediaCounts = { images: images.size, variants: variants.length, encoded: 0, fromCache: 0, kept: 0, staticFiles: staticFiles.length };
  if (issues.length) return { issues, outputs: [], counts };

  const previous = new Set(input.previousOutputs ?? []);
  const kept = (path: string) => previous.has(path.slice(1)) && existsSync(join(input.out, path));
  const queue = [...images.values()];
  const work = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { image, file } = next;
      const paths = allVariantPaths(image, settings).filter((path) => {
        if (!kept(path)) return true;
        counts.kept++;
        return false;
      });
      if (!paths.length) continue;
      const wanted = new Set(paths);
      try {
        if (input.cacheDir) {
          const encoded = await encodeImage(input.content, image, settings, input.cacheDir, (path) => wanted.has(path) && !existsSync(join(input.cacheDir!, path)));
          counts.encoded += encoded;
          for (const path of paths) {
            mkdirSync(dirname(join(input.staging, path)), { recursive: true });
            copyFileSync(join(input.cacheDir, path), join(input.staging, path));
          }
        } else {
          const encoded = await encodeImage(input.content, image, settings, input.staging, (path) => wanted.has(path));
          counts.encoded += encoded;
        }
      } catch (error) {
        issues.push(contentIssue("image-unreadable", { file, field: "image" }, `The image ${image.source} cannot be processed: ${(error as Error).message}.`));
      }
    }
  };
  // sharp runs each encode on libuv's threads: a few images at once keep every core busy.
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, work));
  counts.fromCache = input.cacheDir ? counts.variants - counts.kept - counts.encoded : 0;
  copyStaticFiles(input.content, staticFiles, input.staging);
  return { issues, outputs: [...added, ...staticOutputs(staticFiles)], counts };
}

/**
 * True when an unchanged article's recorded images changed on disk since (its page names
 * variants of the old bytes, so it must be prepared again).
 * @example recordMediaChanged("content", entry.record) // false
 */
export function recordMediaChanged(content: string, record: { media?: readonly MediaImage[] } | undefined): boolean {
  return (record?.media ?? []).some((image) => imageChanged(content, image));
}
