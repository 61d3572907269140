/**
 * Lead images for the benchmark corpus (`gazette bench generate N --images M`): every
 * (N/M)-th article gets an `image:` beside it, a drawing with a seeded layout rendered from
 * SVG to JPEG with sharp, so the same seed always gives the same bytes.
 */
import sharp from "sharp";
import { Random } from "./random.ts";

/** Size of a corpus image: wider than the 1,200-pixel preview variant. */
export const CORPUS_IMAGE = { width: 1280, height: 720 } as const;

/**
 * True when the article at `index` (of `articles`) gets one of `images` lead images.
 * @example hasCorpusImage(0, 100, 10) // true
 * @example hasCorpusImage(5, 100, 10) // false
 */
export function hasCorpusImage(index: number, articles: number, images: number): boolean {
  if (images <= 0) return false;
  const step = Math.max(1, Math.floor(articles / images));
  return index % step === 0 && index / step < images;
}

/**
 * The article text with an `image:` naming `fileName` (beside it) added to its front matter.
 * @example withImageField("---\ntitle: A\n---\nBody", "a.jpg").startsWith("---\nimage:\n  src: a.jpg") // true
 */
export function withImageField(content: string, fileName: string): string {
  return `---\nimage:\n  src: ${fileName}\n  alt: A drawing of hills and a lake\n  credit: Corpus illustration\n${content.slice(4)}`;
}

/**
 * The SVG drawing of the image for article `index`: sky, hills, water, a sun, a few boats.
 * @example corpusImageSvg(1, 0).startsWith("<svg") // true
 */
export function corpusImageSvg(seed: number, index: number): string {
  const rng = Random.derive(seed, index, 7);
  const { width, height } = CORPUS_IMAGE;
  const hue = rng.int(0, 359);
  const hills = Array.from({ length: 3 }, (_, layer) => {
    const points = Array.from({ length: 9 }, (_, i) => `${(i * width) / 8},${300 + layer * 60 + rng.int(-60, 60)}`).join(" ");
    return `<polygon points="0,${height} ${points} ${width},${height}" fill="hsl(${(hue + 90 + layer * 15) % 360} 35% ${45 - layer * 8}%)"/>`;
  }).join("");
  const boats = Array.from({ length: rng.int(1, 4) }, () => {
    const x = rng.int(100, width - 200);
    const y = rng.int(520, 660);
    return `<path d="M${x} ${y} h120 l-20 24 h-80z" fill="#f4f1e8"/><path d="M${x + 60} ${y - 70} v66 h-40z" fill="#fff"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="hsl(${hue} 60% 78%)"/><circle cx="${rng.int(100, width - 100)}" cy="${rng.int(80, 220)}" r="${rng.int(40, 90)}" fill="#ffe08a"/>${hills}<rect y="480" width="${width}" height="${height - 480}" fill="hsl(${(hue + 200) % 360} 45% 40%)"/>${boats}</svg>`;
}

/**
 * The JPEG bytes of article `index`'s image.
 * @example (await corpusImage(1, 0)).subarray(0, 2) // <Buffer ff d8>
 */
export async function corpusImage(seed: number, index: number): Promise<Buffer> {
  return sharp(Buffer.from(corpusImageSvg(seed, index))).jpeg({ quality: 82 }).toBuffer();
}
