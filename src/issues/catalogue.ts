/**
 * The catalogue of permanent issue codes. A code, once published, keeps its meaning forever:
 * newsrooms script around them. The README's error table is generated from this object
 * (`gazette codes`), and a test keeps the two in step.
 */

/** What every catalogue entry says about its code. */
export interface CatalogueEntry {
  severity: "error" | "warning";
  /** One line: when this is reported. */
  summary: string;
  /** What a valid value looks like. */
  expected?: string;
  /** What to do about it. */
  hint?: string;
}

const entries = {
  "content-missing": {
    severity: "error",
    summary: "The content folder does not exist or is not a folder.",
    hint: "Pass the folder that holds site.yml with --content.",
  },
  "site-missing": {
    severity: "error",
    summary: "The content folder has no site.yml.",
    expected: "a site.yml file at the top of the content folder",
    hint: "Create site.yml with title, url, language, timeZone and sections (see the README).",
  },
  "site-yaml-syntax": {
    severity: "error",
    summary: "site.yml is not valid YAML.",
    hint: "Fix the YAML at the position shown; indentation and unclosed quotes are the usual causes.",
  },
  "site-field-missing": {
    severity: "error",
    summary: "A required site.yml field is missing or empty.",
    hint: "site.yml needs title, url and at least one section; the message names the field.",
  },
  "site-field-invalid": {
    severity: "error",
    summary: "A site.yml field has a value of the wrong kind or form.",
    hint: "The message names the field and the expected form; see the site.yml format in the README.",
  },
  "site-section-invalid": {
    severity: "error",
    summary: "A section in site.yml has a malformed id or no title.",
    expected: "an item `{ id: world/europe, title: Europe }`; ids are lowercase words of a–z, 0–9 and -, starting with a letter, joined by /",
  },
  "site-section-duplicate": {
    severity: "error",
    summary: "Two sections in site.yml have the same id.",
    hint: "Remove or rename one of them.",
  },
  "site-section-parent-missing": {
    severity: "error",
    summary: "A nested section's parent is not declared.",
    hint: "Declare the parent section too, e.g. `world` before `world/europe`.",
  },
  "file-unreadable": {
    severity: "error",
    summary: "An article file could not be read as UTF-8 text.",
    hint: "Save the file as UTF-8; check its permissions.",
  },
  "front-matter-syntax": {
    severity: "error",
    summary: "The article's front matter is not valid YAML.",
    hint: "Fix the YAML at the position shown; quote values that contain `: ` or start with a quote.",
  },
  "front-matter-missing": {
    severity: "error",
    summary: "The article has no front matter block, or it is not a mapping of fields.",
    expected: "the file to start with `---`, then `field: value` lines, then `---`",
  },
  "front-matter-language": {
    severity: "error",
    summary: "The opening `---` line names a front-matter language (`---js`, `---toml`, …); front matter is only ever YAML.",
    expected: "a first line that is just `---` (`---yaml` is accepted and means the same)",
    hint: "Remove the word after `---` and write the fields as YAML.",
  },
  "front-matter-unclosed": {
    severity: "error",
    summary: "The front matter opened on line 1 is never closed.",
    expected: "a line that is just `---` after the last field",
  },
  "front-matter-merge-key": {
    severity: "error",
    summary: "The front matter uses a YAML merge key (`<<: *name`), which Gazette does not read.",
    hint: "Write the fields out in each article instead of merging them from an anchor.",
  },
  "front-matter-aliases": {
    severity: "error",
    summary: "The front matter's aliases (`*name`) expand to far more values than the text holds.",
    expected: "front matter without aliases, or with a few of them",
  },
  "control-character": {
    severity: "error",
    summary: "A field or the body contains a control character (U+0000–U+001F other than tab and newline, U+007F) or a lone surrogate.",
    hint: "Delete the character; the message names the field and the character as U+XXXX.",
  },
  "field-not-scalar": {
    severity: "error",
    summary: "A field that takes one value (title, date, section, slug, summary, an update's at, text or kind) is a list or mapping.",
    hint: "Write the field as one value, e.g. `section: world`, not `section: [world]`.",
  },
  "title-missing": {
    severity: "error",
    summary: "The article has no title, or it is empty.",
    expected: "title: a non-empty string",
  },
  "title-invalid": {
    severity: "error",
    summary: "The title is not a string.",
    expected: "title: a non-empty string (quote it if it looks like a number or date)",
  },
  "date-missing": {
    severity: "error",
    summary: "The article has no date.",
    expected: 'date: "2023-02-18T09:30:00+01:00", a local "2023-02-18 09:30" (read in the site\'s zone) or a date "2023-02-18"',
  },
  "date-invalid": {
    severity: "error",
    summary: "A date cannot be read, or names a day or time that does not exist.",
    expected: "ISO 8601: 2023-02-18T09:30:00+01:00, 2023-02-18T08:30:00Z, 2023-02-18 09:30 or 2023-02-18; an offset needs a time and lies between -12:00 and +14:00",
  },
  "date-repeated": {
    severity: "warning",
    summary: "A local date-time occurs twice in the site's zone (clocks went back); it is read as the earlier instant.",
    hint: "Add the offset you mean, e.g. 2024-11-03T01:30:00-04:00 (the first 01:30 in New York) or -05:00 (the second).",
  },
  "section-missing": {
    severity: "error",
    summary: "The article has no section.",
    expected: "section: an id declared in site.yml",
  },
  "section-unknown": {
    severity: "error",
    summary: "The article's section is not declared in site.yml.",
    hint: "Use one of the ids declared in site.yml, or declare the section there.",
  },
  "slug-invalid": {
    severity: "error",
    summary: "An explicit slug is not lowercase and URL-safe, or the file name gives no slug.",
    expected: "slug: lowercase letters, digits, -, _ and ., not starting with a dot (e.g. budget-vote-live)",
  },
  "slug-too-long": {
    severity: "error",
    summary: "The slug, explicit or derived from the file name, is longer than 200 bytes (file systems allow 255 per folder name).",
    hint: "Set a shorter explicit slug, or rename the file.",
  },
  "draft-invalid": {
    severity: "error",
    summary: "draft is not a real boolean.",
    expected: "draft: true or draft: false, unquoted",
  },
  "summary-invalid": {
    severity: "error",
    summary: "summary is not a string.",
    expected: "summary: one sentence of text",
  },
  "authors-invalid": {
    severity: "error",
    summary: "authors is neither a name nor a list of names.",
    expected: "authors: Mara Keller, or a list of non-empty names",
  },
  "tags-invalid": {
    severity: "error",
    summary: "tags is not a list of non-empty strings.",
    expected: "tags: [ferry, budget]",
  },
  "updates-invalid": {
    severity: "error",
    summary: "updates, or one of its items, has the wrong shape.",
    expected: "updates: a list of { at, text, kind } mappings",
  },
  "update-at-missing": {
    severity: "error",
    summary: "An update has no `at` time.",
    expected: 'at: a date-time like the article\'s date, e.g. "2023-02-18T14:16:00+01:00"',
  },
  "update-before-date": {
    severity: "error",
    summary: "An update is timed at or before the article's publication.",
    hint: "Check the update's `at` and the article's `date`; an update is added after publication.",
  },
  "update-text-missing": {
    severity: "error",
    summary: "An update has no text.",
    expected: "text: Markdown saying what changed",
  },
  "update-kind-invalid": {
    severity: "error",
    summary: "An update's kind is neither `update` nor `correction`.",
    expected: "kind: update (the default) or kind: correction",
  },
  "url-duplicate": {
    severity: "error",
    summary: "Two articles would be written to the same URL.",
    hint: "Give one of them a different file name or an explicit slug.",
  },
  "image-invalid": {
    severity: "error",
    summary: "An image (an article's `image`, or site.yml's `image` or `publisher.logo`) has the wrong shape.",
    expected: "image: { src: /media/harbour.jpg, alt: The harbour at dawn, caption: …, credit: … }; src is a site-relative path or an absolute http(s) URL",
  },
  "image-alt-missing": {
    severity: "error",
    summary: "An image has no `alt` text, which screen readers and previews need.",
    expected: "alt: a short description of what the image shows",
    hint: "Describe the picture in a few words; an empty alt is refused too, since a preview image always carries meaning.",
  },
  "symlink-loop": {
    severity: "warning",
    summary: "A symbolic link in the content folder points at a folder it is inside; it is not followed.",
    hint: "Remove the link, or point it at a folder outside its own ancestors.",
  },
} as const satisfies Record<string, CatalogueEntry>;

/** A permanent issue code. */
export type IssueCode = keyof typeof entries;

/** Every code with what it means. */
export const CATALOGUE: Record<IssueCode, CatalogueEntry> = entries;

/**
 * The README's table of codes, generated so that documentation never drifts from the code.
 * @example catalogueTable().split("\n")[0] // "| code | severity | reported when | expected / what to do |"
 */
export function catalogueTable(): string {
  const rows = (Object.keys(CATALOGUE) as IssueCode[]).map((code) => {
    const entry = CATALOGUE[code];
    const advice = [entry.expected && `expected ${entry.expected}`, entry.hint].filter(Boolean).join("; ");
    return `| \`${code}\` | ${entry.severity} | ${entry.summary} | ${advice.replace(/\|/g, "\\|")} |`;
  });
  return ["| code | severity | reported when | expected / what to do |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
