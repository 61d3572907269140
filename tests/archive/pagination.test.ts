import { describe, expect, it } from "vitest";
import { paginate } from "../../src/archive/pagination.ts";

const url = (n: number) => (n === 1 ? "/s/" : `/s/page/${n}/`);

describe("paginate", () => {
  it.each([
    [0, 30, [0]],
    [1, 30, [1]],
    [30, 30, [30]],
    [31, 30, [30, 1]],
    [60, 30, [30, 30]],
    [61, 30, [30, 30, 1]],
    [5, 2, [2, 2, 1]],
  ])("%i items by %i → pages of %j", (count, size, sizes) => {
    const pages = paginate(Array.from({ length: count }, (_, i) => i), size, url);
    expect(pages.map((p) => p.items.length)).toEqual(sizes);
    expect(pages.every((p) => p.total === sizes.length)).toBe(true);
  });

  it("links neighbours", () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, url);
    expect(pages.map((p) => [p.url, p.previousUrl, p.nextUrl])).toEqual([
      ["/s/", undefined, "/s/page/2/"],
      ["/s/page/2/", "/s/", "/s/page/3/"],
      ["/s/page/3/", "/s/page/2/", undefined],
    ]);
    expect(pages[2].items).toEqual([5]);
  });
});
