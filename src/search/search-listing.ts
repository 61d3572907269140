/**
 * The search page as a listing page: what its filter controls offer (the archive's years,
 * newest first, and its authors in alphabetical order). The sections come from the site.
 */
import type { Archive } from "../model.ts";
import { SEARCH_PAGE_URL } from "./search-manifest.ts";

/** The search page. */
export interface SearchListing {
  kind: "search";
  url: typeof SEARCH_PAGE_URL;
  years: number[];
  authors: string[];
}

/**
 * The search page of an archive.
 * @example searchListing(archive) // { kind: "search", url: "/search/", years: [2024, 2023], authors: ["Ann Lee", …] }
 */
export function searchListing(archive: Archive): SearchListing {
  const years = new Set<number>();
  const authors = new Set<string>();
  for (const article of archive.articles) {
    years.add(article.date.year);
    for (const author of article.authors) authors.add(author);
  }
  const collator = new Intl.Collator(archive.site.language);
  return { kind: "search", url: SEARCH_PAGE_URL, years: [...years].sort((a, b) => b - a), authors: [...authors].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)) };
}
