/**
 * Dates as a reader sees them: in the site's zone and language. English uses newsroom style
 * ("Saturday, February 18, 2023, 9:30 a.m."); other languages use their locale's own forms.
 */
import type { DateTime } from "luxon";

function isEnglish(locale: string): boolean {
  return /^en\b/i.test(locale);
}

function timeOfDay(date: DateTime, locale: string): string {
  if (isEnglish(locale)) {
    const hour12 = date.hour % 12 === 0 ? 12 : date.hour % 12;
    return `${hour12}:${String(date.minute).padStart(2, "0")} ${date.hour < 12 ? "a.m." : "p.m."}`;
  }
  return date.setLocale(locale).toLocaleString({ hour: "numeric", minute: "2-digit" });
}

/**
 * Full date and time of publication.
 * @example formatDateTime(dt, "en") // "Saturday, February 18, 2023, 9:30 a.m."
 */
export function formatDateTime(date: DateTime, locale: string): string {
  return `${formatDate(date, locale)}, ${timeOfDay(date, locale)}`;
}

/**
 * Full date without the time.
 * @example formatDate(dt, "en") // "Saturday, February 18, 2023"
 */
export function formatDate(date: DateTime, locale: string): string {
  return date.setLocale(locale).toLocaleString({ weekday: "long", year: "numeric", month: "long", day: "numeric" });
}

/**
 * Short date for lists.
 * @example formatShortDate(dt, "en") // "Feb 18, 2023"
 */
export function formatShortDate(date: DateTime, locale: string): string {
  return date.setLocale(locale).toLocaleString({ year: "numeric", month: "short", day: "numeric" });
}

/**
 * The time of an update relative to its article: the year is left out when it is the same.
 * @example formatUpdateTime(update, published, "en") // "Saturday, February 18, 2:16 p.m."
 */
export function formatUpdateTime(at: DateTime, published: DateTime, locale: string): string {
  const sameYear = at.year === published.year;
  const day = at
    .setLocale(locale)
    .toLocaleString(
      sameYear ? { weekday: "long", month: "long", day: "numeric" } : { weekday: "long", year: "numeric", month: "long", day: "numeric" },
    );
  return `${day}, ${timeOfDay(at, locale)}`;
}
