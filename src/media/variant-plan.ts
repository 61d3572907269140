/**
 * The variant plan of one image: which widths and formats are written, and their names.
 * Pure: the article stage (markup) and the media stage (encoding) compute the same plan from
 * the same facts, so a page never names a file that is not written.
 */
import type { ImageSettings, ModernFormat } from "./image-settings.ts";
import { PREVIEW_WIDTH } from "./image-settings.ts";

/** Source formats the media stage reads. */
export type SourceFormat = "jpg" | "png" | "webp" | "gif" | "avif";

/** A local image as the article stage found it: plain data, kept in the build cache. */
export interface MediaImage {
  /** Path relative to the content folder, `/` separators. */
  source: string;
  /** Content hash of the file and of the encoding settings (12 hex digits). */
  hash: string;
  /** Pixel size of the original, upright. */
  width: number;
  height: number;
  /** The original's format. */
  format: SourceFormat;
  /** Size and modification time of the file when it was read, to notice a changed image. */
  stamp: { size: number; mtimeMs: number };
}

/** The variants of one image, in the order the `<picture>` lists them. */
export interface VariantPlan {
  widths: number[];
  /** Modern formats first, then the fallback format every browser reads. */
  formats: string[];
  fallback: string;
}

/** The fallback format of each source format: JPEG stays JPEG, everything else becomes PNG (transparency). */
const FALLBACK: Record<SourceFormat, string> = { jpg: "jpg", png: "png", gif: "png", webp: "png", avif: "png" };

/** Media types of the formats the media stage writes. */
export const MIME_TYPES: Record<string, string> = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg", png: "image/png" };

/**
 * The widths written for an image `width` pixels wide: the configured ones that fit, plus
 * the original width when a configured one would have been wider (never upscaled).
 * @example variantWidths(1000, [400, 800, 1200]) // [400, 800, 1000]
 * @example variantWidths(300, [400, 800])        // [300]
 * @example variantWidths(800, [400, 800])        // [400, 800]
 */
export function variantWidths(width: number, configured: readonly number[]): number[] {
  const fit = configured.filter((w) => w <= width);
  return fit.length < configured.length && !fit.includes(width) ? [...fit, width] : fit;
}

/**
 * The plan of `image` under `settings`.
 * @example planVariants({ width: 1000, format: "png", … }, { widths: [400, 800, 1200], formats: ["webp"], … }) // { widths: [400, 800, 1000], formats: ["webp", "png"], fallback: "png" }
 */
export function planVariants(image: Pick<MediaImage, "width" | "format">, settings: Pick<ImageSettings, "widths" | "formats">): VariantPlan {
  const fallback = FALLBACK[image.format];
  const modern = settings.formats.filter((f: ModernFormat) => f !== fallback);
  return { widths: variantWidths(image.width, settings.widths), formats: [...modern, fallback], fallback };
}

/**
 * The site path of one variant.
 * @example variantPath("3f2a9c0b1d4e", 800, "webp") // "/media/3f2a9c0b1d4e-800.webp"
 */
export function variantPath(hash: string, width: number, format: string): string {
  return `/media/${hash}-${width}.${format}`;
}

/**
 * Every variant's site path, for the list of outputs and the links gate.
 * @example allVariantPaths(image, settings) // ["/media/3f2a…-400.webp", …]
 */
export function allVariantPaths(image: MediaImage, settings: Pick<ImageSettings, "widths" | "formats">): string[] {
  const plan = planVariants(image, settings);
  return plan.formats.flatMap((format) => plan.widths.map((w) => variantPath(image.hash, w, format)));
}

/**
 * The variant previews use (og:image, JSON-LD): the fallback format at 1,200 pixels, or the
 * widest there is when the original is narrower.
 * @example previewPath(image, settings) // "/media/3f2a9c0b1d4e-1200.jpg"
 */
export function previewPath(image: MediaImage, settings: Pick<ImageSettings, "widths" | "formats">): string {
  const plan = planVariants(image, settings);
  const width = plan.widths.includes(PREVIEW_WIDTH) ? PREVIEW_WIDTH : plan.widths[plan.widths.length - 1];
  return variantPath(image.hash, width, plan.fallback);
}

/**
 * The height of a variant `width` pixels wide, keeping the original's aspect ratio.
 * @example variantHeight({ width: 1000, height: 500 }, 400) // 200
 */
export function variantHeight(image: Pick<MediaImage, "width" | "height">, width: number): number {
  return Math.max(1, Math.round((image.height * width) / image.width));
}
