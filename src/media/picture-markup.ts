/**
 * The `<picture>` markup of a processed image: one `<source>` per modern format, the fallback
 * `<img>` with its own srcset, `width` and `height` (no layout shift while it loads), and lazy
 * loading except where the image is the first thing on the page.
 */
import type { ImageSettings } from "./image-settings.ts";
import { MIME_TYPES, planVariants, variantHeight, variantPath, type MediaImage } from "./variant-plan.ts";

/** How one picture is shown. */
export interface PictureOptions {
  alt: string;
  /** Site path → link target (adds the site's base path). */
  link: (path: string) => string;
  /** False for a lead image: loaded at once, with high priority. Default true. */
  lazy?: boolean;
  /** The `sizes` attribute (default: the settings' one). */
  sizes?: string;
  className?: string;
}

/**
 * Escapes text for an attribute value or element content.
 * @example escapeAttribute('a "b" <c>') // "a &quot;b&quot; &lt;c&gt;"
 */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The `<picture>` element of `image` (HTML text, every value escaped).
 * @example pictureMarkup(image, settings, { alt: "The harbour", link: (p) => p }) // '<picture><source type="image/webp" srcset="/media/…-400.webp 400w, …" sizes="…"><img …></picture>'
 */
export function pictureMarkup(image: MediaImage, settings: ImageSettings, options: PictureOptions): string {
  const plan = planVariants(image, settings);
  const sizes = escapeAttribute(options.sizes ?? settings.sizes);
  const srcset = (format: string) => plan.widths.map((w) => `${escapeAttribute(options.link(variantPath(image.hash, w, format)))} ${w}w`).join(", ");
  const sources = plan.formats
    .filter((format) => format !== plan.fallback)
    .map((format) => `<source type="${MIME_TYPES[format]}" srcset="${srcset(format)}" sizes="${sizes}">`)
    .join("");
  const widest = plan.widths[plan.widths.length - 1];
  const loading = options.lazy === false ? ` fetchpriority="high"` : ` loading="lazy"`;
  const cls = options.className ? ` class="${escapeAttribute(options.className)}"` : "";
  const src = escapeAttribute(options.link(variantPath(image.hash, widest, plan.fallback)));
  return `<picture>${sources}<img${cls} src="${src}" srcset="${srcset(plan.fallback)}" sizes="${sizes}" width="${widest}" height="${variantHeight(image, widest)}" alt="${escapeAttribute(options.alt)}"${loading} decoding="async"></picture>`;
}
