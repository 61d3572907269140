/**
 * A listing page's data as text, with each article it shows written as a reference to the
 * article's file: what a quick rebuild (quick-listings.ts) keeps of every listing page, so that
 * when an article's headline or summary alone changes it can render the pages that show it
 * with every other article's teaser as the last build had it, without indexing the archive.
 * Luxon DateTimes are written as their instant and zone. The text is JSON; the references and
 * instants are objects with a key no page's own data has.
 */
import { DateTime } from "luxon";

/** The key of a reference to an article (its file). */
const ARTICLE = "\u0000article";
/** The keys of an instant: epoch milliseconds and the zone it is shown in. */
const AT = "\u0000at";
const ZONE = "\u0000zone";

/**
 * The text of `page`, each object `fileOf` knows written as a reference to that file.
 * @example packPage({ url: "/", latest: [summary] }, (v) => (v === summary ? "2023/a.md" : undefined)) // '{"url":"/","latest":[{"\\u0000article":"2023/a.md"}]}'
 */
export function packPage(page: object, fileOf: (value: object) => string | undefined): string {
  return JSON.stringify(page, function (this: Record<string, unknown>, key: string, value: unknown) {
    // `value` has been through toJSON (a DateTime is its ISO text by then): the holder has the object itself.
    const raw = key === "" ? value : this[key];
    if (raw === null || typeof raw !== "object") return value;
    const file = fileOf(raw);
    if (file !== undefined) return { [ARTICLE]: file };
    if (DateTime.isDateTime(raw)) return { [AT]: raw.toMillis(), [ZONE]: raw.zoneName };
    return value;
  });
}

/**
 * The page again from its text, each reference replaced by what `articleOf` gives for its file.
 * @example unpackPage('{"latest":[{"\\u0000article":"2023/a.md"}]}', (file) => summaries.get(file)!).latest[0] // the summary
 */
export function unpackPage<T>(text: string, articleOf: (file: string) => object): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const item = value as Record<string, unknown>;
    if (typeof item[ARTICLE] === "string") return articleOf(item[ARTICLE]);
    if (typeof item[AT] === "number") return DateTime.fromMillis(item[AT], { zone: item[ZONE] as string });
    return value;
  }) as T;
}

/**
 * The files of the articles `page` shows, each once, in the order first met.
 * @example filesShown({ latest: [a, b], blocks: [{ articles: [a] }] }, fileOf) // ["2023/a.md", "2023/b.md"]
 */
export function filesShown(page: object, fileOf: (value: object) => string | undefined): string[] {
  const files = new Set<string>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== "object") return;
    const file = fileOf(value);
    if (file !== undefined) files.add(file);
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (!DateTime.isDateTime(value)) for (const key in value) visit((value as Record<string, unknown>)[key]);
  };
  visit(page);
  return [...files];
}
