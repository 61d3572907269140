import { describe, expect, it } from "vitest";
import type { ListingPage } from "../../src/archive/site-pages.ts";
import { changedListings, listingSignaturesFile } from "../../src/build/listing-signatures.ts";

const notFound: ListingPage = { kind: "not-found", url: "/404.html" };
const search = { kind: "search", url: "/search/" } as unknown as ListingPage;
const pages = [notFound, search];
const first = changedListings(pages, ["key", { title: "T" }], {}, () => true);

describe("changedListings", () => {
  it.each([
    { name: "no previous signatures: every page", previous: {}, shared: ["key", { title: "T" }], present: () => true, render: ["/404.html", "/search/"] },
    { name: "the same signatures: none", previous: first.signatures, shared: ["key", { title: "T" }], present: () => true, render: [] },
    { name: "shared data changed (site settings): every page", previous: first.signatures, shared: ["key", { title: "U" }], present: () => true, render: ["/404.html", "/search/"] },
    { name: "a page's file is missing: that page", previous: first.signatures, shared: ["key", { title: "T" }], present: (url: string) => url !== "/search/", render: ["/search/"] },
    { name: "one signature differs: that page", previous: { ...first.signatures, "/404.html": "0" }, shared: ["key", { title: "T" }], present: () => true, render: ["/404.html"] },
  ])("$name", ({ previous, shared, present, render }) => {
    const selection = changedListings(pages, shared, previous, present);
    expect(selection.render.map((p) => p.url)).toEqual(render);
    expect(Object.keys(selection.signatures)).toEqual(["/404.html", "/search/"]);
  });

  it("gives a page a new signature when its own data changes", () => {
    const moved = changedListings([{ ...notFound }, { ...(search as object), extra: 1 } as unknown as ListingPage], ["key", { title: "T" }], first.signatures, () => true);
    expect(moved.render.map((p) => p.url)).toEqual(["/search/"]);
  });

  it("keeps the signatures beside the manifest", () => {
    expect(listingSignaturesFile(".gazette/cache/build-1a2b.json")).toBe(".gazette/cache/build-1a2b.listings.json");
  });
});
