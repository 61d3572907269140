/**
 * The typed contract between pipeline stages: load → validate → normalise → index → render → verify.
 * Templates receive these shapes; nothing downstream re-reads front matter.
 */
import type { DateTime } from "luxon";
import type { ImageSettings } from "./media/image-settings.ts";
import type { Theme } from "./media/theme.ts";
import type { MediaImage } from "./media/variant-plan.ts";

/** A section as declared in `site.yml`, placed in the tree. */
export interface Section {
  /** Declared id, e.g. `world/europe`. */
  id: string;
  title: string;
  /** Parent id, absent for top-level sections. */
  parentId?: string;
  /** Ids from the top-level ancestor down to this section itself, e.g. `["world", "world/europe"]`. */
  lineage: string[];
  /** Direct children's ids, in declaration order. */
  children: string[];
  /** Site-relative URL, e.g. `/world/europe/`. */
  url: string;
}

/** An image for previews (Open Graph, JSON-LD, feeds); `src` is absolute or site-relative. */
export interface ArticleImage {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** A local image (beside the article): what its `<picture>` needs; `src` is then its 1,200-wide variant. */
  local?: MediaImage;
}

/** Who publishes the site, for structured data and the News sitemap. */
export interface Publisher {
  name: string;
  /** Absolute or site-relative URL of the logo. */
  logo?: string;
  url?: string;
}

/** Whether a note added after publication adds news or corrects an error. */
export type UpdateKind = "update" | "correction";

/** A timestamped note added to an article after publication. */
export interface Update {
  at: DateTime;
  kind: UpdateKind;
  /** Markdown source of the note. */
  text: string;
}

/**
 * One validated, normalised article without its body: what indexes and lists need, and what
 * the build cache keeps. Dates are luxon DateTimes in the site's zone.
 */
export interface ArticleSummary {
  /** Path relative to the content folder, with forward slashes (for messages). */
  file: string;
  title: string;
  slug: string;
  /** 1-based line of an explicit `slug:` in the file; absent when the slug comes from the file name. */
  slugLine?: number;
  date: DateTime;
  /** False when the front matter gave a day without a time: the page then shows no time. */
  dateHasTime: boolean;
  sectionId: string;
  summary?: string;
  authors: string[];
  tags: string[];
  draft: boolean;
  /** Newest first. */
  updates: Update[];
  /** Time of the newest update, if any. */
  lastUpdated?: DateTime;
  /** The preview image, if the front matter gives one. */
  image?: ArticleImage;
  /** Site-relative URL, e.g. `/2023/02/18/slug/`. */
  url: string;
  /** Not published before this instant (`embargo:`); see src/publishing/publishing-state.ts. */
  embargo?: DateTime;
  /** Set for `status: withdrawn`: its URL keeps a tombstone saying when and why. */
  withdrawn?: Withdrawal;
  /** Old site-relative paths that redirect to the article (`aliases:`), as written. */
  aliases?: string[];
  /** 1-based line of each alias in the file, for messages. */
  aliasLines?: number[];
  /** Every local image the article shows (lead and body), for the media stage. */
  media?: MediaImage[];
}

/** When and why an article was withdrawn. */
export interface Withdrawal {
  at: DateTime;
  reason: string;
}

/** A whole article: its summary and its Markdown body. */
export interface Article extends ArticleSummary {
  /** Where the story was filed, e.g. `LAKEFORD`; shown before the first paragraph, as papers print it. */
  dateline?: string;
  body: string;
  /** The body's local images by `src` as written. */
  bodyImages?: Record<string, MediaImage>;
}

/** A section as declared in `site.yml`, before it is placed in the tree. */
export interface SectionDeclaration {
  id: string;
  title: string;
}

/** An author as `site.yml`'s `authors:` describes them (matched to bylines by slug). */
export interface AuthorProfile {
  name: string;
  bio?: string;
  /** Absolute http(s) URL of the author's own page. */
  url?: string;
}

/** The validated `site.yml`. */
export interface SiteConfig {
  title: string;
  /** Absolute URL without a trailing slash, e.g. `https://news.example.org` or `https://example.org/archive`. */
  url: string;
  /** BCP 47 language tag; drives every displayed date. */
  language: string;
  /** IANA zone of the newsroom. */
  timeZone: string;
  description?: string;
  /** The publisher; its name defaults to the site's title where one is needed. */
  publisher?: Publisher;
  /** Default preview image for pages without one of their own. */
  image?: ArticleImage;
  sections: SectionDeclaration[];
  /** Articles per section page. */
  perPage: number;
  /** How many articles the front page leads with, and how many per top-level section. */
  frontPage: { latest: number; perSection: number };
  /** Raw HTML in bodies: sanitised by the allow-list (the default) or shown as text (src/render/html-policy.ts). */
  rawHtml?: "sanitise" | "escape";
  /** Descriptions of authors for their pages; optional. */
  authors?: AuthorProfile[];
  /** How local images are processed (site.yml `images:`, with defaults). */
  images?: ImageSettings;
  /** The newsroom's look (site.yml `theme:`). */
  theme?: Theme;
}

/** The whole indexed archive, handed to the render stage. */
export interface Archive {
  site: SiteConfig;
  /** Sections by id, in declaration order. */
  sections: Map<string, Section>;
  /** Newest first (ties broken by URL, so order never depends on the file system). */
  articles: ArticleSummary[];
  /** Articles of each section including its descendants, newest first. */
  articlesBySection: Map<string, ArticleSummary[]>;
  /** Withdrawn articles, newest first: only their tombstones and aliases are published. */
  withdrawn?: ArticleSummary[];
}
