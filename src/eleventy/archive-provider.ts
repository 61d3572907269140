/**
 * Where the Eleventy plugin gets its data from. The CLI prepares and validates the archive
 * before Eleventy starts (so a bad archive never touches the output) and provides it here;
 * the dev server instead runs the article stage on every rebuild, into Eleventy's output.
 */
import type { ContentIssue } from "../issues/content-issue.ts";
import type { Archive } from "../model.ts";
import type { ListingPage } from "../archive/site-pages.ts";
import type { Stylesheet } from "../render/stylesheet.ts";

/** An archive whose article pages are written, ready for its listing pages. */
export interface PreparedSite {
  archive: Archive;
  /** The archive's listing pages, for Eleventy to render. */
  listings: ListingPage[];
  /** Warnings only: a prepared site has no errors. */
  issues: ContentIssue[];
  stylesheet: Stylesheet;
}

/** Produces the prepared site for one Eleventy build. */
export type ArchiveProvider = () => Promise<PreparedSite>;

// Kept on globalThis, not in a module variable: Eleventy imports .eleventy.ts (and through it
// this file) with its own loader, and a test runner may load a second copy of this module.
// A registered symbol is the one slot every copy in the process shares.
const SLOT = Symbol.for("gazette.archiveProvider");
type Slot = { [SLOT]?: ArchiveProvider };

/** Sets (or with `undefined`, clears) what the next Eleventy builds in this process render. */
export function provideArchive(next: ArchiveProvider | undefined): void {
  (globalThis as Slot)[SLOT] = next;
}

/** The provider in force, if any. */
export function providedArchive(): ArchiveProvider | undefined {
  return (globalThis as Slot)[SLOT];
}

/** Thrown when the content has errors; its message is the full report. */
export class ContentError extends Error {
  constructor(report: string) {
    super(report);
    this.name = "ContentError";
  }
}
