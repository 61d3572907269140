/**
 * Every update and correction across the archive as its own item, with the stable anchor the
 * article page gives it (`#update-N`, `#correction-N`; numbered oldest = 1 over all the
 * article's notes). The updates feed and the corrections page list these.
 */
import type { Archive, ArticleSummary, Update, UpdateKind } from "../model.ts";

/** One note of one article. */
export interface UpdateNote {
  article: ArticleSummary;
  update: Update;
  /** The id of the note's block on the article page, e.g. `correction-2`. */
  anchor: string;
}

/**
 * The anchor of the note at `index` in an article's newest-first list of updates.
 * @example noteAnchor(article, 0) // "update-3" for the newest of three updates
 */
export function noteAnchor(article: Pick<ArticleSummary, "updates">, index: number): string {
  return `${article.updates[index].kind}-${article.updates.length - index}`;
}

/**
 * Every note of `kinds` in the archive, newest first (ties by article URL, then anchor).
 * @example updateNotes(archive, ["correction"]).map((n) => n.anchor) // ["correction-2", "correction-1"]
 */
export function updateNotes(archive: Pick<Archive, "articles">, kinds: readonly UpdateKind[] = ["update", "correction"]): UpdateNote[] {
  const notes: UpdateNote[] = [];
  for (const article of archive.articles) {
    article.updates.forEach((update, index) => {
      if (kinds.includes(update.kind)) notes.push({ article, update, anchor: noteAnchor(article, index) });
    });
  }
  return notes.sort(
    (a, b) =>
      b.update.at.toMillis() - a.update.at.toMillis() ||
      (a.article.url < b.article.url ? -1 : a.article.url > b.article.url ? 1 : 0) ||
      (a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0),
  );
}

/**
 * When an article last changed: its newest update, or its publication.
 * @example lastModified(article).toISO() // "2023-02-19T10:05:00.000+01:00"
 */
export function lastModified(article: Pick<ArticleSummary, "date" | "lastUpdated">): ArticleSummary["date"] {
  return article.lastUpdated ?? article.date;
}
