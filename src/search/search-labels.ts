/**
 * The words of the search box and the search page, per language (English unless listed), kept
 * beside the search code rather than in the site's shared label table.
 */

/** Every fixed text of search. */
export interface SearchLabels {
  search: string;
  /** The masthead box's label. */
  searchArchive: string;
  query: string;
  /** The search page's form, as a landmark (the masthead's is "search"). */
  searchForm: string;
  submit: string;
  section: string;
  year: string;
  author: string;
  any: string;
  order: string;
  relevance: string;
  newest: string;
  needsScript: string;
  archive: string;
  /** The script's messages; `{count}` and `{query}` are filled in by it. */
  loading: string;
  found: string;
  foundOne: string;
  none: string;
  unavailable: string;
  more: string;
}

const en: SearchLabels = {
  search: "Search",
  searchArchive: "Search the archive",
  query: "Search for",
  searchForm: "Search the articles",
  submit: "Search",
  section: "Section",
  year: "Year",
  author: "Author",
  any: "All",
  order: "Order",
  relevance: "Best match",
  newest: "Newest first",
  needsScript: "Search needs JavaScript, which is turned off or not available in this browser. Browse the archive instead:",
  archive: "Archive by date",
  loading: "Searching…",
  found: "{count} articles found.",
  foundOne: "1 article found.",
  none: "No articles found for “{query}”.",
  unavailable: "Search is not available on this site.",
  more: "More results",
};

const de: SearchLabels = {
  search: "Suche",
  searchArchive: "Im Archiv suchen",
  query: "Suchbegriff",
  searchForm: "Artikel durchsuchen",
  submit: "Suchen",
  section: "Ressort",
  year: "Jahr",
  author: "Autorin oder Autor",
  any: "Alle",
  order: "Reihenfolge",
  relevance: "Beste Treffer",
  newest: "Neueste zuerst",
  needsScript: "Die Suche braucht JavaScript, das in diesem Browser ausgeschaltet oder nicht verfügbar ist. Stöbern Sie stattdessen im Archiv:",
  archive: "Archiv nach Datum",
  loading: "Suche läuft…",
  found: "{count} Artikel gefunden.",
  foundOne: "1 Artikel gefunden.",
  none: "Keine Artikel gefunden für „{query}“.",
  unavailable: "Die Suche ist auf dieser Website nicht verfügbar.",
  more: "Weitere Treffer",
};

/**
 * The search labels for a BCP 47 language tag, by its primary language.
 * @example searchLabels("de-CH").search // "Suche"
 */
export function searchLabels(language: string): SearchLabels {
  return language.toLowerCase().split("-")[0] === "de" ? de : en;
}
