/**
 * Which listing pages a warm build may leave alone. A listing page is written from its own
 * data (the ListingPage Eleventy paginates) and from what every page shares: the build key
 * (generator code, options, site.yml, stylesheet), the site settings as loaded and the
 * stylesheet's URL. Its signature is a digest of those; a page whose signature is the one the
 * output folder's copy was written with, and whose file is still there, is neither rendered
 * nor written again. Any doubt — no trusted signatures, a file deleted by hand — renders it.
 * The teasers on a page count by what fixes them (`identify`: the article's file, URL, content
 * hash and images), which keeps the digest of every listing page of the archive cheap.
 */
import type { ListingPage } from "../archive/site-pages.ts";
import { dataDigest, type DigestMemo, type Identify } from "./data-digest.ts";

/** The listing pages to render, and every page's signature for the next build. */
export interface ListingSelection {
  render: ListingPage[];
  signatures: Record<string, string>;
}

/**
 * Splits `listings` into those to render and those left as they are.
 * @example changedListings(pages, [key, site, cssUrl], previous, (url) => existsSync(join(out, outputPathFor(url)))).render.length // 3
 */
export function changedListings(
  listings: readonly ListingPage[],
  shared: unknown,
  previous: Readonly<Record<string, string>>,
  present: (url: string) => boolean,
  identify?: Identify,
): ListingSelection {
  const base = dataDigest(shared);
  const memo: DigestMemo = new WeakMap();
  const signatures: Record<string, string> = {};
  const render: ListingPage[] = [];
  for (const page of listings) {
    const own = dataDigest([base, page], memo, identify);
    signatures[page.url] = own;
    if (previous[page.url] !== own || !present(page.url)) render.push(page);
  }
  return { render, signatures };
}

/**
 * Where the listing signatures of the build whose manifest is `manifestFile` live.
 * @example listingSignaturesFile(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.listings.json"
 */
export function listingSignaturesFile(manifestFile: string): string {
  return `${manifestFile.replace(/\.json$/, "")}.listings.json`;
}
