/**
 * The variant plan and the <picture> markup: widths never wider than the original, formats as
 * configured, names by content hash.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_IMAGE_SETTINGS, type ImageSettings } from "../../src/media/image-settings.ts";
import { pictureMarkup } from "../../src/media/picture-markup.ts";
import { allVariantPaths, planVariants, previewPath, variantHeight, variantPath, variantWidths, type MediaImage } from "../../src/media/variant-plan.ts";

const image = (width: number, height: number, format: MediaImage["format"] = "jpg"): MediaImage => ({ source: "a/b.jpg", hash: "0123456789ab", width, height, format, stamp: { size: 1, mtimeMs: 1 } });

describe("variantWidths", () => {
  it.each([
    [2000, [400, 800, 1200], [400, 800, 1200]],
    [1000, [400, 800, 1200], [400, 800, 1000]],
    [800, [400, 800, 1200], [400, 800, 1200].filter((w) => w <= 800)],
    [300, [400, 800], [300]],
    [400, [400], [400]],
  ])("an image %i wide with widths %j gets %j", (width, configured, expected) => {
    expect(variantWidths(width, configured)).toEqual(expected);
  });
});

describe("planVariants", () => {
  it.each<[MediaImage["format"], ImageSettings["formats"], string[]]>([
    ["jpg", ["webp"], ["webp", "jpg"]],
    ["png", ["webp"], ["webp", "png"]],
    ["gif", ["webp"], ["webp", "png"]],
    ["jpg", ["avif", "webp"], ["avif", "webp", "jpg"]],
    ["jpg", [], ["jpg"]],
    ["webp", ["webp"], ["webp", "png"]],
  ])("a %s source with formats %j is written as %j", (format, formats, expected) => {
    expect(planVariants(image(1600, 900, format), { widths: [400], formats }).formats).toEqual(expected);
  });

  it("names every variant by hash, width and format", () => {
    expect(allVariantPaths(image(1000, 500), { widths: [400, 800], formats: ["webp"] })).toEqual([
      "/media/0123456789ab-400.webp",
      "/media/0123456789ab-800.webp",
      "/media/0123456789ab-400.jpg",
      "/media/0123456789ab-800.jpg",
    ]);
    expect(variantPath("abc", 12, "png")).toBe("/media/abc-12.png");
  });

  it.each([
    [1600, "/media/0123456789ab-1200.jpg"],
    [1000, "/media/0123456789ab-1000.jpg"],
    [300, "/media/0123456789ab-300.jpg"],
  ])("previews of an image %i wide use %s", (width, expected) => {
    expect(previewPath(image(width, 100), DEFAULT_IMAGE_SETTINGS)).toBe(expected);
  });

  it.each([
    [{ width: 1000, height: 500 }, 400, 200],
    [{ width: 3, height: 2 }, 1, 1],
    [{ width: 1600, height: 900 }, 1200, 675],
  ])("keeps the aspect ratio of %j at %i wide: %i high", (size, width, height) => {
    expect(variantHeight(size, width)).toBe(height);
  });
});

describe("pictureMarkup", () => {
  const settings: ImageSettings = { widths: [400, 800], formats: ["avif", "webp"], quality: 80, sizes: "100vw" };

  it("lists a source per modern format and the fallback img with width, height, lazy loading", () => {
    const markup = pictureMarkup(image(1000, 500), settings, { alt: 'A "map" <b>', link: (p) => `/archive${p}` });
    expect(markup).toBe(
      '<picture><source type="image/avif" srcset="/archive/media/0123456789ab-400.avif 400w, /archive/media/0123456789ab-800.avif 800w" sizes="100vw">' +
        '<source type="image/webp" srcset="/archive/media/0123456789ab-400.webp 400w, /archive/media/0123456789ab-800.webp 800w" sizes="100vw">' +
        '<img src="/archive/media/0123456789ab-800.jpg" srcset="/archive/media/0123456789ab-400.jpg 400w, /archive/media/0123456789ab-800.jpg 800w" sizes="100vw" width="800" height="400" alt="A &quot;map&quot; &lt;b&gt;" loading="lazy" decoding="async"></picture>',
    );
  });

  it("loads a lead image at once, with high priority", () => {
    const markup = pictureMarkup(image(1000, 500), settings, { alt: "A", link: (p) => p, lazy: false });
    expect(markup).toContain('fetchpriority="high"');
    expect(markup).not.toContain("loading=");
    expect(markup).toContain('decoding="async"');
  });
});
