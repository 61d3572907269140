/**
 * The listing pages of a quick rebuild (quick-rebuild.ts) when an article's headline or summary
 * alone changed: the article stays where it was on every page (its date, section, tags,
 * authors and URL are the same), so the pages that show it are those the last full build
 * listed for it (record-store.ts), with the same data but its teaser (listing-store.ts). They
 * are rendered again from that data, every other teaser from the record the last build
 * indexed, and the article pages whose navigation links it are named for the caller to render
 * again with its new headline.
 *
 * Before it renders a page, it proves the page's stored data is what the last build rendered:
 * restored with the old record, the page's signature must be the one the last build saved for
 * it (listing-signatures.ts); any doubt sends the build the full way (NO_STORES: the full build
 * then writes the stores, so that the next headline edit is quick). So
 * does an article a feed or the News sitemap carries (their files are written from the index),
 * one with aliases (its redirect pages carry its headline), and one not published in this build.
 */
import { createRenderContext } from "../../layouts/context.ts";
import { renderListingPage } from "../../layouts/render-page.ts";
import { fromRecord, type ArticleRecord } from "../archive/article-record.ts";
import { outputPathFor } from "../archive/permalinks.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import type { ArticleNav, NavLink } from "../navigation/article-nav.ts";
import type { ArticleSummary, Section, SiteConfig } from "../model.ts";
import { trustedSignatures } from "../syndication/unit-signatures.ts";
import { dataDigest, type DigestMemo } from "./data-digest.ts";
import { listingSignaturesFile, summaryIdentity } from "./listing-signatures.ts";
import { readListingStore } from "./listing-store.ts";
import { unpackPage } from "./page-data.ts";
import { openRecordStore, recordStoreFile, type RecordRow, type RecordStore } from "./record-store.ts";

/** The fields a headline edit may change: what teasers and navigation links show, nothing that places the article. */
const TEASER_FIELDS = new Set(["title", "summary"]);

/**
 * True when two records of one file differ in their headline or summary and nothing else.
 * @example teaserOnly({ ...record, title: "Old" }, { ...record, title: "New" }) // true
 * @example teaserOnly(record, { ...record, tags: ["floods"] }) // false
 */
export function teaserOnly(before: ArticleRecord, now: ArticleRecord): boolean {
  const rest = (record: ArticleRecord) => JSON.stringify(Object.entries(record).filter(([key]) => !TEASER_FIELDS.has(key)));
  return rest(before) === rest(now) && (before.title !== now.title || before.summary !== now.summary);
}

/** An article whose headline or summary changed: its position among the manifest's files and its new record and digest. */
export interface HeadlineEdit {
  file: string;
  position: number;
  record: ArticleRecord;
  signature: string;
}

/** What the pages are rendered with. */
export interface QuickListingsInput {
  manifestFile: string;
  /** The output digest of the build in place. */
  digest: string;
  /** The manifest's files, in its order (positions in the record store). */
  files: readonly string[];
  key: string;
  site: SiteConfig;
  sections: ReadonlyMap<string, Section>;
  stylesheetUrl: string;
  edits: readonly HeadlineEdit[];
}

/** The listing pages written again, and what else the edit changes. */
export interface ListingRewrite {
  files: { path: string; text: string }[];
  /** Each rendered page's new signature, by URL. */
  signatures: Record<string, string>;
  /** The other articles whose pages link an edited one, by file. */
  neighbours: string[];
  /** Each edited article's new headline, by URL, for the navigation links of the pages that show it. */
  titles: Map<string, string>;
  /** The record store, open, and the rows to change in it once the pages are written. */
  store: RecordStore;
  rows: Map<number, RecordRow>;
}

/** What quickListings gives when the stores are not the last build's (absent, another build's, or short of a page or a row). */
export const NO_STORES = "no stores";

/**
 * The listing pages to write again; NO_STORES when the stores the last build left cannot serve
 * (the full build then writes them, for the next headline edits); undefined when the edit must
 * go the full way whatever the stores (see the module comment).
 * @example quickListings({ manifestFile, digest, files, key, site, sections, stylesheetUrl, edits })?.files.length // 10
 */
export function quickListings(input: QuickListingsInput): ListingRewrite | typeof NO_STORES | undefined {
  const store = openRecordStore(recordStoreFile(input.manifestFile), input.digest, input.files.length);
  if (!store) return NO_STORES;
  try {
    const rewrite = rewriteListings(input, store);
    if (typeof rewrite !== "object") store.close();
    return rewrite;
  } catch (error) {
    store.close();
    throw error;
  }
}

function rewriteListings(input: QuickListingsInput, store: RecordStore): ListingRewrite | typeof NO_STORES | undefined {
  const position = new Map(input.files.map((file, i) => [file, i]));
  const rowOf = (file: string): RecordRow | undefined => {
    const at = position.get(file);
    const row = at === undefined ? undefined : store.row(at);
    return row?.record.file === file ? row : undefined;
  };
  const urls = new Set<string>();
  const neighbours = new Set<string>();
  const rows = new Map<number, RecordRow>();
  const edited = new Map<string, HeadlineEdit>();
  for (const edit of input.edits) {
    const row = rowOf(edit.file);
    if (!row) return NO_STORES;
    if (!row.listed || row.syndicated || edit.record.aliases?.length) return undefined;
    if (!teaserOnly(row.record, edit.record)) return undefined;
    for (const url of row.shownOn) urls.add(url);
    for (const file of row.shownBy) neighbours.add(file);
    rows.set(edit.position, { ...row, record: edit.record, signature: edit.signature });
    edited.set(edit.file, edit);
  }
  for (const file of edited.keys()) neighbours.delete(file);
  const texts = readListingStore(input.manifestFile, input.digest, urls);
  const trusted = trustedSignatures(listingSignaturesFile(input.manifestFile), input.digest);
  if (!texts || [...urls].some((url) => !Object.hasOwn(trusted, url))) return NO_STORES;

  const rowsRead = new Map<string, RecordRow | undefined>();
  const readRow = (file: string) => {
    if (!rowsRead.has(file)) rowsRead.set(file, rowOf(file));
    return rowsRead.get(file);
  };
  const base = dataDigest([input.key, input.site, input.stylesheetUrl]);
  // One pass with the records the last build indexed, one with the edited ones.
  const pass = (recordOf: (file: string) => { record: ArticleRecord; signature: string } | undefined) => {
    const summaries = new Map<string, ArticleSummary>();
    const articleOf = (file: string): ArticleSummary => {
      let summary = summaries.get(file);
      if (!summary) {
        const known = recordOf(file);
        if (!known) throw new MissingRecord(file);
        summaries.set(file, (summary = fromRecord(known.record, input.site.timeZone)));
      }
      return summary;
    };
    const identify = summaryIdentity((file) => {
      const known = recordOf(file);
      return known && { record: known.record, recordSignature: known.signature };
    });
    const memo: DigestMemo = new WeakMap();
    return (url: string) => {
      const page = unpackPage<ListingPage>(texts.get(url)!, articleOf);
      return { page, signature: dataDigest([base, page], memo, identify) };
    };
  };
  try {
    const before = pass((file) => readRow(file));
    for (const url of urls) if (before(url).signature !== trusted[url]) return NO_STORES;
    const after = pass((file) => edited.get(file) ?? readRow(file));
    const ctx = createRenderContext(input.site, input.sections, input.stylesheetUrl);
    const rewrite: ListingRewrite = { files: [], signatures: {}, neighbours: [...neighbours], titles: new Map(), store, rows };
    for (const url of urls) {
      const { page, signature } = after(url);
      rewrite.files.push({ path: outputPathFor(url), text: renderListingPage(ctx, page) });
      rewrite.signatures[url] = signature;
    }
    for (const edit of edited.values()) rewrite.titles.set(edit.record.url, edit.record.title);
    return rewrite;
  } catch (error) {
    if (error instanceof MissingRecord) return NO_STORES;
    throw error;
  }
}

/** A page names an article the record store does not have: the store is not this build's. */
class MissingRecord extends Error {}

/**
 * The navigation with each link to an article of `titles` showing its new headline (each link keeps its place and its other fields).
 * @example retitled({ related: [{ url: "/a/", title: "Old", date: 0 }] }, new Map([["/a/", "New"]])).related[0].title // "New"
 */
export function retitled(nav: ArticleNav, titles: ReadonlyMap<string, string>): ArticleNav {
  const link = (value: NavLink | undefined) => (value && titles.has(value.url) ? { ...value, title: titles.get(value.url)! } : value);
  const result: ArticleNav = { ...nav, related: nav.related.map((value) => link(value)!) };
  if (nav.previous) result.previous = link(nav.previous);
  if (nav.next) result.next = link(nav.next);
  return result;
}
