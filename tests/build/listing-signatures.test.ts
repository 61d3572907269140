import { describe, expect, it } from "vitest";
import type { ListingPage } from "../../src/archive/site-pages.ts";
import type { ArticleRecord } from "../../src/archive/article-record.ts";
import { signature } from "../../src/syndication/unit-signatures.ts";
import { changedListings, listingSignaturesFile, summaryIdentity } from "../../src/build/listing-signatures.ts";

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

describe("summaryIdentity", () => {
  const record = { file: "2023/a.md", url: "/2023/01/02/a/", title: "A", sectionId: "world" } as unknown as ArticleRecord;
  const identify = summaryIdentity((file) => (file === record.file ? { record } : undefined));
  it.each<[string, object, "identity" | undefined]>([
    ["a summary whose record is known", { file: "2023/a.md", url: "/2023/01/02/a/", sectionId: "world", title: "A" }, "identity"],
    ["a summary of an unknown file", { file: "2023/b.md", url: "/2023/01/02/b/", sectionId: "world" }, undefined],
    ["a summary whose URL is not its record's", { file: "2023/a.md", url: "/elsewhere/", sectionId: "world" }, undefined],
    ["an object that is no summary", { file: "2023/a.md", url: "/2023/01/02/a/" }, undefined],
  ])("%s", (_, value, expected) => {
    const identity = identify(value);
    if (expected === undefined) expect(identity).toBeUndefined();
    else expect(identity).toBe(signature(record));
  });

  it("differs between two articles whose records differ in their file alone", () => {
    const twin = { ...record, file: "2023/b.md" } as ArticleRecord;
    const both = summaryIdentity((file) => ({ record: file === twin.file ? twin : record }));
    expect(both({ file: "2023/a.md", url: record.url, sectionId: "world" })).not.toBe(both({ file: "2023/b.md", url: record.url, sectionId: "world" }));
  });

  it("changes with the record, not with anything else the summary object holds", () => {
    const other = summaryIdentity(() => ({ record: { ...record, title: "B" } as ArticleRecord }));
    const summary = { file: "2023/a.md", url: "/2023/01/02/a/", sectionId: "world" };
    expect(other(summary)).not.toBe(identify(summary));
    expect(identify({ ...summary, title: "Anything" })).toBe(identify(summary));
  });

  it("takes the record's digest its entry keeps, the one it would make", () => {
    const made = identify({ file: "2023/a.md", url: "/2023/01/02/a/", sectionId: "world" })!;
    const kept = summaryIdentity(() => ({ record, recordSignature: signature(record) }));
    expect(kept({ file: "2023/a.md", url: "/2023/01/02/a/", sectionId: "world" })).toBe(made);
  });
});
