/**
 * Images and the publisher: site.yml's `publisher` and `image`, an article's `image`; every
 * problem located at its line with its code.
 */
import { describe, expect, it } from "vitest";
import { readSiteConfig } from "../../src/content/site-config.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { buildSectionTree } from "../../src/archive/sections.ts";

const SITE = "title: T\nurl: https://x.org\nsections:\n  - id: politics\n    title: Politics\n";
const context = { site: { timeZone: "UTC" }, sections: buildSectionTree([{ id: "politics", title: "Politics" }]) };
const articleWith = (...lines: string[]) => `---\ntitle: T\ndate: 2023-02-18\nsection: politics\n${lines.join("\n")}\n---\nBody.\n`;

describe("site.yml publisher and image", () => {
  it("reads them when valid", () => {
    const { site, issues } = readSiteConfig(`${SITE}publisher:\n  name: T Media\n  logo: /logo.png\n  url: https://media.x.org\nimage:\n  src: https://cdn.x.org/card.jpg\n  alt: The masthead\n`);
    expect(issues).toEqual([]);
    expect(site?.publisher).toEqual({ name: "T Media", logo: "/logo.png", url: "https://media.x.org" });
    expect(site?.image).toEqual({ src: "https://cdn.x.org/card.jpg", alt: "The masthead" });
  });

  it.each([
    ["a publisher without a name", "publisher:\n  logo: /logo.png\n", "site-field-invalid", 6],
    ["a publisher logo that is not a URL", "publisher:\n  name: T\n  logo: 'javascript:x'\n", "site-field-invalid", 8],
    ["a publisher that is text", "publisher: T Media\n", "site-field-invalid", 6],
    ["a default image without alt", "image:\n  src: /card.jpg\n", "image-alt-missing", 6],
    ["a default image without src", "image:\n  alt: A card\n", "image-invalid", 6],
  ])("refuses %s, at its line", (_, yaml, code, line) => {
    const { site, issues } = readSiteConfig(`${SITE}${yaml}`);
    expect(site).toBeUndefined();
    expect(issues.map((i) => [i.code, i.line])).toEqual([[code, line]]);
  });
});

describe("an article's image", () => {
  it("is carried with its caption and credit", () => {
    const { article, issues } = validateArticle("a.md", articleWith("image:", "  src: /m/a.jpg", "  alt: A boat", "  caption: At dawn", "  credit: Tribune"), context);
    expect(issues).toEqual([]);
    expect(article?.image).toEqual({ src: "/m/a.jpg", alt: "A boat", caption: "At dawn", credit: "Tribune" });
  });

  it.each([
    ["no alt", ["image:", "  src: /m/a.jpg"], "image-alt-missing", 5],
    ["an empty alt", ["image:", "  src: /m/a.jpg", '  alt: "  "'], "image-alt-missing", 7],
    ["a src with a script URL", ["image:", "  src: 'javascript:alert(1)'", "  alt: A"], "image-invalid", 6],
    ["a caption that is a list", ["image:", "  src: /m/a.jpg", "  alt: A", "  caption: [a]"], "image-invalid", 8],
    ["an image that is text", ["image: /m/a.jpg"], "image-invalid", 5],
  ])("refuses %s, at its line", (_, lines, code, line) => {
    const { article, issues } = validateArticle("a.md", articleWith(...lines), context);
    expect(article).toBeUndefined();
    expect(issues.map((i) => [i.code, i.line])).toEqual([[code, line]]);
  });
});
