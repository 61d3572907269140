/**
 * The navigation listing pages as plain data, one producer per listing kind (registered in
 * `LISTING_KINDS`, src/archive/site-pages.ts): year, month and day archives, `/archive/`, the
 * topics and authors indexes and one paginated page per topic and author. Pure; recomputed
 * from the index on every build, so warm and cold builds agree.
 */
import type { DateTime } from "luxon";
import type { Archive, ArticleSummary } from "../model.ts";
import { paginate, type Page } from "../archive/pagination.ts";
import { datePeriods, dayUrl, monthUrl, neighbours, yearUrl, type DayPeriod, type MonthPeriod, type Period, type YearPeriod } from "./date-periods.ts";
import { monthGrid, weekdayOrder, weekStart, type Weekday } from "./calendar.ts";
import { topics, topicSlugUrl, TOPICS_URL, type Topic } from "./topics.ts";
import { authors, authorSlugUrl, AUTHORS_URL, type Author } from "./authors.ts";

/**
 * First URL segments the site's own listings use, which a section id may not start with:
 * a section `topics` would be written over `/topics/`.
 */
export const RESERVED_SECTION_ROOTS: readonly string[] = ["archive", "topics", "authors", "corrections", "search", "assets", "media"];

/** The URL of the date archive's overview. */
export const ARCHIVE_URL = "/archive/";

/** A link to another period: its URL and a date in it (in the site's zone), to name it by. */
export interface PeriodLink {
  url: string;
  at: DateTime;
}

/** Links to the older and newer periods that have articles. */
interface PeriodNeighbours {
  previous?: PeriodLink;
  next?: PeriodLink;
}

/** A year's page: its twelve months with counts (0: shown, not linked), then its articles. */
export interface YearPage extends PeriodNeighbours {
  kind: "year";
  url: string;
  year: number;
  months: { month: number; count: number; url?: string }[];
  page: Page<ArticleSummary>;
}

/** One cell of a month's calendar: a day, linked when it has articles. */
export interface CalendarDay {
  day: number;
  count: number;
  url?: string;
}

/** A month's page: a calendar of its days (weeks starting on the locale's first day), then its articles. */
export interface MonthPage extends PeriodNeighbours {
  kind: "month";
  url: string;
  year: number;
  month: number;
  /** A date in the month, in the site's zone. */
  at: DateTime;
  /** ISO weekdays in the order the calendar's columns show them. */
  weekdays: Weekday[];
  /** Rows of seven; null before the first and after the last day. */
  weeks: (CalendarDay | null)[][];
  page: Page<ArticleSummary>;
}

/** A day's page: its articles, and the days either side that have articles. */
export interface DayPage extends PeriodNeighbours {
  kind: "day";
  url: string;
  at: DateTime;
  page: Page<ArticleSummary>;
}

/**
 * A period as the `/archive/` page shows it: its link, its count and a date in it (in the
 * site's zone) to name it by. Counts, not the articles: a listing page's data is what it shows,
 * so that an edited headline leaves this page's signature alone (listing-signatures.ts).
 */
export interface PeriodCount {
  url: string;
  count: number;
  at: DateTime;
}

/** `/archive/`: every year and month with articles, with counts, newest first. */
export interface ArchiveIndexPage {
  kind: "archive";
  url: typeof ARCHIVE_URL;
  years: (PeriodCount & { year: number; months: PeriodCount[] })[];
}

/** A topic or author as an index lists it: linked, with the count of their articles. */
export interface NameCount {
  slug: string;
  name: string;
  url: string;
  count: number;
}

/** `/topics/`: every topic with its count, by name. */
export interface TopicsIndexPage {
  kind: "topics";
  url: typeof TOPICS_URL;
  topics: NameCount[];
}

/** A page of one topic's articles (the topic without its list: the page's items are the ones shown). */
export interface TopicPage {
  kind: "topic";
  url: string;
  topic: Omit<Topic, "articles">;
  page: Page<ArticleSummary>;
}

/** `/authors/`: every author with their count, by name. */
export interface AuthorsIndexPage {
  kind: "authors";
  url: typeof AUTHORS_URL;
  authors: NameCount[];
}

/** A page of one author's articles, with what site.yml says about them. */
export interface AuthorPage {
  kind: "author";
  url: string;
  author: Omit<Author, "articles">;
  page: Page<ArticleSummary>;
}

/** Every navigation listing page. */
export type NavigationPage = YearPage | MonthPage | DayPage | ArchiveIndexPage | TopicsIndexPage | TopicPage | AuthorsIndexPage | AuthorPage;

const periodCache = new WeakMap<Archive, YearPeriod[]>();

/**
 * The archive's years, months and days with articles (computed once per archive).
 * @example periodsOf(archive)[0].year // 2024
 */
export function periodsOf(archive: Archive): YearPeriod[] {
  let periods = periodCache.get(archive);
  if (!periods) periodCache.set(archive, (periods = datePeriods(archive.articles)));
  return periods;
}

const link = (period: Period | undefined): PeriodLink | undefined => (period ? { url: period.url, at: period.articles[0].date } : undefined);

function neighbourLinks<P extends Period>(periods: readonly P[], index: number): PeriodNeighbours {
  const { previous, next } = neighbours(periods, index);
  return { ...(previous ? { previous: link(previous) } : {}), ...(next ? { next: link(next) } : {}) };
}

/**
 * Every page of every year with articles, newest year first.
 * @example yearPages(archive)[0].months.length // 12
 */
export function yearPages(archive: Archive): YearPage[] {
  const years = periodsOf(archive);
  return years.flatMap((year, index) => {
    const counts = new Map(year.months.map((m) => [m.month, m]));
    const months = Array.from({ length: 12 }, (_, i) => {
      const m = counts.get(i + 1);
      return m ? { month: i + 1, count: m.articles.length, url: m.url } : { month: i + 1, count: 0 };
    });
    const around = neighbourLinks(years, index);
    return paginate(year.articles, archive.site.perPage, (n) => yearUrl(year.year, n)).map((page) => ({ kind: "year" as const, url: page.url, year: year.year, months, page, ...around }));
  });
}

/**
 * Every page of every month with articles, newest first; months of all years in one line, so
 * December's next month is the next January that has articles.
 * @example monthPages(archive)[0].weeks[0] // [null, null, { day: 1, count: 0 }, …]
 */
export function monthPages(archive: Archive): MonthPage[] {
  const months: MonthPeriod[] = periodsOf(archive).flatMap((y) => y.months);
  const first = weekStart(archive.site.language);
  const weekdays = weekdayOrder(first);
  return months.flatMap((month, index) => {
    const days = new Map(month.days.map((d) => [d.day, d]));
    const weeks = monthGrid(month.year, month.month, first).map((week) =>
      week.map((day): CalendarDay | null => {
        if (day === null) return null;
        const d = days.get(day);
        return d ? { day, count: d.articles.length, url: d.url } : { day, count: 0 };
      }),
    );
    const around = neighbourLinks(months, index);
    const at = month.articles[0].date;
    return paginate(month.articles, archive.site.perPage, (n) => monthUrl(month.year, month.month, n)).map((page) => ({
      kind: "month" as const,
      url: page.url,
      year: month.year,
      month: month.month,
      at,
      weekdays,
      weeks,
      page,
      ...around,
    }));
  });
}

/**
 * Every page of every day with articles, newest first, across months and years.
 * @example dayPages(archive)[0].url // "/2024/01/02/"
 */
export function dayPages(archive: Archive): DayPage[] {
  const days: DayPeriod[] = periodsOf(archive).flatMap((y) => y.months.flatMap((m) => m.days));
  return days.flatMap((day, index) => {
    const around = neighbourLinks(days, index);
    return paginate(day.articles, archive.site.perPage, (n) => dayUrl(day.year, day.month, day.day, n)).map((page) => ({ kind: "day" as const, url: page.url, at: day.articles[0].date, page, ...around }));
  });
}

/**
 * The `/archive/` page.
 * @example archiveIndexPage(archive).years.map((y) => y.year) // [2024, 2023]
 */
export function archiveIndexPage(archive: Archive): ArchiveIndexPage {
  const counted = (period: Period) => ({ url: period.url, count: period.articles.length, at: period.articles[0].date });
  return { kind: "archive", url: ARCHIVE_URL, years: periodsOf(archive).map((year) => ({ year: year.year, ...counted(year), months: year.months.map(counted) })) };
}

const nameCount = ({ slug, name, url, articles }: Topic | Author): NameCount => ({ slug, name, url, count: articles.length });

/**
 * The `/topics/` page.
 * @example topicsIndexPage(archive).topics[0].name // "Brexit"
 */
export function topicsIndexPage(archive: Archive): TopicsIndexPage {
  return { kind: "topics", url: TOPICS_URL, topics: topics(archive).map(nameCount) };
}

/**
 * Every page of every topic, topics by name.
 * @example topicPages(archive)[0].url // "/topics/brexit/"
 */
export function topicPages(archive: Archive): TopicPage[] {
  return topics(archive).flatMap(({ articles, ...topic }) =>
    paginate(articles, archive.site.perPage, (n) => topicSlugUrl(topic.slug, n)).map((page) => ({ kind: "topic" as const, url: page.url, topic, page })),
  );
}

/**
 * The `/authors/` page.
 * @example authorsIndexPage(archive).authors[0].name // "Ana Ruiz"
 */
export function authorsIndexPage(archive: Archive): AuthorsIndexPage {
  return { kind: "authors", url: AUTHORS_URL, authors: authors(archive).map(nameCount) };
}

/**
 * Every page of every author, authors by name.
 * @example authorPages(archive)[0].url // "/authors/ana-ruiz/"
 */
export function authorPages(archive: Archive): AuthorPage[] {
  return authors(archive).flatMap(({ articles, ...author }) =>
    paginate(articles, archive.site.perPage, (n) => authorSlugUrl(author.slug, n)).map((page) => ({ kind: "author" as const, url: page.url, author, page })),
  );
}

/**
 * The articles a navigation page lists, for its sitemap lastmod, as the lists that hold them:
 * a page's items, or every article an index counts (the index pages show counts, so the
 * articles come from the archive), one list per topic or author.
 * @example navigationListed(archiveIndexPage(archive), archive)[0].length // archive.articles.length
 */
export function navigationListed(page: NavigationPage, archive: Archive): readonly (readonly ArticleSummary[])[] {
  switch (page.kind) {
    case "archive":
      return [archive.articles];
    case "topics":
      return topics(archive).map((t) => t.articles);
    case "authors":
      return authors(archive).map((a) => a.articles);
    default:
      return [page.page.items];
  }
}
