/**
 * Spreads article dates over the archive's years and formats them as ISO 8601 with the site
 * zone's offset. Articles are placed on a "newsroom clock" of publishing minutes
 * (06:00–21:59 local, every day), so nobody publishes at 3 a.m. and index order is date order.
 */
import { IANAZone } from "luxon";

const FIRST_MINUTE = 6 * 60;
const MINUTES_PER_DAY = 16 * 60;
const MS_PER_DAY = 86_400_000;

/** A point on the newsroom clock, formatted for front matter and URLs. */
export interface Stamp {
  /** e.g. "2023-02-18T09:30:00+01:00" */
  iso: string;
  /** Local calendar date parts, zero-padded: "2023", "02", "18". */
  year: string;
  month: string;
  day: string;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

// "+01:00" / "-03:30" from an offset in minutes, as ISO 8601 wants it.
function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Maps article indices to publishing minutes and minutes to local ISO stamps. */
export class Timeline {
  /** Publishing minutes in the whole span. */
  readonly totalMinutes: number;
  // Offsets per day: one luxon lookup per day instead of per article. DST in Europe/Berlin
  // switches at 02:00/03:00, outside the 06:00–22:00 window, so one offset covers the whole day.
  private readonly offsets = new Map<number, string>();
  private readonly ianaZone: IANAZone;
  private readonly startYear: number;
  private readonly articles: number;

  // Plain fields rather than parameter properties: that keeps the file erasable-syntax-only.
  constructor(startYear: number, years: number, articles: number, zone: string) {
    this.startYear = startYear;
    this.articles = articles;
    const days = (Date.UTC(startYear + years, 0, 1) - Date.UTC(startYear, 0, 1)) / MS_PER_DAY;
    this.totalMinutes = days * MINUTES_PER_DAY;
    if (!IANAZone.isValidZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
    this.ianaZone = IANAZone.create(zone);
  }

  /**
   * The publishing minute of article `index`; `jitter` in [0, 1) moves it within its slot, so
   * dates are irregular but still ascending with the index.
   * @example new Timeline(2010, 1, 365, "Europe/Berlin").minuteOf(1, 0) // 960: 06:00 on 2 January
   */
  minuteOf(index: number, jitter: number): number {
    return Math.floor(((index + jitter) * this.totalMinutes) / Math.max(1, this.articles));
  }

  /**
   * The local stamp of a publishing minute (minutes past the span's end are fine: updates).
   * @example new Timeline(2023, 1, 1, "Europe/Berlin").stamp(48 * 960 + 210).iso // "2023-02-18T09:30:00+01:00"
   */
  stamp(minute: number): Stamp {
    const dayIndex = Math.floor(minute / MINUTES_PER_DAY);
    const minuteOfDay = FIRST_MINUTE + (minute % MINUTES_PER_DAY);
    const date = new Date(Date.UTC(this.startYear, 0, 1 + dayIndex));
    const year = String(date.getUTCFullYear());
    const month = pad(date.getUTCMonth() + 1);
    const day = pad(date.getUTCDate());
    let offset = this.offsets.get(dayIndex);
    if (offset === undefined) {
      // 11:00 UTC is midday in any European zone; the offset then holds for the whole window.
      const minutes = this.ianaZone.offset(date.getTime() + 11 * 3_600_000);
      offset = formatOffset(minutes);
      this.offsets.set(dayIndex, offset);
    }
    const time = `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:00`;
    return { iso: `${year}-${month}-${day}T${time}${offset}`, year, month, day };
  }
}
