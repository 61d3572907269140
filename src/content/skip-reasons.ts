/**
 * Why a file of the content folder is not read as an article. Its own module so `gazette check`
 * can order its summary without loading the archive reader first.
 */

/** Why a file is not read, in the order `gazette check` lists them. */
export const SKIP_REASONS = ["not Markdown", "ignored name", "broken link", "not a regular file"] as const;

/** One of {@link SKIP_REASONS}. */
export type SkipReason = (typeof SKIP_REASONS)[number];

/** A file or folder in the content folder that is not read as an article, and why. */
export interface SkippedFile {
  /** Relative to the content folder, `/` separators. */
  file: string;
  reason: SkipReason;
}
