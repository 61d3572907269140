/**
 * Real builds of fixture archives with static files, a page bundle, images beside articles and
 * in front matter: the written files, the <picture> markup (every srcset entry exists, widths
 * and formats as configured), captions and credits, og:image and JSON-LD, the media cache and
 * warm rebuilds, the theme, and the errors with their lines (the previous site left intact).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";
import { readPage, tempOut } from "../helpers/built-site.ts";
import { hashTree } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const drawing = (width: number, height: number, fill: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${fill}"/><circle cx="50%" cy="50%" r="30%" fill="#fc6"/></svg>`);
const jpeg = (w: number, h: number, fill = "#246") => sharp(drawing(w, h, fill)).jpeg().toBuffer();
const png = (w: number, h: number, fill = "#642") => sharp(drawing(w, h, fill)).png().toBuffer();

const base = (title: string, day = "2023-02-18") => [`title: ${title}`, `date: ${day}T10:00:00`, "section: politics"];
const SITE = `${SITE_YML}images:\n  widths: [320, 640, 1200]\n  formats: [avif, webp]\n`;

async function files() {
  return {
    "site.yml": SITE,
    "static/favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
    "static/downloads/rates.pdf": Buffer.from("%PDF-1.4 fake rates\n"),
    // A page bundle: index.md in its own folder, its images beside it.
    "2023/harbour-plan/index.md": article(
      [...base("Harbour plan"), "image:", "  src: lead.jpg", "  alt: The harbour from the hill", "  caption: The quay at dawn", "  credit: Photo by Ann Lee"],
      "The plan.\n\n![A chart of the votes](chart.png)\n\n![](chart.png \"decorative\")\n\n![A remote photo](https://images.example.org/a.jpg)\n",
    ),
    "2023/harbour-plan/lead.jpg": await jpeg(1600, 900),
    "2023/harbour-plan/chart.png": await png(500, 250),
    "2023/small.md": article([...base("Small lead", "2023-02-17"), "image:", "  src: photos/small.jpg", "  alt: A small photo"]),
    "2023/photos/small.jpg": await jpeg(300, 200, "#363"),
  };
}

describe("a build with images and static files", () => {
  let content: string;
  let out: string;
  let cache: string;
  let report: Awaited<ReturnType<typeof buildSite>>["report"];
  beforeAll(async () => {
    content = fixtureArchive(await files());
    out = tempOut();
    cache = tempDir("gazette-media-cache-");
    const result = await buildSite({ content, out, cache });
    expect(result.issues).toEqual([]);
    report = result.report;
  });

  it("copies static/ to the site root byte for byte", () => {
    expect(readFileSync(join(out, "downloads/rates.pdf"))).toEqual(readFileSync(join(content, "static/downloads/rates.pdf")));
    expect(readPage(out, "/").querySelector('link[rel="icon"]')?.getAttribute("href")).toBe("/favicon.svg");
  });

  it("lets hosts cache the variants forever", () => {
    expect(readFileSync(join(out, "_headers"), "utf8")).toMatch(/^\/media\/\*\n  Cache-Control: public, max-age=31536000, immutable$/m);
  });

  it("gives a page bundle the slug of its folder", () => {
    expect(existsSync(join(out, "2023/02/18/harbour-plan/index.html"))).toBe(true);
  });

  it("shows the lead image as a figure with caption, then credit, loaded at once", () => {
    const figure = readPage(out, "/2023/02/18/harbour-plan/").querySelector(".story__figure")!;
    const img = figure.querySelector("img")!;
    expect(img.getAttribute("alt")).toBe("The harbour from the hill");
    expect(img.getAttribute("loading")).toBeUndefined();
    expect(img.getAttribute("fetchpriority")).toBe("high");
    expect(figure.querySelectorAll("figcaption > span").map((s) => [s.classNames, s.textContent])).toEqual([
      ["story__caption", "The quay at dawn"],
      ["story__credit", "Photo by Ann Lee"],
    ]);
  });

  it("writes every srcset entry, in the configured widths and formats, never wider than the original", () => {
    const page = readPage(out, "/2023/02/18/harbour-plan/");
    const pictures = page.querySelectorAll("picture");
    expect(pictures.length).toBe(3);
    const lead = pictures[0];
    expect(lead.querySelectorAll("source").map((s) => s.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    const entries = (srcset: string | undefined) => (srcset ?? "").split(", ").map((entry) => entry.split(" "));
    for (const picture of pictures) {
      for (const element of [...picture.querySelectorAll("source"), picture.querySelector("img")!]) {
        for (const [url, width] of entries(element.getAttribute("srcset"))) {
          expect(existsSync(join(out, url)), url).toBe(true);
          expect(url).toMatch(/^\/media\/[0-9a-f]{12}-\d+\.(avif|webp|jpg|png)$/);
          expect(url).toContain(`-${width.slice(0, -1)}.`);
        }
      }
    }
    expect(entries(lead.querySelector("img")!.getAttribute("srcset")).map(([, w]) => w)).toEqual(["320w", "640w", "1200w"]);
    const chart = pictures[1].querySelector("img")!;
    // 500 wide: 320 fits, 640 and 1200 would be upscaled, so the original width stands in.
    expect(entries(chart.getAttribute("srcset")).map(([, w]) => w)).toEqual(["320w", "500w"]);
    expect([chart.getAttribute("width"), chart.getAttribute("height"), chart.getAttribute("loading"), chart.getAttribute("decoding")]).toEqual(["500", "250", "lazy", "async"]);
  });

  it("encodes variants of the right size", async () => {
    const img = readPage(out, "/2023/02/18/harbour-plan/").querySelectorAll("picture")[0].querySelector("img")!;
    const meta = await sharp(join(out, img.getAttribute("src")!)).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1200, 675, "jpeg"]);
  });

  it("gives decorative images an empty alt, and leaves remote images as they are", () => {
    const page = readPage(out, "/2023/02/18/harbour-plan/");
    expect(page.querySelectorAll("picture")[2].querySelector("img")!.getAttribute("alt")).toBe("");
    expect(page.toString()).not.toContain('title="decorative"');
    expect(page.querySelector('img[src="https://images.example.org/a.jpg"]')?.getAttribute("alt")).toBe("A remote photo");
  });

  it("uses the 1200 variant's absolute URL for og:image and the JSON-LD image", () => {
    const page = readPage(out, "/2023/02/18/harbour-plan/");
    const og = page.querySelector('meta[property="og:image"]')?.getAttribute("content");
    expect(og).toMatch(/^https:\/\/tribune\.example\.org\/media\/[0-9a-f]{12}-1200\.jpg$/);
    const ld = page.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
    expect(ld.find((d) => d["@type"] === "NewsArticle").image.url).toBe(og);
    // An original narrower than 1,200 pixels previews at its own width.
    const small = readPage(out, "/2023/02/17/small/").querySelector('meta[property="og:image"]')?.getAttribute("content");
    expect(small).toMatch(/-300\.jpg$/);
  });

  it("gives feeds the body's images as absolute URLs of variants that exist", () => {
    const feed = JSON.parse(readFileSync(join(out, "feed.json"), "utf8")) as { items: { url: string; content_html: string; image?: string }[] };
    const item = feed.items.find((i) => i.url.endsWith("/2023/02/18/harbour-plan/"))!;
    const srcs = [...item.content_html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs.filter((src) => src.includes("/media/")).length).toBe(2);
    for (const src of srcs.filter((s) => s.includes("/media/"))) {
      expect(src).toMatch(/^https:\/\/tribune\.example\.org\/media\/[0-9a-f]{12}-500\.png$/);
      expect(existsSync(join(out, new URL(src).pathname))).toBe(true);
    }
    expect(item.content_html).not.toContain("chart.png");
    expect(item.image).toMatch(/-1200\.jpg$/);
  });

  it("shows lead images small on teasers", () => {
    const teaser = readPage(out, "/politics/").querySelector(".teaser picture img.teaser__image")!;
    expect(teaser.getAttribute("sizes")).toBe("8rem");
    expect(teaser.getAttribute("loading")).toBe("lazy");
  });

  it("encodes each variant once, and a warm rebuild after a text edit encodes nothing", async () => {
    expect(report.media).toMatchObject({ images: 3, encoded: report.media!.variants, fromCache: 0, staticFiles: 2 });
    const file = join(content, "2023/small.md");
    writeFileSync(file, readFileSync(file, "utf8") + "\nA new paragraph.\n");
    const warm = await buildSite({ content, out, cache });
    expect(warm.report.cold).toBe(false);
    expect(warm.report.media).toMatchObject({ encoded: 0, kept: report.media!.variants });
    expect(readFileSync(join(out, "2023/02/17/small/index.html"), "utf8")).toContain("A new paragraph.");
    // A cold build into another folder takes every variant from the media cache.
    const other = await buildSite({ content, out: tempOut(), cache });
    expect(other.report.media).toMatchObject({ encoded: 0, fromCache: report.media!.variants });
  });

  it("prepares an unchanged article again when its image changed", async () => {
    const before = readPage(out, "/2023/02/17/small/").querySelector('meta[property="og:image"]')?.getAttribute("content");
    writeFileSync(join(content, "2023/photos/small.jpg"), await jpeg(300, 200, "#933"));
    const warm = await buildSite({ content, out, cache });
    expect(warm.report.media?.encoded).toBeGreaterThan(0);
    const after = readPage(out, "/2023/02/17/small/").querySelector('meta[property="og:image"]')?.getAttribute("content");
    expect(after).not.toBe(before);
    expect(existsSync(join(out, new URL(after!).pathname))).toBe(true);
  });
});

describe("media errors", () => {
  it.each([
    ["a missing body image", { "b.md": article(base("B"), "Text.\n\n![A map](map.png)\n") }, "b.md", 8, "image-missing"],
    ["a missing lead image", { "b.md": article([...base("B"), "image:", "  alt: A map", "  src: nowhere/map.jpg"]) }, "b.md", 7, "image-missing"],
    ["a body image without alt", { "b.md": article(base("B"), "![](https://example.org/a.jpg)\n") }, "b.md", 6, "image-alt-missing"],
    ["a text file named as an image", { "b.md": article(base("B"), "![A map](map.png)\n"), "map.png": "<html>no</html>" }, "b.md", 6, "image-unreadable"],
  ])("%s is an error with file and line, and the previous site stays intact", async (_name, extra, file, line, code) => {
    const content = fixtureArchive({ "a.md": article(base("Fine")) });
    const out = tempOut();
    expect((await buildSite({ content, out, cache: false })).ok).toBe(true);
    const before = hashTree(out);
    for (const [path, text] of Object.entries(extra)) writeFileSync(join(content, path), text);
    const result = await buildSite({ content, out, cache: false });
    expect(result.ok).toBe(false);
    expect(result.issues.find((i) => i.code === code)).toMatchObject({ file, line });
    expect(hashTree(out)).toEqual(before);
  });

  it("a damaged image whose header looks right is an error naming the article, never a crash", async () => {
    const good = await jpeg(400, 300);
    const content = fixtureArchive({ "a.md": article([...base("A"), "image:", "  src: a.jpg", "  alt: A photo"]), "a.jpg": good.subarray(0, 400) });
    const result = await buildSite({ content, out: tempOut(), cache: false });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.file])).toEqual([["image-unreadable", "a.md"]]);
  });

  it("a static file colliding with a generated page names both, and the previous site stays intact", async () => {
    const content = fixtureArchive({ "a.md": article(base("Fine")) });
    const out = tempOut();
    expect((await buildSite({ content, out, cache: false })).ok).toBe(true);
    const before = hashTree(out);
    mkdirSync(join(content, "static"));
    writeFileSync(join(content, "static/feed.xml"), "<feed/>");
    const result = await buildSite({ content, out, cache: false });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.file, i.message])).toEqual([["static-collision", "static/feed.xml", "static/feed.xml would replace the generated /feed.xml."]]);
    expect(hashTree(out)).toEqual(before);
  });
});

describe("the theme", () => {
  it("puts the logo in the masthead with the site's title as alt, the accent in both schemes, the stylesheet after ours, the footer on every page", async () => {
    const theme = `theme:\n  logo: logo.png\n  accent:\n    light: "#1d4e89"\n    dark: "#9cc2ff"\n  stylesheet: css/newsroom.css\n  footer: "Tribune Media, 1 Quay Street · [Imprint](/imprint/)"\n`;
    const content = fixtureArchive({
      "site.yml": SITE_YML + theme,
      "a.md": article(base("A")),
      "static/logo.png": await png(240, 60),
      "static/css/newsroom.css": ".masthead { border: 0; }\n",
    });
    const out = tempOut();
    const result = await buildSite({ content, out, cache: false });
    expect(result.issues).toEqual([]);
    for (const url of ["/", "/2023/02/18/a/", "/politics/"]) {
      const page = readPage(out, url);
      const logo = page.querySelector(".masthead__title img")!;
      expect([logo.getAttribute("src"), logo.getAttribute("alt"), logo.getAttribute("width"), logo.getAttribute("height")]).toEqual(["/logo.png", "The Test Tribune", "240", "60"]);
      const sheets = page.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute("href")!);
      expect(sheets.length).toBe(3);
      expect(sheets[0]).toMatch(/^\/assets\/gazette\./);
      expect(sheets[2]).toBe("/css/newsroom.css");
      const themeCss = readFileSync(join(out, sheets[1]), "utf8");
      expect(themeCss).toContain("--accent: #1d4e89");
      expect(themeCss).toMatch(/prefers-color-scheme: dark\) \{ :root \{ --accent: #9cc2ff/);
      expect(page.querySelector(".colophon__theme a")?.getAttribute("href")).toBe("/imprint/");
      // No favicon in static/: the generated icon.
      expect(page.querySelector('link[rel="icon"]')?.getAttribute("href")).toMatch(/^data:image\/svg\+xml,/);
    }
  });

  it("a logo missing from static/ is an error at its line in site.yml", async () => {
    const content = fixtureArchive({ "site.yml": `${SITE_YML}theme:\n  logo: logo.svg\n`, "a.md": article(base("A")) });
    const result = await buildSite({ content, out: tempOut(), cache: false });
    expect(result.issues.map((i) => [i.code, i.file, i.line])).toEqual([["theme-invalid", "site.yml", 16]]);
  });
});
