/**
 * Finding an article's images: paths relative to the article, lines in the file, alt text and
 * the decorative mark, reading sizes from file headers.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { bodyImages, createImageReader, frontMatterLine } from "../../src/media/article-media.ts";
import { DEFAULT_IMAGE_SETTINGS, readImageSettings } from "../../src/media/image-settings.ts";
import { isLocalImage, readImageSource, resolveImagePath } from "../../src/media/image-source.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

describe("resolveImagePath", () => {
  it.each([
    ["2023/bundle/index.md", "map.png", "2023/bundle/map.png"],
    ["2023/a.md", "../img/Harbour%20at%20dawn.jpg", "img/Harbour at dawn.jpg"],
    ["2023/a.md", "./photos/a.jpg?v=2#x", "2023/photos/a.jpg"],
    ["a.md", "../../etc/passwd", undefined],
    ["a.md", "../x.jpg", undefined],
  ])("%s names %s: %s", (file, src, expected) => {
    expect(resolveImagePath(file, src)).toBe(expected);
  });
});

describe("isLocalImage", () => {
  it.each([
    ["photo.jpg", true],
    ["../photo.jpg", true],
    ["https://example.org/a.jpg", false],
    ["/static/logo.png", false],
    ["data:image/png;base64,AAAA", false],
    ["#x", false],
  ])("%s: %s", (src, expected) => {
    expect(isLocalImage(src)).toBe(expected);
  });
});

describe("bodyImages", () => {
  it.each([
    ["![A map](map.png)", 6, [{ src: "map.png", alt: "A map", line: 6 }]],
    ["Text.\n\n![A map](map.png)", 6, [{ src: "map.png", alt: "A map", line: 8 }]],
    ["Two lines, the image\non the second ![B](b.jpg)", 1, [{ src: "b.jpg", alt: "B", line: 2 }]],
    ['![](deco.png "decorative")', 1, [{ src: "deco.png", alt: "", title: "decorative", line: 1 }]],
    ["No images here.", 1, []],
    ["- item\n- ![In a list](l.png)", 3, [{ src: "l.png", alt: "In a list", line: 4 }]],
  ])("finds the images of %j (body on line %i)", (body, line, expected) => {
    expect(bodyImages(body, line)).toEqual(expected);
  });
});

describe("frontMatterLine", () => {
  it.each([
    ["---\ntitle: A\nimage:\n  src: a.jpg\n  alt: A\n---\n", 4],
    ["---\ntitle: A\nimage: { src: a.jpg, alt: A }\n---\n", 3],
    ["---\ntitle: A\nimage:\n  alt: A\n  src: a.jpg\n---\n", 5],
    ["---\ntitle: A\n---\n", 1],
  ])("finds image.src in %j on line %i", (text, line) => {
    expect(frontMatterLine(text, "image", "src")).toBe(line);
  });
});

describe("readImageSource", () => {
  let root: string;
  beforeAll(async () => {
    root = tempDir("gazette-images-");
    await sharp({ create: { width: 64, height: 48, channels: 3, background: "#246" } }).jpeg().toFile(join(root, "a.jpg"));
    await sharp({ create: { width: 64, height: 48, channels: 4, background: "#2468" } }).png().toFile(join(root, "b.png"));
    writeFileSync(join(root, "fake.jpg"), "<html>not an image</html>");
    writeFileSync(join(root, "doc.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  });

  it.each([
    ["a.jpg", { width: 64, height: 48, format: "jpg" }],
    ["b.png", { width: 64, height: 48, format: "png" }],
  ])("reads %s's size and format from its header", (file, expected) => {
    expect(readImageSource(root, file, DEFAULT_IMAGE_SETTINGS).image).toMatchObject(expected);
  });

  it.each([
    ["missing.jpg", "image-missing"],
    ["fake.jpg", "image-unreadable"],
    ["doc.svg", "image-unreadable"],
    [".", "image-unreadable"],
  ])("refuses %s with %s, never throwing", (file, code) => {
    expect(readImageSource(root, file, DEFAULT_IMAGE_SETTINGS).problem?.code).toBe(code);
  });

  it("changes the hash with the encoder quality, so the media cache never serves an old encoding", () => {
    const a = readImageSource(root, "a.jpg", DEFAULT_IMAGE_SETTINGS).image!.hash;
    const b = readImageSource(root, "a.jpg", { quality: 50 }).image!.hash;
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
  });

  it("reads each file once per reader", () => {
    const read = createImageReader(root, DEFAULT_IMAGE_SETTINGS);
    expect(read("a.jpg")).toBe(read("a.jpg"));
  });
});

describe("readImageSettings", () => {
  const at = (path: readonly (string | number)[]) => ({ file: "site.yml", field: path.join("."), line: 1, column: 1 });
  it.each([
    [undefined, DEFAULT_IMAGE_SETTINGS, []],
    [{ widths: [800, 320, 320] }, { ...DEFAULT_IMAGE_SETTINGS, widths: [320, 800] }, []],
    [{ formats: ["webp", "avif"] }, { ...DEFAULT_IMAGE_SETTINGS, formats: ["avif", "webp"] }, []],
    [{ formats: [] }, { ...DEFAULT_IMAGE_SETTINGS, formats: [] }, []],
    [{ quality: 60, sizes: "50vw" }, { ...DEFAULT_IMAGE_SETTINGS, quality: 60, sizes: "50vw" }, []],
    [{ widths: [0] }, DEFAULT_IMAGE_SETTINGS, ["images.widths"]],
    [{ formats: ["jxl"] }, DEFAULT_IMAGE_SETTINGS, ["images.formats"]],
    [{ quality: 101 }, DEFAULT_IMAGE_SETTINGS, ["images.quality"]],
    [{ size: "x" }, DEFAULT_IMAGE_SETTINGS, ["images.size"]],
    ["big", DEFAULT_IMAGE_SETTINGS, ["images"]],
  ])("reads %j", (value, expected, fields) => {
    const issues: { field?: string }[] = [];
    expect(readImageSettings(value, at, issues as never)).toEqual(expected);
    expect(issues.map((i) => i.field)).toEqual(fields);
  });
});
