/**
 * Finding and reading a local image an article names: its path relative to the article's
 * file, and its size and format from the file's header (synchronous and cheap, so the article
 * stage can write the `<picture>` markup without encoding anything).
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { imageSize } from "./image-size.ts";
import { dirname, join, posix } from "node:path";
import type { ImageSettings } from "./image-settings.ts";
import type { MediaImage, SourceFormat } from "./variant-plan.ts";

/** Versions whose output differs change every variant's name, so the media cache never serves a stale one. */
const ENCODER = `sharp-${encoderVersion()}`;

function encoderVersion(): string {
  // sharp's package.json is not exported; it sits above its entry point (lib/index.js).
  const entry = createRequire(import.meta.url).resolve("sharp");
  return (JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version;
}

const FORMATS: Record<string, SourceFormat> = { jpg: "jpg", png: "png", webp: "webp", gif: "gif", avif: "avif", heif: "avif" };

/**
 * True when `src` names a local file to process: not a URL, not site-relative, not a fragment.
 * @example isLocalImage("photo.jpg")            // true
 * @example isLocalImage("https://x.org/a.jpg")  // false
 * @example isLocalImage("/media/logo.png")      // false
 */
export function isLocalImage(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith("/") && !src.startsWith("#") && !src.startsWith("?") && src.trim() !== "";
}

/**
 * The content-relative path of `src` as written in the article at `articleFile`; undefined
 * when it climbs out of the content folder.
 * @example resolveImagePath("2023/bundle/index.md", "map.png")      // "2023/bundle/map.png"
 * @example resolveImagePath("2023/a.md", "../img/Harbour%20at%20dawn.jpg") // "img/Harbour at dawn.jpg"
 * @example resolveImagePath("a.md", "../../etc/passwd")             // undefined
 */
export function resolveImagePath(articleFile: string, src: string): string | undefined {
  let path = src.replace(/[?#].*$/, "");
  try {
    path = decodeURI(path);
  } catch {
    // A stray % is taken as written.
  }
  const joined = posix.normalize(posix.join(posix.dirname(articleFile), path));
  return joined.startsWith("../") || joined === ".." || posix.isAbsolute(joined) ? undefined : joined;
}

/** Why a local image cannot be used. */
export type ImageProblem = { code: "image-missing" | "image-unreadable"; message: string };

/**
 * Reads the image at `source` (relative to `root`): size, format and content hash.
 * @example readImageSource("content", "2023/map.png", settings) // { image: { source: "2023/map.png", width: 1600, … } }
 */
export function readImageSource(root: string, source: string, settings: Pick<ImageSettings, "quality">): { image?: MediaImage; problem?: ImageProblem } {
  const path = join(root, source);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return { problem: { code: "image-missing", message: `The image ${source} does not exist.` } };
  if (!stats.isFile()) return { problem: { code: "image-unreadable", message: `The image ${source} is not a file.` } };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { problem: { code: "image-unreadable", message: `The image ${source} cannot be read: ${(error as Error).message}.` } };
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { problem: { code: "image-unreadable", message: `${source} is not an image Gazette can read (JPEG, PNG, WebP, GIF or AVIF).` } };
  }
  const format = size.type ? FORMATS[size.type] : undefined;
  if (!format || !size.width || !size.height) {
    return { problem: { code: "image-unreadable", message: `${source} is a${size.type ? ` ${size.type.toUpperCase()}` : "n unknown"} file, not an image Gazette can process (JPEG, PNG, WebP, GIF or AVIF).` } };
  }
  // EXIF orientations 5–8 turn the picture a quarter: the upright size is the other way round.
  const turned = (size.orientation ?? 1) >= 5;
  const hash = createHash("sha1").update(bytes).update(`\0${ENCODER}\0q${settings.quality}`).digest("hex").slice(0, 12);
  return {
    image: {
      source,
      hash,
      width: turned ? size.height : size.width,
      height: turned ? size.width : size.height,
      format,
      stamp: { size: stats.size, mtimeMs: stats.mtimeMs },
    },
  };
}

/**
 * True when a recorded image's file changed since it was read (or is gone).
 * @example imageChanged("content", image) // false
 */
export function imageChanged(root: string, image: MediaImage): boolean {
  const stats = statSync(join(root, image.source), { throwIfNoEntry: false });
  return !stats || stats.size !== image.stamp.size || stats.mtimeMs !== image.stamp.mtimeMs;
}
