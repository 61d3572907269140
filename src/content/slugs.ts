/**
 * Slugs: the last segment of an article's URL. One documented rule turns a file name into a
 * slug; an explicit slug is checked, never rewritten, so a URL is never a surprise.
 */

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;
const SAFE_SLUG = /^[a-z0-9_-][a-z0-9._-]*$/;

/**
 * Derives a slug from a file name: drop `.md` and a leading `YYYY-MM-DD-`, lowercase, strip
 * accents, turn every run of other characters into `-`, trim `-` and leading dots.
 * @example slugFromFileName("2025-06-28-Emelia-Smith.md") // "emelia-smith"
 * @example slugFromFileName("v0.10.0.md")                 // "v0.10.0"
 * @example slugFromFileName("Zürich Café.md")             // "zurich-cafe"
 */
export function slugFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.md$/i, "").replace(DATE_PREFIX, "");
  return stem
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|-+$/g, "");
}

/**
 * True when an explicit slug is already lowercase and URL-safe.
 * @example isSafeSlug("budget-vote-live") // true
 * @example isSafeSlug("Budget Vote")      // false
 */
export function isSafeSlug(slug: string): boolean {
  return SAFE_SLUG.test(slug);
}
