/**
 * Where the Eleventy plugin gets its archive from. The CLI loads and validates the archive
 * before Eleventy starts (so a bad archive never touches the output) and provides it here;
 * a plain `eleventy` run or the dev server loads it from disk on every build instead.
 */
import { formatIssue, hasErrors } from "../issues/content-issue.ts";
import { loadArchive } from "../load-archive.ts";
import type { Archive } from "../model.ts";

/** Produces the archive for one build. */
export type ArchiveProvider = () => Promise<Archive>;

// Kept on globalThis, not in a module variable: Eleventy imports .eleventy.ts (and through it
// this file) with its own loader, and a test runner may load a second copy of this module.
// A registered symbol is the one slot every copy in the process shares.
const SLOT = Symbol.for("gazette.archiveProvider");
type Slot = { [SLOT]?: ArchiveProvider };

/** Sets (or with `undefined`, clears) the archive the next builds in this process render. */
export function provideArchive(next: ArchiveProvider | undefined): void {
  (globalThis as Slot)[SLOT] = next;
}

/** The archive source in force: the one provided, or the content folder on disk. */
export function archiveProvider(content: string, drafts: boolean): ArchiveProvider {
  return (globalThis as Slot)[SLOT] ?? (() => loadFromDisk(content, drafts));
}

/** Thrown when the content has errors; its message is the full report. */
export class ContentError extends Error {
  constructor(report: string) {
    super(report);
    this.name = "ContentError";
  }
}

async function loadFromDisk(content: string, drafts: boolean): Promise<Archive> {
  const { archive, issues } = await loadArchive(content, { drafts });
  if (!archive || hasErrors(issues)) {
    throw new ContentError(`The archive in ${content} has errors:\n${issues.map((i) => formatIssue(i, content)).join("\n")}`);
  }
  return archive;
}
