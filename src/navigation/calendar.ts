/**
 * A month as a calendar grid: weeks as rows of seven cells, starting on the locale's first
 * day of the week, with blank cells before the first and after the last day. Pure.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * First days of the week by region, for a runtime whose `Intl.Locale` has no week data (Node
 * 20 has `weekInfo`; newer engines `getWeekInfo()`; some have neither). From CLDR's
 * `firstDay` table, the regions whose week does not start on Monday.
 */
const FIRST_DAY_BY_REGION: Record<string, Weekday> = {
  US: 7, CA: 7, MX: 7, BR: 7, JP: 7, KR: 7, CN: 7, TW: 7, HK: 7, IN: 7, IL: 7, PH: 7, ZA: 7, AU: 7, SA: 7,
  AE: 6, EG: 6, IR: 6, IQ: 6, JO: 6, KW: 6, QA: 6, SY: 6, OM: 6, LY: 6, DZ: 6, BH: 6, AF: 6, SD: 6,
};

/** The region a language implies when it names none (CLDR's likely subtags, the ones that matter here). */
const LIKELY_REGION: Record<string, string> = { en: "US", ja: "JP", ko: "KR", zh: "CN", he: "IL", ar: "EG", pt: "BR", hi: "IN", fa: "IR" };

/**
 * The first day of the week in a locale, as an ISO weekday.
 * @example weekStart("de")    // 1 (Monday)
 * @example weekStart("en-GB") // 1 (Monday)
 * @example weekStart("en-US") // 7 (Sunday)
 */
export function weekStart(locale: string): Weekday {
  const intl = new Intl.Locale(locale) as Intl.Locale & { weekInfo?: { firstDay: number }; getWeekInfo?: () => { firstDay: number } };
  const info = intl.getWeekInfo?.() ?? intl.weekInfo;
  if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay as Weekday;
  const region = intl.region ?? LIKELY_REGION[intl.language] ?? "";
  return FIRST_DAY_BY_REGION[region] ?? 1;
}

/**
 * The seven weekdays in the order a week shows them, starting on `first`.
 * @example weekdayOrder(7) // [7, 1, 2, 3, 4, 5, 6]
 */
export function weekdayOrder(first: Weekday): Weekday[] {
  return Array.from({ length: 7 }, (_, i) => (((first - 1 + i) % 7) + 1) as Weekday);
}

/** The ISO weekday of a date of the proleptic Gregorian calendar (no zone involved). */
function isoWeekday(year: number, month: number, day: number): Weekday {
  const sunday0 = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return (sunday0 === 0 ? 7 : sunday0) as Weekday;
}

/**
 * The days in a month.
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The month's weeks, each seven cells: a day of the month, or null for a blank before the
 * first or after the last day.
 * @example monthGrid(2023, 2, 1)[0] // [null, null, 1, 2, 3, 4, 5] (1 February 2023 was a Wednesday)
 */
export function monthGrid(year: number, month: number, first: Weekday): (number | null)[][] {
  const leading = (isoWeekday(year, month, 1) - first + 7) % 7;
  const cells: (number | null)[] = [...Array<null>(leading).fill(null), ...Array.from({ length: daysInMonth(year, month) }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
