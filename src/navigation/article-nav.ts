/**
 * What an article page shows of other articles: the previous and next article of its own
 * section (by date; the section's own articles, not its subsections'), and its related
 * articles (related.ts). Plain data, so it crosses to worker threads and goes into the
 * digest that decides whether a warm build renders the page again.
 */
import type { Archive } from "../model.ts";
import { relatedArticles, type RelatedInput } from "./related.ts";

/** Another article as an article page links it. */
export interface NavLink {
  url: string;
  title: string;
  /** Publication time, epoch milliseconds. */
  date: number;
}

/** The other articles one article page links. */
export interface ArticleNav {
  /** The next older article of the same section. */
  previous?: NavLink;
  /** The next newer article of the same section. */
  next?: NavLink;
  related: NavLink[];
}

/** Ranks the related articles of each input (indices into the input): {@link relatedArticles}, or a kept result of it. */
export type RankRelated = (inputs: readonly RelatedInput[]) => number[][];

/**
 * The navigation of every article of `archive`, in the order of `archive.articles`.
 * @example articleNavigation(archive)[0].previous?.url // "/2023/01/01/older/"
 */
export function articleNavigation(archive: Pick<Archive, "articles">, rank: RankRelated = (inputs) => relatedArticles(inputs).related): ArticleNav[] {
  const articles = archive.articles;
  // One link per article, shared by every page that shows it (previous, next, related): a
  // seventh of the objects, and the render digest writes each once (render-pass.ts).
  const links: NavLink[] = articles.map((a) => ({ url: a.url, title: a.title, date: a.date.toMillis() }));
  const related = rank(articles.map((a, i) => ({ url: a.url, sectionId: a.sectionId, date: links[i].date, tags: a.tags })));
  const nav: ArticleNav[] = related.map((indices) => ({ related: indices.map((i) => links[i]) }));
  // archive.articles is newest first: within a section, the one after is older.
  const lastOfSection = new Map<string, number>();
  articles.forEach((article, i) => {
    const newer = lastOfSection.get(article.sectionId);
    if (newer !== undefined) {
      nav[i].next = links[newer];
      nav[newer].previous = links[i];
    }
    lastOfSection.set(article.sectionId, i);
  });
  return nav;
}
