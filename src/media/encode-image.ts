/**
 * Encoding one image's variants with sharp, into the media cache (or straight into the
 * staging folder without one). Each file is written under a temporary name and renamed, so a
 * killed build never leaves half an image in the cache.
 */
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Sharp } from "sharp";
import type { ImageSettings } from "./image-settings.ts";
import { planVariants, variantPath, type MediaImage } from "./variant-plan.ts";

/**
 * Encodes every variant of `image` (read from `root`) that `wanted` says is missing, into
 * `dir` (files at their site paths below it). Rejects when sharp cannot read the image.
 * @example await encodeImage("content", image, settings, "/cache/media-files", (path) => true) // 6
 */
export async function encodeImage(root: string, image: MediaImage, settings: ImageSettings, dir: string, wanted: (path: string) => boolean): Promise<number> {
  const plan = planVariants(image, settings);
  // Loaded on the first encode: sharp's native module costs a tenth of a second, and most
  // builds (every warm one whose images are unchanged) encode nothing.
  const { default: sharp } = await import("sharp");
  // failOn "error": a truncated or damaged file is refused rather than encoded half grey.
  const input = sharp(join(root, image.source), { failOn: "error" }).rotate();
  let written = 0;
  for (const format of plan.formats) {
    for (const width of plan.widths) {
      const path = variantPath(image.hash, width, format);
      if (!wanted(path)) continue;
      const target = join(dir, path);
      const temporary = `${target}.${process.pid}.tmp`;
      mkdirSync(dirname(target), { recursive: true });
      try {
        await encoder(input.clone().resize({ width, withoutEnlargement: true }), format, settings.quality).toFile(temporary);
        renameSync(temporary, target);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
      }
      written++;
    }
  }
  return written;
}

function encoder(pipeline: Sharp, format: string, quality: number): Sharp {
  switch (format) {
    case "avif":
      return pipeline.avif({ quality: Math.max(1, quality - 20), effort: 4 });
    case "webp":
      return pipeline.webp({ quality });
    // Plain libjpeg-turbo and zlib: mozjpeg and PNG quantisation cost 2.5–7× the time (measured
    // here) for a fallback that browsers reading WebP never fetch.
    case "jpg":
      return pipeline.jpeg({ quality });
    default:
      return pipeline.png({ compressionLevel: 6 });
  }
}
