/**
 * Slugs: the last segment of an article's URL. One documented rule turns a file name into a
 * slug; an explicit slug is checked, never rewritten, so a URL is never a surprise.
 */
import transliterate from "@sindresorhus/transliterate";

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;
const SAFE_SLUG = /^[a-z0-9_-][a-z0-9._-]*$/;

/** The longest slug, in UTF-8 bytes: a folder name may have 255, and the limit leaves room to spare. */
export const MAX_SLUG_BYTES = 200;

/** File names read as articles: `.md`, `.markdown`, in any case. */
export const ARTICLE_EXTENSION = /\.(md|markdown)$/i;

/**
 * Derives a slug from a file name: drop `.md` (or `.markdown`) and a leading `YYYY-MM-DD-`,
 * strip accents, transliterate the letters left (ß → ss, Ł → L), lowercase, turn every run of
 * other characters into `-`, trim `-` and leading dots.
 * @example slugFromFileName("2025-06-28-Emelia-Smith.md") // "emelia-smith"
 * @example slugFromFileName("v0.10.0.md")                 // "v0.10.0"
 * @example slugFromFileName("Zürich Café.md")             // "zurich-cafe"
 * @example slugFromFileName("Łódź.md")                    // "lodz"
 */
export function slugFromFileName(fileName: string): string {
  // Each file name is seen once: not worth keeping (slugify's memo is for names that repeat).
  return slugOf(fileName.replace(ARTICLE_EXTENSION, "").replace(DATE_PREFIX, ""));
}

/**
 * The slug rule of {@link slugFromFileName} for any name (a tag, an author): accents stripped,
 * letters transliterated, lowercase, other characters runs of `-`.
 * @example slugify("Élections Européennes") // "elections-europeennes"
 */
export function slugify(stem: string): string {
  let slug = slugs.get(stem);
  if (slug === undefined) {
    slug = slugOf(stem);
    if (slugs.size >= SLUG_MEMO_LIMIT) slugs.clear();
    slugs.set(stem, slug);
  }
  return slug;
}

/**
 * Slugs already made. Tags and authors repeat across the archive (one tag on thousands of
 * articles, slugged again by every page and index that links it); the memo is bounded, so a long
 * dev session with ever new names cannot grow it without end.
 */
const slugs = new Map<string, string>();
const SLUG_MEMO_LIMIT = 20_000;

function slugOf(stem: string): string {
  // Accents go first, so ü stays u (the library would write German ue); the library then
  // handles letters that do not decompose. Plain ASCII names skip it.
  const stripped = stem.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return (/[^\x00-\x7f]/.test(stripped) ? transliterate(stripped) : stripped)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|-+$/g, "");
}

/** An article named `index.md` in its own folder: a page bundle, whose images sit beside it. */
const BUNDLE_INDEX = /^index\.(md|markdown)$/i;

/**
 * The name an article's slug is derived from: its file name, or for a page bundle
 * (`…/harbour-budget/index.md`, as in Hugo) the name of its folder.
 * @example slugSourceName("2023/harbour-budget/index.md") // "harbour-budget"
 * @example slugSourceName("2023/harbour-budget.md")       // "harbour-budget.md"
 */
export function slugSourceName(file: string): string {
  const parts = file.split("/");
  const name = parts[parts.length - 1];
  return BUNDLE_INDEX.test(name) && parts.length > 1 ? parts[parts.length - 2] : name;
}

/**
 * True when a slug is too long to be a folder name on every file system.
 * @example slugTooLong("a".repeat(201)) // true
 */
export function slugTooLong(slug: string): boolean {
  return Buffer.byteLength(slug, "utf8") > MAX_SLUG_BYTES;
}

/**
 * True when an explicit slug is already lowercase and URL-safe.
 * @example isSafeSlug("budget-vote-live") // true
 * @example isSafeSlug("Budget Vote")      // false
 */
export function isSafeSlug(slug: string): boolean {
  return SAFE_SLUG.test(slug);
}
