/**
 * The words of the publishing pages (preview banner, tombstones, redirect pages), per language;
 * kept apart from src/render/labels.ts so that they travel with the feature.
 */
/** Every fixed text the publishing pages print. */
export interface PublishingLabels {
  notPublished: string;
  /** The banner's explanation: why the page is visible, with the time it will appear, if known. */
  previewNote: (state: "draft" | "embargoed", when?: string) => string;
  withdrawnTitle: string;
  withdrawnOn: (when: string) => string;
  reason: string;
  moreIn: (section: string) => string;
  movedTitle: string;
  movedText: string;
}

const en: PublishingLabels = {
  notPublished: "Not published",
  previewNote: (state, when) => (state === "draft" ? "This is a draft: readers cannot see it." : `This article is under embargo until ${when}: readers cannot see it yet.`),
  withdrawnTitle: "Article withdrawn",
  withdrawnOn: (when) => `This article was withdrawn on ${when}.`,
  reason: "Reason",
  moreIn: (section) => `More in ${section}`,
  movedTitle: "This page has moved",
  movedText: "The article is now at:",
};

const de: PublishingLabels = {
  notPublished: "Nicht veröffentlicht",
  previewNote: (state, when) => (state === "draft" ? "Dies ist ein Entwurf: Leser sehen ihn nicht." : `Dieser Artikel ist bis ${when} gesperrt: Leser sehen ihn noch nicht.`),
  withdrawnTitle: "Artikel zurückgezogen",
  withdrawnOn: (when) => `Dieser Artikel wurde am ${when} zurückgezogen.`,
  reason: "Grund",
  moreIn: (section) => `Mehr aus ${section}`,
  movedTitle: "Diese Seite ist umgezogen",
  movedText: "Der Artikel steht jetzt hier:",
};

/**
 * The publishing labels for a BCP 47 language tag, by its primary language.
 * @example publishingLabels("de-CH").notPublished // "Nicht veröffentlicht"
 */
export function publishingLabels(language: string): PublishingLabels {
  return language.toLowerCase().split("-")[0] === "de" ? de : en;
}
