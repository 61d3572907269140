/**
 * The words the site itself prints, per language. A site whose language is not listed uses
 * English; its dates still follow its own locale.
 */

/** Every fixed text the layouts print. */
export interface Labels {
  skipToContent: string;
  sections: string;
  home: string;
  breadcrumb: string;
  by: string;
  and: string;
  published: string;
  lastUpdated: string;
  update: string;
  correction: string;
  updatesHeading: string;
  updated: string;
  topics: string;
  subsections: string;
  pagination: string;
  newer: string;
  older: string;
  pageOf: (page: number, total: number) => string;
  noArticles: string;
  latest: string;
  moreIn: (section: string) => string;
  notFoundTitle: string;
  notFoundText: string;
  /** Feed entry titles for an update or correction: "Update: <headline>". */
  noteTitle: (kind: "update" | "correction", headline: string) => string;
  corrections: string;
  /** The footer's link to the site's feed. */
  feed: string;
  correctionsIntro: string;
  noCorrections: string;
  /** Link from a corrected article to the corrections page. */
  allCorrections: string;
  /** The name of the previous/next navigation below an article. */
  previousAndNext: string;
  /** Before the link to the next older article of the same section. */
  previousArticle: string;
  /** Before the link to the next newer article of the same section. */
  nextArticle: string;
  /** The heading over an article's related articles. */
  related: string;
  /** Date archives, topics and authors (src/navigation/). */
  archive: string;
  archiveIntro: string;
  authors: string;
  allTopics: string;
  noTopics: string;
  noAuthors: string;
  months: string;
  /** "3 articles": a count in an overview. */
  articleCount: (count: number) => string;
  /** Links to the periods either side of a date archive: "Earlier: January 2023". */
  earlier: string;
  later: string;
  otherPeriods: string;
  /** The link from an author's page to their own site. */
  website: string;
}

const en: Labels = {
  skipToContent: "Skip to content",
  sections: "Sections",
  home: "Home",
  breadcrumb: "Breadcrumb",
  by: "By",
  and: "and",
  published: "Published",
  lastUpdated: "Last updated",
  update: "Update from",
  correction: "Correction from",
  updatesHeading: "Updates and corrections",
  updated: "Updated",
  topics: "Topics",
  subsections: "In this section",
  pagination: "Pages",
  newer: "Newer articles",
  older: "Older articles",
  pageOf: (page, total) => `Page ${page} of ${total}`,
  noArticles: "No articles yet.",
  latest: "Latest news",
  moreIn: (section) => `More in ${section}`,
  notFoundTitle: "Page not found",
  notFoundText: "There is no page at this address. It may have moved, or the link may be mistyped.",
  noteTitle: (kind, headline) => `${kind === "correction" ? "Correction" : "Update"}: ${headline}`,
  corrections: "Corrections",
  feed: "Feed",
  correctionsIntro: "Every correction we have published, newest first.",
  noCorrections: "No corrections so far.",
  allCorrections: "All corrections",
  previousAndNext: "Previous and next article",
  previousArticle: "Previous:",
  nextArticle: "Next:",
  related: "Related articles",
  archive: "Archive",
  archiveIntro: "Every month we have published in, newest first.",
  authors: "Authors",
  allTopics: "All topics",
  noTopics: "No topics yet.",
  noAuthors: "No authors yet.",
  months: "Months",
  articleCount: (count) => (count === 1 ? "1 article" : `${count} articles`),
  earlier: "Earlier",
  later: "Later",
  otherPeriods: "Other dates",
  website: "Website",
};

const de: Labels = {
  skipToContent: "Zum Inhalt springen",
  sections: "Ressorts",
  home: "Startseite",
  breadcrumb: "Brotkrumen",
  by: "Von",
  and: "und",
  published: "Veröffentlicht",
  lastUpdated: "Zuletzt aktualisiert",
  update: "Update vom",
  correction: "Korrektur vom",
  updatesHeading: "Aktualisierungen und Korrekturen",
  updated: "Aktualisiert",
  topics: "Themen",
  subsections: "In diesem Ressort",
  pagination: "Seiten",
  newer: "Neuere Artikel",
  older: "Ältere Artikel",
  pageOf: (page, total) => `Seite ${page} von ${total}`,
  noArticles: "Noch keine Artikel.",
  latest: "Neueste Nachrichten",
  moreIn: (section) => `Mehr aus ${section}`,
  notFoundTitle: "Seite nicht gefunden",
  notFoundText: "Unter dieser Adresse gibt es keine Seite. Sie wurde vielleicht verschoben, oder der Link ist falsch.",
  noteTitle: (kind, headline) => `${kind === "correction" ? "Korrektur" : "Update"}: ${headline}`,
  corrections: "Korrekturen",
  feed: "Feed",
  correctionsIntro: "Alle Korrekturen, die wir veröffentlicht haben, die neueste zuerst.",
  noCorrections: "Bisher keine Korrekturen.",
  allCorrections: "Alle Korrekturen",
  previousAndNext: "Vorheriger und nächster Artikel",
  previousArticle: "Vorheriger Artikel:",
  nextArticle: "Nächster Artikel:",
  related: "Mehr zum Thema",
  archive: "Archiv",
  archiveIntro: "Alle Monate, in denen wir veröffentlicht haben, die neuesten zuerst.",
  authors: "Autorinnen und Autoren",
  allTopics: "Alle Themen",
  noTopics: "Noch keine Themen.",
  noAuthors: "Noch keine Autorinnen und Autoren.",
  months: "Monate",
  articleCount: (count) => `${count} Artikel`,
  earlier: "Früher",
  later: "Später",
  otherPeriods: "Andere Daten",
  website: "Website",
};

/**
 * The labels for a BCP 47 language tag, by its primary language.
 * @example labelsFor("de-AT").home // "Startseite"
 * @example labelsFor("fr").home    // "Home"
 */
export function labelsFor(language: string): Labels {
  const primary = language.toLowerCase().split("-")[0];
  return primary === "de" ? de : en;
}
