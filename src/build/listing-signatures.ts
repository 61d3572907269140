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
import type { CacheEntry } from "./build-cache.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import type { ArticleSummary } from "../model.ts";
import { signature } from "../syndication/unit-signatures.ts";
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

/**
 * How a teaser counts in a listing signature: an article's summary is made from its record
 * (plain data: what its front matter says, its file, its URL, its images) and the site settings
 * (in the build key), so the record's digest stands for it, and a body edit that leaves the
 * record alone changes no listing page. The digest is the one the entry keeps (made on the
 * worker that read the file), or made here for an entry without one; the record holds its file,
 * so the digest alone names the article. Other objects, and a summary whose record is unknown or
 * has another URL, are left to be serialised.
 * @example summaryIdentity((file) => manifest.files[file])(summary) // "5b1f…" (40 hex digits)
 */
export function summaryIdentity(entryOf: (file: string) => Pick<CacheEntry, "record" | "recordSignature"> | undefined): Identify {
  return (value) => {
    const summary = value as Partial<ArticleSummary>;
    if (typeof summary.file !== "string" || typeof summary.url !== "string" || !("sectionId" in summary)) return undefined;
    const entry = entryOf(summary.file);
    const record = entry?.record;
    if (!record || record.url !== summary.url || record.file !== summary.file) return undefined;
    return entry.recordSignature ?? signature(record);
  };
}
