/**
 * What a full build leaves for the quick rebuild of a headline edit (quick-listings.ts): every
 * listing page's data (listing-store.ts) and, for every article, its record and what shows it
 * elsewhere (record-store.ts). Both are stamped with the output digest the build leaves and
 * written before its pages are put in place, like the signatures.
 *
 * A full build writes them only when it follows a headline edit that found none (the quick
 * rebuild says so in its handover): at 100,000 articles they take several seconds, which every
 * build for a new article would otherwise pay for the sake of the rarer archive headline edit.
 * A quick rebuild keeps them current, so a run of headline edits is quick after the first.
 * Any other full build removes them (they would describe another build's pages).
 */
import { rmSync } from "node:fs";
import type { ArticleNav } from "../navigation/article-nav.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import type { Archive, ArticleSummary } from "../model.ts";
import { signature } from "../syndication/unit-signatures.ts";
import type { CacheEntry } from "./build-cache.ts";
import { removeListingStore, saveListingStore } from "./listing-store.ts";
import { filesShown, packPage } from "./page-data.ts";
import { recordStoreFile, saveRecordStore, type RecordRow } from "./record-store.ts";

/** What the stores are made from. */
export interface HeadlineStoresInput {
  manifestFile: string;
  digest: string;
  previousDigest: string | undefined;
  archive: Archive;
  listings: readonly ListingPage[];
  /** The navigation of every article page, in the order of the archive's articles. */
  nav: readonly ArticleNav[];
  /** The manifest's entries, in its order of files. */
  entries: Record<string, CacheEntry>;
  /** The articles a syndication file shows (syndicatedArticles). */
  syndicated: ReadonlySet<ArticleSummary>;
  /** True for a listing page whose signature changed or that is new. */
  changed(url: string): boolean;
  /** Listing URLs the previous build had and this one has not. */
  gone: readonly string[];
}

/**
 * Saves both stores. Never throws: without them the next headline edit goes the full way.
 * @example saveHeadlineStores({ manifestFile, digest, previousDigest, archive, listings, nav, entries, syndicated, changed, gone })
 */
export function saveHeadlineStores(input: HeadlineStoresInput): void {
  try {
    saveStores(input);
  } catch {
    // As above: a store left unstamped or half-written is not trusted.
  }
}

/**
 * Removes both stores of the build whose manifest is `manifestFile`, if any. Never throws: a
 * store left behind is stamped with another build's digest and not trusted.
 * @example removeHeadlineStores(".gazette/cache/build-1a2b.json")
 */
export function removeHeadlineStores(manifestFile: string): void {
  try {
    rmSync(recordStoreFile(manifestFile), { force: true });
    removeListingStore(manifestFile);
  } catch {
    // As above.
  }
}

function saveStores(input: HeadlineStoresInput): void {
  const { archive } = input;
  const fileOf = new Map<object, string>();
  for (const article of [...archive.articles, ...(archive.withdrawn ?? [])]) fileOf.set(article, article.file);
  const known = (value: object) => fileOf.get(value);
  const shownOn = new Map<string, string[]>();
  const byUrl = new Map<string, ListingPage>();
  for (const page of input.listings) {
    byUrl.set(page.url, page);
    for (const file of filesShown(page, known)) {
      const pages = shownOn.get(file);
      if (pages) pages.push(page.url);
      else shownOn.set(file, [page.url]);
    }
  }
  saveListingStore({
    manifestFile: input.manifestFile,
    digest: input.digest,
    previousDigest: input.previousDigest,
    urls: input.listings.map((page) => page.url),
    text: (url) => packPage(byUrl.get(url)!, known),
    changed: input.changed,
    gone: input.gone,
  });

  const listedAt = new Map(archive.articles.map((article, i) => [article.file, i]));
  // Who links whom, by index into the archive's articles: 700,000 links at 100,000 articles.
  const indexByUrl = new Map(archive.articles.map((article, i) => [article.url, i]));
  const linkedBy: number[][] = [];
  input.nav.forEach((nav, from) => {
    const add = (url: string | undefined) => {
      const target = url === undefined ? undefined : indexByUrl.get(url);
      if (target === undefined) return;
      const by = (linkedBy[target] ??= []);
      if (by[by.length - 1] !== from) by.push(from);
    };
    add(nav.previous?.url);
    add(nav.next?.url);
    for (const link of nav.related) add(link.url);
  });
  const shownBy = (file: string): string[] => {
    const at = listedAt.get(file);
    const by = at === undefined ? undefined : linkedBy[at];
    return by ? [...new Set(by)].map((i) => archive.articles[i].file) : [];
  };
  const syndicated = new Set([...input.syndicated].map((article) => article.file));
  const files = Object.keys(input.entries);
  const rows = files.map((file): RecordRow | undefined => {
    const { record, recordSignature } = input.entries[file];
    if (!record) return undefined;
    return {
      record,
      signature: recordSignature ?? signature(record),
      listed: listedAt.has(file),
      shownOn: shownOn.get(file) ?? [],
      shownBy: shownBy(file),
      syndicated: syndicated.has(file),
    };
  });
  saveRecordStore(recordStoreFile(input.manifestFile), input.digest, files, rows, input.previousDigest);
}
