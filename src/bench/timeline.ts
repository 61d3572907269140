/**
 * Spreads article dates over the archive's years and formats them as ISO 8601 with the site
 * zone's offset. Articles are placed on a "newsroom clock" of publishing minutes
 * (06:00–21:59 local, every day), so nobody publishes at 3 a.m. and index order is date order.
 */
import { DateTime } from "luxon";

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

/** Maps article indices to publishing minutes and minutes to local ISO stamps. */
export class Timeline {
  /** Publishing minutes in the whole span. */
  readonly totalMinutes: number;
  // Offsets per day: one luxon lookup per day instead of per article. DST in Europe/Berlin
  // switches at 02:00/03:00, outside the 06:00–22:00 window, so one offset covers the whole day.
  private readonly offsets = new Map<number, string>();

  constructor(
    private readonly startYear: number,
    years: number,
    private readonly articles: number,
    private readonly zone: string,
  ) {
    const days = (Date.UTC(startYear + years, 0, 1) - Date.UTC(startYear, 0, 1)) / MS_PER_DAY;
    this.totalMinutes = days * MINUTES_PER_DAY;
  }

  /**
   * The publishing minute of article `index`; `jitter` in [0, 1) moves it within its slot, so
   * dates are irregular but still ascending with the index.
   */
  minuteOf(index: number, jitter: number): number {
    return Math.floor(((index + jitter) * this.totalMinutes) / Math.max(1, this.articles));
  }

  /** The local stamp of a publishing minute (minutes past the span's end are fine: updates). */
  stamp(minute: number): Stamp {
    const dayIndex = Math.floor(minute / MINUTES_PER_DAY);
    const minuteOfDay = FIRST_MINUTE + (minute % MINUTES_PER_DAY);
    const date = new Date(Date.UTC(this.startYear, 0, 1 + dayIndex));
    const year = String(date.getUTCFullYear());
    const month = pad(date.getUTCMonth() + 1);
    const day = pad(date.getUTCDate());
    let offset = this.offsets.get(dayIndex);
    if (offset === undefined) {
      const noon = DateTime.fromObject(
        { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 12 },
        { zone: this.zone },
      );
      offset = noon.toFormat("ZZ");
      this.offsets.set(dayIndex, offset);
    }
    const time = `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:00`;
    return { iso: `${year}-${month}-${day}T${time}${offset}`, year, month, day };
  }
}
