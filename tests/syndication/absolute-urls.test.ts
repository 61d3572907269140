import { describe, expect, it } from "vitest";
import { absoluteSource, absoluteUrls } from "../../src/syndication/absolute-urls.ts";

const BASE = "https://x.org/archive/2023/02/18/a/";

describe("absoluteUrls", () => {
  it.each([
    ["site-relative link", '<a href="/archive/politics/">P</a>', '<a href="https://x.org/archive/politics/">P</a>'],
    ["page-relative image", '<img src="map.png" alt="">', '<img src="https://x.org/archive/2023/02/18/a/map.png" alt="">'],
    ["parent path", '<a href="../b/">B</a>', '<a href="https://x.org/archive/2023/02/18/b/">B</a>'],
    ["fragment", '<a href="#c">C</a>', '<a href="https://x.org/archive/2023/02/18/a/#c">C</a>'],
    ["escaped query kept escaped", '<a href="?a=1&amp;b=2">Q</a>', '<a href="https://x.org/archive/2023/02/18/a/?a=1&amp;b=2">Q</a>'],
    ["absolute URL untouched", '<a href="https://y.org/z">Z</a>', '<a href="https://y.org/z">Z</a>'],
    ["mailto untouched", '<a href="mailto:a@x.org">M</a>', '<a href="mailto:a@x.org">M</a>'],
    ["text that looks like an attribute untouched", "<p>href=&quot;/x&quot;</p>", "<p>href=&quot;/x&quot;</p>"],
  ])("%s", (_, input, expected) => {
    expect(absoluteUrls(input, BASE)).toBe(expected);
  });
});

describe("absoluteSource", () => {
  it.each([
    ["/media/a.jpg", "https://x.org/archive/media/a.jpg"],
    ["https://cdn.example/a.jpg", "https://cdn.example/a.jpg"],
  ])("%s", (src, expected) => {
    expect(absoluteSource(src, (u) => `https://x.org/archive${u}`)).toBe(expected);
  });
});
