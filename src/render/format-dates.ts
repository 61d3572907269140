/**
 * Dates as a reader sees them: in the site's zone and language. English uses newsroom style
 * ("Saturday, February 18, 2023, 9:30 a.m."); other languages use their locale's own forms.
 */
import type { DateTime } from "luxon";

function isEnglish(locale: string): boolean {
  return /^en\b/i.test(locale);
}

const TIME_OF_DAY: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };

function timeOfDay(date: DateTime, locale: string): string {
  if (isEnglish(locale)) {
    const hour12 = date.hour % 12 === 0 ? 12 : date.hour % 12;
    return `${hour12}:${String(date.minute).padStart(2, "0")} ${date.hour < 12 ? "a.m." : "p.m."}`;
  }
  return formatWith(TIME_OF_DAY, "time", date, locale);
}

/**
 * Full date and time of publication.
 * @example formatDateTime(dt, "en") // "Saturday, February 18, 2023, 9:30 a.m."
 */
export function formatDateTime(date: DateTime, locale: string): string {
  return `${formatDate(date, locale)}, ${timeOfDay(date, locale)}`;
}

const LONG_DATE: Intl.DateTimeFormatOptions = { weekday: "long", year: "numeric", month: "long", day: "numeric" };
const SHORT_DATE: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };
const formatters = new Map<string, DayFormatter>();

/** A cached Intl formatter and, for forms without a time, the text it printed for each local day. */
interface DayFormatter {
  format: Intl.DateTimeFormat;
  days: Map<number, string> | undefined;
}

// Lists print a date per teaser, hundreds of thousands in a large archive: one Intl formatter
// per locale, zone and form, reused, is several times faster than luxon's toLocaleString
// (which builds the same formatter's options anew on every call) and prints the same text.
// A form without hour or minute prints the same text for every instant of one day in the
// formatter's zone, and an archive has a few articles a day: that text is kept per day.
function formatWith(options: Intl.DateTimeFormatOptions, name: string, date: DateTime, locale: string): string {
  const key = `${name}\0${locale}\0${date.zoneName}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: date.zoneName ?? "UTC" });
    formatters.set(key, (formatter = { format, days: options.hour === undefined && options.minute === undefined ? new Map() : undefined }));
  }
  if (!formatter.days) return formatter.format.format(date.toMillis());
  const day = localDay(date);
  let text = formatter.days.get(day);
  if (text === undefined) formatter.days.set(day, (text = formatter.format.format(date.toMillis())));
  return text;
}

/**
 * One number per calendar day in the date's own zone (luxon keeps its year, month and day).
 * @example localDay(DateTime.fromISO("2023-02-18T23:30", { zone: "Europe/Berlin" })) // 841650
 */
export function localDay(date: DateTime): number {
  return (date.year * 13 + date.month) * 32 + date.day;
}

/**
 * Full date without the time.
 * @example formatDate(dt, "en") // "Saturday, February 18, 2023"
 */
export function formatDate(date: DateTime, locale: string): string {
  return formatWith(LONG_DATE, "long", date, locale);
}

/**
 * Short date for lists.
 * @example formatShortDate(dt, "en") // "Feb 18, 2023"
 */
export function formatShortDate(date: DateTime, locale: string): string {
  return formatWith(SHORT_DATE, "short", date, locale);
}

/**
 * The time of an update relative to its article: the year is left out when it is the same.
 * @example formatUpdateTime(update, published, "en") // "Saturday, February 18, 2:16 p.m."
 */
export function formatUpdateTime(at: DateTime, published: DateTime, locale: string): string {
  const day = at.year === published.year ? formatWith(DAY_OF_YEAR, "day-of-year", at, locale) : formatDate(at, locale);
  return `${day}, ${timeOfDay(at, locale)}`;
}

const DAY_OF_YEAR: Intl.DateTimeFormatOptions = { weekday: "long", month: "long", day: "numeric" };

const MONTH_YEAR: Intl.DateTimeFormatOptions = { year: "numeric", month: "long" };
const MONTH_NAME: Intl.DateTimeFormatOptions = { month: "long" };
const DAY_DATE: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };

/**
 * A month and its year, for date archives (the month `date` falls in, in its zone).
 * @example formatMonthYear(dt, "de") // "Februar 2023"
 */
export function formatMonthYear(date: DateTime, locale: string): string {
  return formatWith(MONTH_YEAR, "month-year", date, locale);
}

/**
 * The name of the month `date` falls in.
 * @example formatMonthName(dt, "en") // "February"
 */
export function formatMonthName(date: DateTime, locale: string): string {
  return formatWith(MONTH_NAME, "month", date, locale);
}

/**
 * A day without its weekday, for links between day archives.
 * @example formatDayDate(dt, "en") // "February 18, 2023"
 */
export function formatDayDate(date: DateTime, locale: string): string {
  return formatWith(DAY_DATE, "day", date, locale);
}

/**
 * The name of an ISO weekday (1 = Monday), long or short, for calendar column headers. A
 * weekday's name depends on no zone: it is read off a fixed Monday at noon UTC.
 * @example formatWeekdayName(1, "de", "short") // "Mo"
 */
export function formatWeekdayName(weekday: number, locale: string, width: "long" | "short"): string {
  const key = `weekday-${width}\0${locale}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = { format: new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" }), days: undefined }));
  return formatter.format.format(Date.UTC(2024, 0, weekday, 12));
}
