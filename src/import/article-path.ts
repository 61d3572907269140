/**
 * Where an imported or new article lives: `YYYY/MM/DD/<slug>.md`, the date taken in the
 * site's zone, so the folder matches the article's URL.
 */
import type { DateTime } from "luxon";
import { slugFromFileName } from "../content/slugs.ts";

/**
 * The article's path relative to the content folder.
 * @example articlePath(DateTime.fromISO("2023-02-18T09:30:00+01:00", { zone: "Europe/Berlin" }), "budget") // "2023/02/18/budget.md"
 */
export function articlePath(date: DateTime, slug: string): string {
  return `${date.toFormat("yyyy/MM/dd")}/${slug}.md`;
}

/**
 * The explicit `slug:` an article needs, or undefined when its file name already gives it.
 * @example slugField("2023-01-01-x") // "2023-01-01-x" (the file-name rule would drop the date)
 */
export function slugField(slug: string): string | undefined {
  return slugFromFileName(`${slug}.md`) === slug ? undefined : slug;
}
