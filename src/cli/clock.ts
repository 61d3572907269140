/**
 * "Now" for the authoring commands: the wall clock in the site's zone, or a time the user
 * gives (`--date`, `--at`), read like a front-matter date.
 */
import { DateTime } from "luxon";
import { isoDateTime, readDate } from "../content/dates.ts";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";

/**
 * The time to write: `given` read in `zone`, or the current second there.
 * @example authoringTime("2023-02-18 09:30", "Europe/Berlin", "--date").text // "2023-02-18T09:30:00+01:00"
 */
export function authoringTime(given: string | undefined, zone: string, option: string): { date?: DateTime; text?: string; issue?: ContentIssue } {
  if (given === undefined) {
    const now = DateTime.now().setZone(zone).startOf("second");
    return { date: now, text: isoDateTime(now) };
  }
  const reading = readDate(given, zone);
  if (!reading.ok) return { issue: contentIssue("date-invalid", { file: option }, `${option} "${given}" cannot be used: ${reading.reason}.`) };
  return { date: reading.value, text: reading.hasTime ? isoDateTime(reading.value) : given.trim() };
}
