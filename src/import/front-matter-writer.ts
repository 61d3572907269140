/**
 * Writing an article file from fields: one fixed key order, so that converted archives read
 * alike and a second run of an import writes exactly the same bytes.
 */
import { stringify } from "yaml";

/** An update as written into front matter. */
export interface UpdateFields {
  at: string;
  kind?: "update" | "correction";
  text: string;
}

/** The front matter an importer or `gazette new` writes; empty values are left out. */
export interface ArticleFields {
  title: string;
  date: string;
  section: string;
  slug?: string;
  summary?: string;
  dateline?: string;
  authors?: string[];
  tags?: string[];
  draft?: boolean;
  updates?: UpdateFields[];
  /** Old paths of the article, recorded for the redirects feature. */
  aliases?: string[];
}

const ORDER: (keyof ArticleFields)[] = ["title", "date", "section", "slug", "summary", "dateline", "authors", "tags", "draft", "updates", "aliases"];

/**
 * The text of an article file: `---`, the fields as YAML in a fixed order, `---`, the body.
 * @example articleText({ title: "A", date: "2023-02-18", section: "world" }, "Text.\n") // "---\ntitle: A\ndate: 2023-02-18\nsection: world\n---\nText.\n"
 */
export function articleText(fields: ArticleFields, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) {
    const value = fields[key];
    if (value === undefined || value === "" || (Array.isArray(value) && !value.length) || value === false) continue;
    ordered[key] = value;
  }
  const yaml = stringify(ordered, { lineWidth: 0, version: "1.2" });
  const text = body.replace(/\s+$/, "");
  return `---\n${yaml}---\n${text ? `${text}\n` : ""}`;
}
