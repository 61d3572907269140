/**
 * Feed entries from the model: one per article, and one per update or correction for the
 * updates feed. Plain data with DateTimes; the feed formats are written from these alone.
 */
import type { DateTime } from "luxon";
import type { ArticleSummary, Section } from "../model.ts";
import type { UpdateNote } from "../archive/update-notes.ts";
import { lastModified } from "../archive/update-notes.ts";
import { absoluteSource } from "./absolute-urls.ts";

/** One entry of a feed, in any format. */
export interface FeedEntry {
  /** Permanent id: the absolute URL (with the note's anchor for updates). */
  id: string;
  url: string;
  title: string;
  summary?: string;
  published: DateTime;
  updated: DateTime;
  authors: string[];
  section: Pick<Section, "id" | "title">;
  tags: string[];
  /** HTML with absolute URLs, produced by the Markdown renderer (raw HTML escaped). */
  contentHtml: string;
  /** Absolute URL of the preview image. */
  image?: string;
}

/** What entries need to know about the site. */
export interface EntryContext {
  sections: ReadonlyMap<string, Section>;
  absolute(url: string): string;
}

/**
 * The entry of one article; `contentHtml` is its rendered body.
 * @example articleEntry(article, "<p>…</p>", ctx).updated // the newest update, or the publication
 */
export function articleEntry(article: ArticleSummary, contentHtml: string, ctx: EntryContext): FeedEntry {
  const section = ctx.sections.get(article.sectionId)!;
  const url = ctx.absolute(article.url);
  return {
    id: url,
    url,
    title: article.title,
    ...(article.summary ? { summary: article.summary } : {}),
    published: article.date,
    updated: lastModified(article),
    authors: article.authors,
    section: { id: section.id, title: section.title },
    tags: article.tags,
    contentHtml,
    ...(article.image ? { image: absoluteSource(article.image.src, ctx.absolute) } : {}),
  };
}

/**
 * The entry of one update or correction, linking to its block on the article page.
 * @example noteEntry(note, "<p>…</p>", ctx, "Correction: Harbour budget").url // "https://…/slug/#correction-1"
 */
export function noteEntry(note: UpdateNote, contentHtml: string, ctx: EntryContext, title: string): FeedEntry {
  const base = articleEntry(note.article, contentHtml, ctx);
  const url = `${base.url}#${note.anchor}`;
  const { summary: _summary, image: _image, ...rest } = base;
  return { ...rest, id: url, url, title, published: note.update.at, updated: note.update.at };
}
