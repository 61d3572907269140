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
  /** A short input that provokes it, for the README's table. */
  example?: string;
  /** What a valid value looks like. */
  expected?: string;
  /** What to do about it. */
  hint?: string;
  /**
   * What kind of failure this is, and so the exit code: `content` (1, the default: the archive
   * has errors), `usage` (2: the command was given wrongly) or `environment` (3: the file
   * system refused something; nothing was changed).
   */
  kind?: FailureKind;
}

/** The kinds of failure, each with its own exit code. */
export type FailureKind = "content" | "usage" | "environment";

/** The exit code of each kind of failure. */
export const EXIT_CODE_OF: Record<FailureKind, number> = { content: 1, usage: 2, environment: 3 };

const entries = {
  "content-missing": {
    example: "gazette build --content contnet (no such folder)",
    severity: "error",
    summary: "The content folder does not exist or is not a folder.",
    hint: "Pass the folder that holds site.yml with --content.",
  },
  "site-missing": {
    example: "content/ without site.yml",
    severity: "error",
    summary: "The content folder has no site.yml.",
    expected: "a site.yml file at the top of the content folder",
    hint: "Create site.yml with title, url, language, timeZone and sections (see the README).",
  },
  "site-yaml-syntax": {
    example: "title: \"The Daily (an unclosed quote)",
    severity: "error",
    summary: "site.yml is not valid YAML.",
    hint: "Fix the YAML at the position shown; indentation and unclosed quotes are the usual causes.",
  },
  "site-field-missing": {
    example: "site.yml without url:",
    severity: "error",
    summary: "A required site.yml field is missing or empty.",
    hint: "site.yml needs title, url and at least one section; the message names the field.",
  },
  "site-field-invalid": {
    example: "timeZone: Europe/Atlantis, or rawHtml: allow",
    severity: "error",
    summary: "A site.yml field has a value of the wrong kind or form.",
    hint: "The message names the field and the expected form; see the site.yml format in the README.",
  },
  "site-section-invalid": {
    example: "sections: [{ id: World News }]",
    severity: "error",
    summary: "A section in site.yml has a malformed id or no title.",
    expected: "an item `{ id: world/europe, title: Europe }`; ids are lowercase words of a–z, 0–9 and -, starting with a letter, joined by /",
  },
  "site-section-duplicate": {
    example: "two sections with id: world",
    severity: "error",
    summary: "Two sections in site.yml have the same id.",
    hint: "Remove or rename one of them.",
  },
  "site-section-parent-missing": {
    example: "id: world/europe without a world section",
    severity: "error",
    summary: "A nested section's parent is not declared.",
    hint: "Declare the parent section too, e.g. `world` before `world/europe`.",
  },
  "file-unreadable": {
    example: "an article saved as Latin-1 or UTF-16, or a binary file named .md",
    severity: "error",
    summary: "An article file could not be read as UTF-8 text.",
    hint: "Save the file as UTF-8; check its permissions.",
  },
  "front-matter-syntax": {
    example: "title: [unclosed",
    severity: "error",
    summary: "The article's front matter is not valid YAML.",
    hint: "Fix the YAML at the position shown; quote values that contain `: ` or start with a quote.",
  },
  "front-matter-missing": {
    example: "a file that starts with its body, no --- block",
    severity: "error",
    summary: "The article has no front matter block, or it is not a mapping of fields.",
    expected: "the file to start with `---`, then `field: value` lines, then `---`",
  },
  "front-matter-language": {
    example: "---js on the first line",
    severity: "error",
    summary: "The opening `---` line names a front-matter language (`---js`, `---toml`, …); front matter is only ever YAML.",
    expected: "a first line that is just `---` (`---yaml` is accepted and means the same)",
    hint: "Remove the word after `---` and write the fields as YAML.",
  },
  "front-matter-unclosed": {
    example: "--- on line 1 and no closing ---",
    severity: "error",
    summary: "The front matter opened on line 1 is never closed.",
    expected: "a line that is just `---` after the last field",
  },
  "front-matter-merge-key": {
    example: "<<: *defaults",
    severity: "error",
    summary: "The front matter uses a YAML merge key (`<<: *name`), which Gazette does not read.",
    hint: "Write the fields out in each article instead of merging them from an anchor.",
  },
  "front-matter-aliases": {
    example: "nine levels of &l1 [*l0, *l0, …] (a billion laughs)",
    severity: "error",
    summary: "The front matter's aliases (`*name`) expand to far more values than the text holds.",
    expected: "front matter without aliases, or with a few of them",
  },
  "control-character": {
    example: "title: \"Bell\\u0007\"",
    severity: "error",
    summary: "A field or the body contains a control character (U+0000–U+001F other than tab and newline, U+007F) or a lone surrogate.",
    hint: "Delete the character; the message names the field and the character as U+XXXX.",
  },
  "field-not-scalar": {
    example: "section: { id: world }",
    severity: "error",
    summary: "A field that takes one value (title, date, section, slug, summary, an update's at, text or kind) is a list or mapping.",
    hint: "Write the field as one value, e.g. `section: world`, not `section: [world]`.",
  },
  "title-missing": {
    example: "title: \"\"",
    severity: "error",
    summary: "The article has no title, or it is empty.",
    expected: "title: a non-empty string",
  },
  "title-invalid": {
    example: "title: 2024",
    severity: "error",
    summary: "The title is not a string.",
    expected: "title: a non-empty string (quote it if it looks like a number or date)",
  },
  "date-missing": {
    example: "no date: line",
    severity: "error",
    summary: "The article has no date.",
    expected: 'date: "2023-02-18T09:30:00+01:00", a local "2023-02-18 09:30" (read in the site\'s zone) or a date "2023-02-18"',
  },
  "date-invalid": {
    example: "date: 2023-02-30",
    severity: "error",
    summary: "A date cannot be read, or names a day or time that does not exist.",
    expected: "ISO 8601: 2023-02-18T09:30:00+01:00, 2023-02-18T08:30:00Z, 2023-02-18 09:30 or 2023-02-18; an offset needs a time and lies between -12:00 and +14:00",
  },
  "date-repeated": {
    example: "date: 2023-11-05T01:30:00 in America/New_York",
    severity: "warning",
    summary: "A local date-time occurs twice in the site's zone (clocks went back); it is read as the earlier instant.",
    hint: "Add the offset you mean, e.g. 2024-11-03T01:30:00-04:00 (the first 01:30 in New York) or -05:00 (the second).",
  },
  "section-missing": {
    example: "no section: line",
    severity: "error",
    summary: "The article has no section.",
    expected: "section: an id declared in site.yml",
  },
  "section-unknown": {
    example: "section: wrld",
    severity: "error",
    summary: "The article's section is not declared in site.yml.",
    hint: "Use one of the ids declared in site.yml, or declare the section there.",
  },
  "slug-invalid": {
    example: "slug: My Story!",
    severity: "error",
    summary: "An explicit slug is not lowercase and URL-safe, or the file name gives no slug.",
    expected: "slug: lowercase letters, digits, -, _ and ., not starting with a dot (e.g. budget-vote-live)",
  },
  "slug-too-long": {
    example: "slug: a…a (230 letters)",
    severity: "error",
    summary: "The slug, explicit or derived from the file name, is longer than 200 bytes (file systems allow 255 per folder name).",
    hint: "Set a shorter explicit slug, or rename the file.",
  },
  "draft-invalid": {
    example: "draft: \"yes\"",
    severity: "error",
    summary: "draft is not a real boolean.",
    expected: "draft: true or draft: false, unquoted",
  },
  "summary-invalid": {
    example: "summary: [a, b]",
    severity: "error",
    summary: "summary is not a string.",
    expected: "summary: one sentence of text",
  },
  "dateline-invalid": {
    example: "dateline: 42",
    severity: "error",
    summary: "dateline is not a string.",
    expected: "dateline: the place the story was filed from, e.g. LAKEFORD",
  },
  "authors-invalid": {
    example: "authors: { name: Ann }",
    severity: "error",
    summary: "authors is neither a name nor a list of names.",
    expected: "authors: Mara Keller, or a list of non-empty names",
  },
  "tags-invalid": {
    example: "tags: budget (not a list)",
    severity: "error",
    summary: "tags is not a list of non-empty strings.",
    expected: "tags: [ferry, budget]",
  },
  "updates-invalid": {
    example: "updates: \"fixed a typo\"",
    severity: "error",
    summary: "updates, or one of its items, has the wrong shape.",
    expected: "updates: a list of { at, text, kind } mappings",
  },
  "update-at-missing": {
    example: "- text: Figures confirmed. (no at:)",
    severity: "error",
    summary: "An update has no `at` time.",
    expected: 'at: a date-time like the article\'s date, e.g. "2023-02-18T14:16:00+01:00"',
  },
  "update-before-date": {
    example: "- at: 2023-02-17 for an article dated 2023-02-18",
    severity: "error",
    summary: "An update is timed at or before the article's publication.",
    hint: "Check the update's `at` and the article's `date`; an update is added after publication.",
  },
  "update-text-missing": {
    example: "- at: 2023-02-19T10:00 (no text:)",
    severity: "error",
    summary: "An update has no text.",
    expected: "text: Markdown saying what changed",
  },
  "update-kind-invalid": {
    example: "kind: erratum",
    severity: "error",
    summary: "An update's kind is neither `update` nor `correction`.",
    expected: "kind: update (the default) or kind: correction",
  },
  "url-duplicate": {
    example: "2023/a.md and b.md with slug: a, both dated 2023-02-18",
    severity: "error",
    summary: "Two articles would be written to the same URL.",
    hint: "Give one of them a different file name or an explicit slug.",
  },
  "image-invalid": {
    example: "image: /media/a.jpg (not a mapping)",
    severity: "error",
    summary: "An image (an article's `image`, or site.yml's `image` or `publisher.logo`) has the wrong shape.",
    expected: "image: { src: /media/harbour.jpg, alt: The harbour at dawn, caption: …, credit: … }; src is a path relative to the article (an image beside it), a site-relative path or an absolute http(s) URL",
  },
  "image-alt-missing": {
    example: "image: { src: /media/a.jpg }",
    severity: "error",
    summary: "An image has no `alt` text, which screen readers and previews need.",
    expected: "alt: a short description of what the image shows",
    hint: "Describe the picture in a few words; an empty alt is refused too, since a preview image always carries meaning.",
  },
  "symlink-loop": {
    example: "content/sub/up → content",
    severity: "warning",
    summary: "A symbolic link in the content folder points at a folder it is inside; it is not followed.",
    hint: "Remove the link, or point it at a folder outside its own ancestors.",
  },
  "base-url-invalid": {
    example: "--base-url preview.example.org",
    severity: "error",
    kind: "usage",
    summary: "The --base-url given to a build is not an absolute http(s) address.",
    expected: "--base-url https://preview.example.org/archive/ (an origin, optionally with a path)",
    hint: "Write the address the site is served from, with https:// and without a query or fragment.",
  },
  "preview-folder-missing": {
    example: "gazette preview --out _sit",
    severity: "error",
    kind: "usage",
    summary: "The folder given to `gazette preview` does not exist or holds no built site (no index.html).",
    hint: "Build it first (`gazette build --out DIR`), then pass the same folder with --out.",
  },
  "preview-port-unavailable": {
    example: "gazette preview --port 80 as a user",
    severity: "error",
    kind: "environment",
    summary: "`gazette preview` could not listen on the address and port asked for.",
    hint: "Another program uses the port, or the address is not this machine's: pick another --port or --host.",
  },
  "headers-invalid": {
    example: "Cache-Control: max-age=60 before any path line",
    severity: "warning",
    kind: "environment",
    summary: "A line of the `_headers` file is neither a path nor an indented `Name: value` header; the preview skips it.",
    expected: "a path such as /assets/* on its own line, then lines like `  Cache-Control: max-age=300`",
  },
  "redirects-invalid": {
    example: "/old (no target)",
    severity: "warning",
    kind: "environment",
    summary: "A line of the `_redirects` file is not `FROM TO [STATUS]`; the preview skips it.",
    expected: "/old-path /new-path 301 (status 200, 301, 302, 303, 307, 308, 404 or 410; `*` and :splat allowed)",
  },
  "out-empty": {
    example: "--out \"$UNSET\"",
    severity: "error",
    kind: "usage",
    summary: "The output folder is given as an empty string (often an unset variable).",
    hint: "Pass the folder the site is written to with --out, e.g. --out _site.",
  },
  "out-overlaps-content": {
    example: "--out content/_site",
    severity: "error",
    kind: "usage",
    summary: "The output folder is the content folder, inside it, or contains it.",
    hint: "Choose an output folder outside the archive (the default is _site); a build replaces its output folder.",
  },
  "out-overlaps-cache": {
    example: "--out .gazette/cache",
    severity: "error",
    kind: "usage",
    summary: "The output folder is the cache folder, inside it, or contains it.",
    hint: "Choose an output folder apart from --cache (default .gazette/cache), or build with --no-cache.",
  },
  "out-overlaps-workdir": {
    example: "--out .",
    severity: "error",
    kind: "usage",
    summary: "The output folder is the working directory or one of its parents.",
    hint: "Choose a folder of its own for the site, e.g. --out _site.",
  },
  "out-not-folder": {
    example: "--out README.md",
    severity: "error",
    kind: "usage",
    summary: "The output path exists and is not a folder.",
    hint: "Pass a folder (new, empty or written by an earlier build) with --out; the file is left alone.",
  },
  "out-not-gazette": {
    example: "--out ~/Documents",
    severity: "error",
    kind: "usage",
    summary: "The output folder holds files that no Gazette build wrote (it has no .gazette-site.json).",
    hint: "Use --force if the folder may be replaced by the site, or choose a new or empty folder.",
  },
  "out-locked": {
    example: "two builds into one folder at once",
    severity: "error",
    kind: "environment",
    summary: "Another build kept the output folder locked for too long, or took the lock over.",
    hint: "Wait for the other build to finish and run again; the lock of a killed build goes stale after 20 s (GAZETTE_LOCK_STALE_MS).",
  },
  "cache-not-folder": {
    example: "--cache package.json",
    severity: "error",
    kind: "environment",
    summary: "The cache path exists and is not a folder.",
    hint: "Pass a folder with --cache, remove the file, or build with --no-cache.",
  },
  "fs-permission-denied": {
    example: "--out /usr/share/site",
    severity: "error",
    kind: "environment",
    summary: "The build was not allowed to read or write a path.",
    hint: "Check the owner and permissions of the path shown; the output folder was left as it was.",
  },
  "fs-no-space": {
    example: "a full disk under the output folder",
    severity: "error",
    kind: "environment",
    summary: "The disk (or quota) holding the path is full.",
    hint: "Free space on that file system and run again; the output folder was left as it was.",
  },
  "fs-name-too-long": {
    example: "a folder name over 255 bytes",
    severity: "error",
    kind: "environment",
    summary: "A path is longer than the file system allows.",
    hint: "Use shorter folder names for --out or --cache, or shorter slugs.",
  },
  "fs-path-blocked": {
    example: "a file named politics where the politics/ folder goes",
    severity: "error",
    kind: "environment",
    summary: "A path the build needs is taken by something of the wrong kind (a file where a folder is needed, or the reverse).",
    hint: "Move the file or folder shown out of the way and run again.",
  },
  "fs-failed": {
    example: "an I/O error of the disk",
    severity: "error",
    kind: "environment",
    summary: "The file system refused an operation of the build.",
    hint: "The message gives the system's error code and the path; the output folder was left as it was.",
  },
  "worker-failed": {
    example: "a worker thread that runs out of memory",
    severity: "error",
    kind: "environment",
    summary: "A worker thread of the article stage threw or exited; the other threads were stopped and nothing was written.",
    hint: "The message names the thread and the files it was preparing. Run again with --threads 1 to see the error on the main thread; a crash that comes back is a bug to report.",
  },
  "import-source-missing": {
    example: "gazette import wordpress export.xm",
    severity: "error",
    summary: "The file or folder given to `gazette import` does not exist or cannot be read.",
    hint: "Pass the export file (wordpress), a file or folder of wire copy (wire), or the site's folder (jekyll, hugo).",
  },
  "import-site-zone-missing": {
    example: "gazette import into an empty folder without --time-zone",
    severity: "error",
    summary: "The content folder has no site.yml and the import was not told the newsroom's time zone.",
    hint: "Pass --time-zone ZONE (an IANA zone such as Europe/Berlin), or create site.yml first.",
  },
  "import-wire-date-line": {
    example: "copy that starts with its headline",
    severity: "error",
    summary: "Wire copy does not start with a `date YYYY-MM-DD <section words>` line.",
    expected: "a first line such as `date 2023-02-18 Home page politics`",
  },
  "import-section-unmapped": {
    example: "date 2024-03-10 weather (no weather section)",
    severity: "error",
    summary: "The section words of wire copy name no section of the site.",
    hint: "Map them with --section-map \"Home page politics=politics\" or a sectionMap in site.yml.",
  },
  "import-wire-headline-missing": {
    example: "every line ends with a full stop",
    severity: "error",
    summary: "Wire copy has no headline: no short line without a closing full stop.",
    expected: "a headline on a line of its own after the date line (and the teaser, if any)",
  },
  "import-wire-update-invalid": {
    example: "Update from Someday: …",
    severity: "error",
    summary: "A paragraph starting `Update from` has a label that cannot be read as a day and time.",
    expected: "`Update from Saturday, February 18, 2:16 p.m.: text`",
  },
  "import-wire-update-weekday": {
    example: "Update from Monday, March 12 in a year where it is a Tuesday",
    severity: "error",
    summary: "The weekday of an update label does not agree with its date in the article's year.",
    hint: "Correct the weekday or the date in the label; the year is the article's.",
  },
  "import-export-invalid": {
    example: "a WXR file cut off mid-way",
    severity: "error",
    summary: "The WordPress export is not well-formed XML or not a WXR export.",
    expected: "a WordPress eXtended RSS file (Tools → Export in WordPress), WXR 1.1 or 1.2",
  },
  "import-front-matter-invalid": {
    example: "+++ title = ",
    severity: "error",
    summary: "A Jekyll or Hugo post's front matter cannot be read (YAML or TOML syntax, or not a mapping).",
    hint: "Fix the front matter at the position shown, then run the import again.",
  },
  "import-date-invalid": {
    example: "date: yesterday",
    severity: "error",
    summary: "A post's date cannot be read or names a time that does not exist in the newsroom's zone.",
    expected: "a date such as 2023-02-18, 2023-02-18 09:30:00 or 2023-02-18T09:30:00+01:00",
  },
  "import-result-invalid": {
    example: "a post whose category maps to no section",
    severity: "error",
    summary: "An article converted by an import would not pass validation; nothing was written.",
    hint: "The message quotes the validator; fix the source and run the import again.",
  },
  "import-markup-kept": {
    example: "[gallery ids=\"1,2\"]",
    severity: "warning",
    summary: "A shortcode or template tag the importer cannot convert was kept as text.",
    hint: "Edit the article by hand where it matters; the text is shown as written.",
  },
  // Publishing states and redirects (src/publishing/).
  "embargo-invalid": {
    example: "embargo: next tuesday",
    severity: "error",
    summary: "embargo is not a date-time.",
    expected: "embargo: a date-time like the article's date, e.g. \"2024-05-01T06:00:00+02:00\"",
    hint: "The article is held back until that instant; a date without a time means the first instant of that day.",
  },
  "status-invalid": {
    example: "status: retracted",
    severity: "error",
    summary: "status is neither `published` nor `withdrawn`.",
    expected: "status: published (the default) or status: withdrawn",
    hint: "Use draft: true for an article that is not ready yet.",
  },
  "withdrawn-invalid": {
    example: "status: withdrawn (without withdrawn: { at, reason })",
    severity: "error",
    summary: "A withdrawn article has no `withdrawn: { at, reason }`, or `withdrawn` is given without `status: withdrawn`.",
    expected: "status: withdrawn with withdrawn: { at: 2024-05-02T10:00:00+02:00, reason: Text readers see }",
    hint: "The tombstone page at the article's URL says when and why it was withdrawn.",
  },
  "alias-invalid": {
    example: "aliases: [/old/../../etc/]",
    severity: "error",
    summary: "aliases is not a list of site paths, or one of them is not a safe site path.",
    expected: "aliases: [/old/path/, /2019/05/old-slug.html, /?p=12]: paths starting with one /, without .., backslashes, encoded slashes or dots, control characters or Windows reserved names",
  },
  "alias-collision": {
    example: "aliases: [/politics/] (the politics section page)",
    severity: "error",
    summary: "An alias is the address of a page the site already has, or another alias of the same or another article.",
    hint: "Remove the alias from one of the two files named; an alias may only name an address that no page and no other alias uses.",
  },
  "report-unwritable": {
    example: "a report folder on a read-only disk",
    severity: "warning",
    kind: "environment",
    summary: "The build wrote the site, but could not write report.json or next-publish.json into the report folder.",
    hint: "Check that the report folder (--report-dir, default .gazette in the working directory) can be written; the site itself is complete.",
  },
  "report-folder-invalid": {
    example: "gazette build --out _site --report-dir _site/.gazette",
    severity: "error",
    kind: "usage",
    summary: "The report folder (--report-dir, default .gazette) is inside or contains the output folder.",
    hint: "Keep the report folder apart from the published site: it holds report.json and next-publish.json, which are never published.",
  },
  "front-matter-key-misspelt": {
    example: "sectoin: world",
    severity: "warning",
    summary: "A front-matter key is not one Gazette reads but one edit away from one that is; the key is ignored.",
    hint: "Rename the key as the hint suggests; keys of your own that resemble no known key are kept quietly.",
  },
  "update-repeats-body": {
    example: "an update text pasted into the body too",
    severity: "warning",
    summary: "An update's text also stands word for word in the body, so readers read it twice.",
    hint: "Keep the news in the update and remove it from the body (or shorten the update to what changed).",
  },
  "summary-too-long": {
    example: "summary: (a 400-character paragraph)",
    severity: "warning",
    summary: "The summary is longer than 300 characters; listings, feeds and search results cut or crowd it.",
    expected: "a summary of one or two sentences, at most 300 characters",
  },
  "link-broken": {
    example: "[the vote](/2023/02/18/council-vote/) when no such page exists",
    severity: "warning",
    summary: "A link in a body or update note leads to no page, file, article source file or anchor the build writes (an error with --strict).",
    expected: "a site path the build writes (/politics/), an article's source file (../2023/vote.md) or an id on the target article (#update-1)",
    hint: "Correct the link; the message names the nearest existing address when there is one.",
  },
  "tag-slug-collision": {
    example: "tags: [C++] in one file, tags: [C] in another",
    severity: "error",
    summary: "Two different tags would share one topic page (their slugs are the same, e.g. C++ and C).",
    hint: "Spell one of the tags differently in the files named; tags differing only in case or accents are already one topic.",
  },
  "author-slug-collision": {
    example: "authors: [Ann-Marie Lee] and authors: [Ann Marie Lee]",
    severity: "error",
    summary: "Two different author names would share one author page (their slugs are the same).",
    hint: "Spell the names apart in the files named (e.g. add a middle initial); names differing only in case or accents are already one author.",
  },
  "site-section-reserved": {
    example: "sections: [{ id: topics, title: Topics }]",
    severity: "error",
    summary: "A section id starts with a name the site uses for its own pages or files (archive, topics, authors, corrections, search, assets, media).",
    hint: "Give the section another id, e.g. `subjects` instead of `topics`.",
  },
  "name-slug-empty": {
    example: "tags: [\"+++\"]",
    severity: "error",
    summary: "A tag or author name has no letters or digits, so its page has no URL.",
    hint: "Write the tag or name with at least one letter or digit.",
  },
  // Media (issue 11): static files, images, theme.
  "static-collision": {
    example: "static/feed.xml beside the generated feed",
    severity: "error",
    summary: "A file in static/ has the path of a page or file the build generates.",
    hint: "Rename or move the static file; the message names both.",
  },
  "image-missing": {
    example: "![Map](map.png) with no map.png beside the article",
    severity: "error",
    summary: "An image named in an article (body or front-matter image.src) does not exist.",
    expected: "a path relative to the article's file, e.g. photo.jpg beside it, or an https:// URL",
  },
  "image-unreadable": {
    example: "![Chart](chart.png) where chart.png is a text file",
    severity: "error",
    summary: "A file named as an image cannot be read as a JPEG, PNG, WebP, GIF or AVIF image.",
    hint: "Check that the file is an image of one of these formats and not damaged.",
  },
  "image-decorative-alt": {
    example: "![A map](map.png \"decorative\")",
    severity: "error",
    summary: "An image marked decorative has alt text, or a decorative mark is used where alt text is required.",
    hint: 'Decorative body images are written ![](photo.jpg "decorative"); a lead image always needs alt text.',
  },
  "images-invalid": {
    example: "images: { widths: [0] }",
    severity: "error",
    summary: "The images settings in site.yml are not valid.",
    expected: "images: { widths: [400, 800, 1200], formats: [webp] or [avif, webp], quality: 1–100, sizes: a sizes attribute }",
  },
  "theme-invalid": {
    example: "theme: { logo: logo.png } with no static/logo.png",
    severity: "error",
    summary: "The theme in site.yml is not valid (an unknown key, a colour that cannot be read, a file missing from static/).",
    expected: "theme: { logo: FILE, accent: { light: COLOUR, dark: COLOUR }, stylesheet: FILE, footer: MARKDOWN } with files in static/",
  },
  "theme-contrast": {
    example: "theme: { accent: { light: \"#ffff00\", dark: \"#ffff00\" } }",
    severity: "error",
    summary: "The theme's accent colour fails WCAG AA contrast (4.5:1) against the page background of a colour scheme.",
    hint: "Darken the light scheme's accent or lighten the dark scheme's; the message says by how much the ratio falls short.",
  },
} as const satisfies Record<string, CatalogueEntry>;

/** A permanent issue code. */
export type IssueCode = keyof typeof entries;

/** A code for a problem in the archive itself (exit 1), as opposed to a usage or environment failure. */
export type ContentCode = { [C in IssueCode]: (typeof entries)[C] extends { kind: "usage" | "environment" } ? never : C }[IssueCode];

/**
 * The kind of failure a code reports.
 * @example failureKind("fs-no-space") // "environment"
 */
export function failureKind(code: IssueCode): FailureKind {
  return CATALOGUE[code].kind ?? "content";
}

/** Every code with what it means. */
export const CATALOGUE: Record<IssueCode, CatalogueEntry> = entries;

/**
 * The README's table of codes, generated so that documentation never drifts from the code.
 * @example catalogueTable().split("\n")[0] // "| code | severity | exit | reported when | example | expected / what to do |"
 */
export function catalogueTable(): string {
  const rows = (Object.keys(CATALOGUE) as IssueCode[]).map((code) => {
    const entry = CATALOGUE[code];
    const advice = [entry.expected && `expected ${entry.expected}`, entry.hint].filter(Boolean).join("; ");
    const example = entry.example ? `\`${entry.example.replace(/\|/g, "\\|")}\`` : "";
    return `| \`${code}\` | ${entry.severity} | ${EXIT_CODE_OF[entry.kind ?? "content"]} | ${entry.summary} | ${example} | ${advice.replace(/\|/g, "\\|")} |`;
  });
  return ["| code | severity | exit | reported when | example | expected / what to do |", "| --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}
