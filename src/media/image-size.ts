/**
 * image-size, loaded on the first image it reads: a build whose articles and theme name no
 * image (and every quick rebuild, which reads none) does without its modules.
 */
import { createRequire } from "node:module";

let imageSizePackage: typeof import("image-size") | undefined;

/**
 * The size and format image-size reads from an image file's first bytes; throws on a file it cannot read.
 * @example imageSize(readFileSync("static/logo.png")) // { width: 240, height: 60, type: "png" }
 */
export function imageSize(bytes: Uint8Array): ReturnType<typeof import("image-size").imageSize> {
  imageSizePackage ??= createRequire(import.meta.url)("image-size") as typeof import("image-size");
  return imageSizePackage.imageSize(bytes);
}
