/**
 * Validating and normalising one article file into the typed Article. Every problem in the
 * file is collected; an Article is returned only when there are none.
 */
import { readDate, repeatedTimeAdvice, type DateReading } from "./dates.ts";
import { contentIssue, hasErrors, type ContentIssue } from "../issues/content-issue.ts";
import type { Article, Section, SiteConfig, Update, UpdateKind } from "../model.ts";
import { articleUrl } from "../archive/permalinks.ts";
import { isSafeSlug, slugFromFileName, slugSourceName, slugTooLong, MAX_SLUG_BYTES } from "./slugs.ts";
import { splitArticle } from "./front-matter.ts";
import { nearest } from "./suggest.ts";
import { readImage } from "./image-field.ts";
import { readPublishingFields } from "./publishing-fields.ts";
import { isWindowsReserved } from "../publishing/alias-paths.ts";
import { contentWarnings } from "./content-warnings.ts";
import { controlsIn, findControl, mergeKeys, positionIn } from "./text-checks.ts";
import type { FieldPath, YamlSource } from "./yaml-source.ts";

/** What validation needs to know about the site. */
export interface ValidationContext {
  site: Pick<SiteConfig, "timeZone">;
  sections: ReadonlyMap<string, Section>;
}

/** The outcome for one file. */
export interface ArticleResult {
  article?: Article;
  issues: ContentIssue[];
}

type Fields = Record<string, unknown>;

/**
 * Validates the text of the article at `file` (relative to the content folder).
 * @example validateArticle("2023/a.md", "---\ntitle: A\ndate: 2023-02-18\nsection: world\n---\nBody", context).article?.url // "/2023/02/18/a/"
 */
export function validateArticle(file: string, text: string, context: ValidationContext): ArticleResult {
  const { hasFrontMatter, frontMatter, raw, body, bodyLine, problem } = splitArticle(text);
  if (problem) return { issues: [contentIssue(problem.code, { file, line: 1, column: 1 }, problem.message)] };
  if (frontMatter.errors.length) {
    return {
      issues: frontMatter.errors.map((e) =>
        e.kind === "alias-expansion"
          ? contentIssue("front-matter-aliases", { file, line: e.line, column: e.column }, `The front matter is refused: ${e.message}.`)
          : contentIssue("front-matter-syntax", { file, line: e.line, column: e.column }, `Front matter is not valid YAML: ${e.message}.`),
      ),
    };
  }
  const data = frontMatter.data;
  if (!hasFrontMatter || typeof data !== "object" || data === null || Array.isArray(data)) {
    return {
      issues: [
        contentIssue("front-matter-missing", { file, line: 1, column: 1 }, hasFrontMatter ? "The front matter is not a mapping of fields." : "The file has no front matter."),
      ],
    };
  }
  const merges = mergeKeys(data);
  if (merges.length) {
    return {
      issues: merges.map((path) =>
        contentIssue("front-matter-merge-key", { file, ...(frontMatter.locate(path) ?? { line: 1, column: 1 }), field: fieldName(path) }, "The front matter uses a YAML merge key (<<), which is not read."),
      ),
    };
  }
  return new ArticleValidator(file, data as Fields, frontMatter, context).run(body, bodyLine, raw);
}

class ArticleValidator {
  readonly issues: ContentIssue[] = [];

  constructor(
    readonly file: string,
    readonly data: Fields,
    readonly source: YamlSource,
    readonly context: ValidationContext,
  ) {}

  at(path: FieldPath) {
    const position = this.source.locate(path) ?? this.source.locate(path.slice(0, 1)) ?? { line: 1, column: 1 };
    return { file: this.file, field: fieldName(path), ...position };
  }

  run(body: string, bodyLine: number, raw: string): ArticleResult {
    this.controls(body, bodyLine);
    const title = this.title();
    const date = this.date();
    const sectionId = this.section();
    const slug = this.slug();
    const summary = this.optionalText("summary");
    const dateline = this.optionalText("dateline");
    const authors = this.names("authors", "authors-invalid");
    const tags = this.names("tags", "tags-invalid", true);
    const draft = this.draft();
    const updates = date ? this.updates(date.value) : [];
    const image = readImage(this.data.image, ["image"], (path) => this.at(path), this.issues, true);
    const publishing = readPublishingFields(this.data, (path) => this.at(path), this.issues, this.context.site.timeZone);
    this.issues.push(...contentWarnings({ data: this.data, body, summary }, (path) => this.at(path)));
    if (hasErrors(this.issues) || !title || !date || !sectionId || !slug) return { issues: this.issues };
    const newestFirst = [...updates].sort((a, b) => b.at.toMillis() - a.at.toMillis());
    return {
      issues: this.issues,
      article: {
        file: this.file,
        title,
        slug,
        ...(this.data.slug === undefined || this.data.slug === null ? {} : { slugLine: this.slugLine(raw) }),
        date: date.value,
        dateHasTime: date.hasTime,
        sectionId,
        summary,
        ...(dateline === undefined ? {} : { dateline }),
        authors,
        tags,
        draft,
        updates: newestFirst,
        lastUpdated: newestFirst[0]?.at,
        url: articleUrl(date.value, slug),
        ...(image ? { image } : {}),
        ...publishing,
        body,
      },
    };
  }

  /** Control characters anywhere in the front matter's text, and in the body. */
  controls(body: string, bodyLine: number): void {
    for (const [path, found] of controlsIn(this.data)) {
      this.issues.push(contentIssue("control-character", this.at(path), `${fieldName(path)} contains the control character ${found.codePoint}.`));
    }
    const found = findControl(body);
    if (found) {
      const where = { file: this.file, field: "body", ...positionIn(body, found.index, bodyLine) };
      this.issues.push(contentIssue("control-character", where, `The body contains the control character ${found.codePoint}.`));
    }
  }

  /** The line of an explicit slug, found without the slower position-keeping parse when it can be. */
  slugLine(raw: string): number {
    const match = /\nslug[ \t]*:/.exec(raw);
    return match ? positionIn(raw, match.index + 1, 1).line : this.at(["slug"]).line;
  }

  /** True (after reporting it) when a one-value field holds a list or mapping. */
  notScalar(path: FieldPath, value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    this.issues.push(contentIssue("field-not-scalar", this.at(path), `${fieldName(path)} must be one value, found ${kindOf(value)}.`));
    return true;
  }

  title(): string | undefined {
    const value = this.data.title;
    if (this.notScalar(["title"], value)) return undefined;
    if (typeof value === "string" && value.trim()) return value.trim();
    if (value === undefined || value === null || (typeof value === "string" && !value.trim())) {
      this.issues.push(contentIssue("title-missing", this.at(["title"]), value === undefined ? "The article has no title." : "The article's title is empty."));
    } else {
      this.issues.push(contentIssue("title-invalid", this.at(["title"]), `The title must be text, found ${kindOf(value)}.`));
    }
    return undefined;
  }

  date() {
    const value = this.data.date;
    if (this.notScalar(["date"], value)) return undefined;
    if (value === undefined || value === null || value === "") {
      this.issues.push(contentIssue("date-missing", this.at(["date"]), "The article has no date."));
      return undefined;
    }
    const reading = readDate(value, this.context.site.timeZone);
    if (!reading.ok) {
      this.issues.push(contentIssue("date-invalid", this.at(["date"]), `The date cannot be used: ${reading.reason}.`));
      return undefined;
    }
    this.warnIfRepeated(reading, ["date"]);
    return reading;
  }

  warnIfRepeated(reading: DateReading, path: FieldPath): void {
    if (!reading.ok || !reading.repeated) return;
    const { message, hint } = repeatedTimeAdvice(reading.repeated, this.context.site.timeZone);
    this.issues.push(contentIssue("date-repeated", this.at(path), message, { hint }));
  }

  section(): string | undefined {
    const value = this.data.section;
    if (this.notScalar(["section"], value)) return undefined;
    if (value === undefined || value === null || value === "") {
      this.issues.push(contentIssue("section-missing", this.at(["section"]), "The article has no section."));
      return undefined;
    }
    const id = String(value).trim().replace(/^\/+|\/+$/g, "");
    if (this.context.sections.has(id)) return id;
    const declared = [...this.context.sections.keys()];
    const suggestion = nearest(id, declared);
    this.issues.push(
      contentIssue("section-unknown", this.at(["section"]), `The section "${String(value)}" is not declared in site.yml.`, {
        expected: `one of: ${declared.join(", ")}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : "Declare the section in site.yml, or use a declared one.",
      }),
    );
    return undefined;
  }

  slug(): string | undefined {
    const value = this.data.slug;
    if (this.notScalar(["slug"], value)) return undefined;
    if (value === undefined || value === null) {
      const fileName = slugSourceName(this.file);
      const derived = slugFromFileName(fileName);
      if (derived && slugTooLong(derived)) {
        this.issues.push(contentIssue("slug-too-long", { file: this.file, line: 1, column: 1 }, `The slug derived from the file name is ${Buffer.byteLength(derived)} bytes long, more than ${MAX_SLUG_BYTES}.`));
        return undefined;
      }
      if (derived && isWindowsReserved(derived)) {
        this.issues.push(contentIssue("slug-invalid", { file: this.file, line: 1, column: 1 }, `The slug "${derived}" derived from the file name is a name Windows reserves for a device.`, { hint: "Rename the file, or set an explicit slug." }));
        return undefined;
      }
      if (derived) return derived;
      this.issues.push(contentIssue("slug-invalid", { file: this.file, line: 1, column: 1 }, `The file name "${fileName}" gives no usable slug.`, { hint: "Rename the file, or set an explicit slug." }));
      return undefined;
    }
    if (typeof value === "string" && isSafeSlug(value) && slugTooLong(value)) {
      this.issues.push(contentIssue("slug-too-long", this.at(["slug"]), `The slug is ${Buffer.byteLength(value)} bytes long, more than ${MAX_SLUG_BYTES}.`));
      return undefined;
    }
    if (typeof value === "string" && isSafeSlug(value) && isWindowsReserved(value)) {
      this.issues.push(contentIssue("slug-invalid", this.at(["slug"]), `The slug "${value}" is a name Windows reserves for a device.`, { hint: `Write it as "${value}-1" or another word.` }));
      return undefined;
    }
    if (typeof value === "string" && isSafeSlug(value)) return value;
    const suggestion = typeof value === "string" || typeof value === "number" ? slugFromFileName(String(value)) : "";
    this.issues.push(
      contentIssue("slug-invalid", this.at(["slug"]), `The slug "${String(value)}" is not lowercase and URL-safe.`, {
        hint: suggestion ? `Write it as "${suggestion}" if that is the URL you want.` : undefined,
      }),
    );
    return undefined;
  }

  optionalText(key: "summary" | "dateline"): string | undefined {
    const value = this.data[key];
    if (value === undefined || value === null || this.notScalar([key], value)) return undefined;
    if (typeof value === "string") return value.trim() || undefined;
    this.issues.push(contentIssue(`${key}-invalid`, this.at([key]), `The ${key} must be text, found ${kindOf(value)}.`));
    return undefined;
  }

  names(key: "authors" | "tags", code: "authors-invalid" | "tags-invalid", listOnly = false): string[] {
    const value = this.data[key];
    if (value === undefined || value === null) return [];
    if (!listOnly && typeof value === "string" && value.trim()) return [value.trim()];
    const list = Array.isArray(value) ? value : undefined;
    const bad = list === undefined ? -1 : list.findIndex((item) => typeof item !== "string" || !item.trim());
    if (list && bad === -1) return unique(list.map((item: string) => item.trim()));
    this.issues.push(
      contentIssue(code, this.at(bad >= 0 ? [key, bad] : [key]), bad >= 0 ? `Item ${bad + 1} of ${key} is not a non-empty name.` : `${key} must be ${listOnly ? "a list" : "a name or a list"} of names, found ${kindOf(value)}.`),
    );
    return [];
  }

  draft(): boolean {
    const value = this.data.draft;
    if (value === undefined || value === null) return false;
    if (typeof value === "boolean") return value;
    this.issues.push(contentIssue("draft-invalid", this.at(["draft"]), `draft must be true or false, found ${kindOf(value)}.`));
    return false;
  }

  updates(published: Article["date"]): Update[] {
    const value = this.data.updates;
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.issues.push(contentIssue("updates-invalid", this.at(["updates"]), `updates must be a list, found ${kindOf(value)}.`));
      return [];
    }
    const updates: Update[] = [];
    value.forEach((item, index) => {
      const update = this.update(item, index, published);
      if (update) updates.push(update);
    });
    return updates;
  }

  update(item: unknown, index: number, published: Article["date"]): Update | undefined {
    const path = ["updates", index] as const;
    const label = `Update ${index + 1}`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      this.issues.push(contentIssue("updates-invalid", this.at(path), `${label} must be a mapping with at, text and kind, found ${kindOf(item)}.`));
      return undefined;
    }
    const fields = item as Fields;
    let ok = true;
    const kind = fields.kind ?? "update";
    if (this.notScalar([...path, "kind"], kind)) {
      ok = false;
    } else if (kind !== "update" && kind !== "correction") {
      this.issues.push(contentIssue("update-kind-invalid", this.at([...path, "kind"]), `${label} has kind "${String(kind)}".`));
      ok = false;
    }
    const text = fields.text;
    if (this.notScalar([...path, "text"], text)) {
      ok = false;
    } else if (typeof text !== "string" || !text.trim()) {
      this.issues.push(contentIssue("update-text-missing", this.at([...path, "text"]), `${label} has no text.`));
      ok = false;
    }
    let at;
    if (this.notScalar([...path, "at"], fields.at)) {
      ok = false;
    } else if (fields.at === undefined || fields.at === null || fields.at === "") {
      this.issues.push(contentIssue("update-at-missing", this.at(path), `${label} has no time (at).`));
      ok = false;
    } else {
      const reading = readDate(fields.at, this.context.site.timeZone);
      if (!reading.ok) {
        this.issues.push(contentIssue("date-invalid", this.at([...path, "at"]), `${label}'s time cannot be used: ${reading.reason}.`));
        ok = false;
      } else if (reading.value <= published) {
        this.issues.push(
          contentIssue("update-before-date", this.at([...path, "at"]), `${label} is timed ${reading.value.toISO({ suppressMilliseconds: true })}, not after the article's date ${published.toISO({ suppressMilliseconds: true })}.`),
        );
        ok = false;
      } else {
        this.warnIfRepeated(reading, [...path, "at"]);
        at = reading.value;
      }
    }
    return ok && at ? { at, kind: kind as UpdateKind, text: (text as string).trim() } : undefined;
  }
}

function fieldName(path: FieldPath): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i ? `.${part}` : part)).join("");
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text "${value}"`;
  return `the ${typeof value} ${String(value)}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
