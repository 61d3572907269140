/**
 * site.yml's `images:` settings: which widths and formats every local image is encoded in.
 * WebP beside the original format is the default; AVIF is opt-in, since it encodes several
 * times slower.
 */
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { FieldLocator } from "../content/image-field.ts";

/** Formats an image may be encoded in besides its own (the fallback every browser reads). */
export const MODERN_FORMATS = ["avif", "webp"] as const;

/** One of {@link MODERN_FORMATS}. */
export type ModernFormat = (typeof MODERN_FORMATS)[number];

/** How local images are processed. */
export interface ImageSettings {
  /** Widths in pixels, ascending; none wider than the original is written. */
  widths: number[];
  /** Modern formats offered before the original format, best first (AVIF before WebP). */
  formats: ModernFormat[];
  /** Encoder quality, 1–100, for JPEG, WebP and AVIF. */
  quality: number;
  /** The `sizes` attribute of body and lead images. */
  sizes: string;
}

/** The defaults: three widths up to the 1,200 pixels previews use, WebP, quality 80. */
export const DEFAULT_IMAGE_SETTINGS: ImageSettings = {
  widths: [400, 800, 1200],
  formats: ["webp"],
  quality: 80,
  sizes: "(min-width: 42rem) 40rem, 100vw",
};

/** The width of the variant previews (og:image, JSON-LD) use. */
export const PREVIEW_WIDTH = 1200;

/**
 * Reads `images:` from site.yml (absent: the defaults), pushing `images-invalid` issues.
 * @example readImageSettings({ widths: [320, 640], formats: ["avif", "webp"] }, at, []).widths // [320, 640]
 */
export function readImageSettings(value: unknown, at: FieldLocator, issues: ContentIssue[]): ImageSettings {
  if (value === undefined || value === null) return DEFAULT_IMAGE_SETTINGS;
  if (typeof value !== "object" || Array.isArray(value)) {
    issues.push(contentIssue("images-invalid", at(["images"]), "images must be a mapping (widths, formats, quality, sizes)."));
    return DEFAULT_IMAGE_SETTINGS;
  }
  const fields = value as Record<string, unknown>;
  const settings = { ...DEFAULT_IMAGE_SETTINGS };
  for (const key of Object.keys(fields)) {
    if (!(key in DEFAULT_IMAGE_SETTINGS)) issues.push(contentIssue("images-invalid", at(["images", key]), `images.${key} is not a setting (widths, formats, quality, sizes).`));
  }
  if (fields.widths !== undefined) {
    const widths = fields.widths;
    if (Array.isArray(widths) && widths.length > 0 && widths.every((w) => Number.isInteger(w) && w >= 16 && w <= 8192)) {
      settings.widths = [...new Set(widths as number[])].sort((a, b) => a - b);
    } else issues.push(contentIssue("images-invalid", at(["images", "widths"]), "images.widths must be a list of whole pixel widths from 16 to 8192."));
  }
  if (fields.formats !== undefined) {
    const formats = fields.formats;
    if (Array.isArray(formats) && formats.every((f) => (MODERN_FORMATS as readonly unknown[]).includes(f))) {
      settings.formats = MODERN_FORMATS.filter((f) => formats.includes(f));
    } else issues.push(contentIssue("images-invalid", at(["images", "formats"]), `images.formats must be a list of ${MODERN_FORMATS.join(", ")} (the original format is always written as the fallback).`));
  }
  if (fields.quality !== undefined) {
    if (Number.isInteger(fields.quality) && (fields.quality as number) >= 1 && (fields.quality as number) <= 100) settings.quality = fields.quality as number;
    else issues.push(contentIssue("images-invalid", at(["images", "quality"]), "images.quality must be a whole number from 1 to 100."));
  }
  if (fields.sizes !== undefined) {
    if (typeof fields.sizes === "string" && fields.sizes.trim() && !/[<>"]/.test(fields.sizes)) settings.sizes = fields.sizes.trim();
    else issues.push(contentIssue("images-invalid", at(["images", "sizes"]), 'images.sizes must be a sizes attribute, e.g. "(min-width: 42rem) 40rem, 100vw".'));
  }
  return settings;
}
