/**
 * Every code in the catalogue is produced by a fixture archive, located in its file.
 */
import { rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOGUE, failureKind, type ContentCode, type IssueCode } from "../../src/issues/catalogue.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";

const ok = (title = "Fine") => article([`title: ${title}`, "date: 2023-02-18T10:00:00", "section: politics"]);
const fm = (...lines: string[]) => article(lines);
const base = ["title: T", "date: 2023-02-18T10:00:00", "section: politics"];

type Case = { files: Record<string, string | Uint8Array | null>; file: string; line?: number; content?: string; setup?: (root: string) => void };
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

// Import codes come from `gazette import`, not from reading an archive: tests/import covers them.
// A static file colliding with a page is found by the build (tests/media/media-build.test.ts).
type ArchiveCode = Exclude<ContentCode, `import-${string}` | "static-collision">;
// A 1×1 PNG, for the image codes.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==", "base64");
const cases: Record<ArchiveCode, Case> = {
  "content-missing": { files: {}, file: "", content: "/nonexistent/gazette-content" },
  "site-missing": { files: { "site.yml": null, "a.md": ok() }, file: "site.yml" },
  "site-yaml-syntax": { files: { "site.yml": "title: [x\n" }, file: "site.yml", line: 2 },
  "site-field-missing": { files: { "site.yml": SITE_YML.replace("title: The Test Tribune\n", "") }, file: "site.yml", line: 1 },
  "site-field-invalid": { files: { "site.yml": SITE_YML.replace("timeZone: America/New_York", "timeZone: Moon/Tranquility") }, file: "site.yml", line: 4 },
  "site-section-invalid": { files: { "site.yml": SITE_YML.replace("id: sport", "id: Sport!") }, file: "site.yml", line: 13 },
  "site-section-duplicate": { files: { "site.yml": SITE_YML.replace("id: sport", "id: politics") }, file: "site.yml", line: 13 },
  "site-section-parent-missing": { files: { "site.yml": SITE_YML.replace("id: world/europe", "id: globe/europe") }, file: "site.yml", line: 11 },
  "file-unreadable": { files: { "bad.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) }, file: "bad.md" },
  "front-matter-syntax": { files: { "a.md": "---\ntitle: T\n  nested: bad\n---\n" }, file: "a.md", line: 2 },
  "front-matter-missing": { files: { "a.md": "Just a body.\n" }, file: "a.md", line: 1 },
  "front-matter-language": { files: { "a.md": "---js\n{ title: 'T' }\n---\n" }, file: "a.md", line: 1 },
  "front-matter-unclosed": { files: { "a.md": "---\ntitle: T\ndate: 2023-02-18\nsection: politics\n\nBody: text.\n" }, file: "a.md", line: 1 },
  "front-matter-merge-key": { files: { "a.md": fm("base: &base {section: politics}", "title: T", "date: 2023-02-18", "<<: *base") }, file: "a.md", line: 5 },
  "front-matter-aliases": { files: { "a.md": fm(...base, "x: &x [a, a, a, a, a, a, a, a, a, a]", ...Array.from({ length: 5 }, (_, i) => `x${i}: &x${i} [${Array(10).fill(i ? `*x${i - 1}` : "*x").join(", ")}]`)) }, file: "a.md", line: 6 },
  "control-character": { files: { "a.md": fm(...base, 'summary: "Bell\\u0007"') }, file: "a.md", line: 5 },
  "field-not-scalar": { files: { "a.md": fm("title: T", "date: 2023-02-18", "section: [politics]") }, file: "a.md", line: 4 },
  "title-missing": { files: { "a.md": fm("date: 2023-02-18", "section: politics") }, file: "a.md", line: 1 },
  "title-invalid": { files: { "a.md": fm("date: 2023-02-18", "title: 12", "section: politics") }, file: "a.md", line: 3 },
  "date-missing": { files: { "a.md": fm("title: T", "section: politics") }, file: "a.md", line: 1 },
  "date-invalid": { files: { "a.md": fm("title: T", "section: politics", "date: 2023-02-30") }, file: "a.md", line: 4 },
  "date-repeated": { files: { "a.md": fm("title: T", "section: politics", "date: 2024-11-03 01:30") }, file: "a.md", line: 4 },
  "section-missing": { files: { "a.md": fm("title: T", "date: 2023-02-18") }, file: "a.md", line: 1 },
  "section-unknown": { files: { "a.md": fm("title: T", "date: 2023-02-18", "section: weather") }, file: "a.md", line: 4 },
  "slug-invalid": { files: { "a.md": fm(...base, "slug: Not Safe") }, file: "a.md", line: 5 },
  "slug-too-long": { files: { "a.md": fm(...base, `slug: ${"a".repeat(201)}`) }, file: "a.md", line: 5 },
  "draft-invalid": { files: { "a.md": fm(...base, 'draft: "false"') }, file: "a.md", line: 5 },
  "summary-invalid": { files: { "a.md": fm(...base, "summary: 12") }, file: "a.md", line: 5 },
  "dateline-invalid": { files: { "a.md": fm(...base, "dateline: 12") }, file: "a.md", line: 5 },
  "authors-invalid": { files: { "a.md": fm(...base, "authors: 12") }, file: "a.md", line: 5 },
  "tags-invalid": { files: { "a.md": fm(...base, "tags: [a, 3]") }, file: "a.md", line: 5 },
  "updates-invalid": { files: { "a.md": fm(...base, "updates: {at: x}") }, file: "a.md", line: 5 },
  "update-at-missing": { files: { "a.md": fm(...base, "updates:", "  - text: Later.") }, file: "a.md", line: 6 },
  "update-before-date": { files: { "a.md": fm(...base, "updates:", "  - text: Earlier.", "    at: 2023-02-17T10:00:00") }, file: "a.md", line: 7 },
  "update-text-missing": { files: { "a.md": fm(...base, "updates:", "  - at: 2023-02-19") }, file: "a.md", line: 6 },
  "update-kind-invalid": { files: { "a.md": fm(...base, "updates:", "  - at: 2023-02-19", "    text: x", "    kind: erratum") }, file: "a.md", line: 8 },
  "url-duplicate": { files: { "2023/a.md": ok("One"), "2024/a.md": ok("Two") }, file: "2023/a.md", line: 1 },
  "image-invalid": { files: { "a.md": fm(...base, "image:", "  src: javascript:alert(1)", "  alt: A picture") }, file: "a.md", line: 6 },
  "image-alt-missing": { files: { "a.md": fm(...base, "image:", "  src: /media/harbour.jpg", "  caption: The harbour") }, file: "a.md", line: 5 },
  "embargo-invalid": { files: { "a.md": fm(...base, "embargo: next tuesday") }, file: "a.md", line: 5 },
  "status-invalid": { files: { "a.md": fm(...base, "status: retracted") }, file: "a.md", line: 5 },
  "withdrawn-invalid": { files: { "a.md": fm(...base, "status: withdrawn", "withdrawn:", "  at: 2023-03-01") }, file: "a.md", line: 6 },
  "alias-invalid": { files: { "a.md": fm(...base, "aliases:", "  - /ok/", "  - /a/%2e%2e/b/") }, file: "a.md", line: 7 },
  "alias-collision": { files: { "a.md": fm(...base, "aliases: [/sport/]") }, file: "a.md", line: 5 },
  "symlink-loop": { files: { "2023/a.md": ok() }, file: "2023/loop", setup: (root) => symlinkSync(join(root, "2023"), join(root, "2023/loop")) },
  "front-matter-key-misspelt": { files: { "a.md": fm(...base, "sumary: A summary.") }, file: "a.md", line: 5 },
  "update-repeats-body": {
    files: { "a.md": article([...base, "updates:", "  - at: 2023-02-19T10:00:00", "    text: The mayor's office confirmed the figures."], "Text.\n\nThe mayor's office confirmed the figures.\n") },
    file: "a.md",
    line: 7,
  },
  "summary-too-long": { files: { "a.md": fm(...base, `summary: ${"Word ".repeat(61).trim()}`) }, file: "a.md", line: 5 },
  "link-broken": { files: { "2023/a.md": article(base, "Intro.\n\nSee [the vote](/nowhere/).\n") }, file: "2023/a.md", line: 8 },
  "tag-slug-collision": { files: { "a.md": fm(...base, "tags: [C++]"), "b.md": fm("title: B", "date: 2023-02-19", "section: politics", "tags: [C]") }, file: "a.md" },
  "author-slug-collision": { files: { "a.md": fm(...base, "authors: [Ann-Marie Lee]"), "b.md": fm("title: B", "date: 2023-02-19", "section: politics", "authors: [Ann Marie Lee]") }, file: "a.md" },
  "site-section-reserved": { files: { "site.yml": SITE_YML.replace("id: sport", "id: topics") }, file: "site.yml", line: 13 },
  "name-slug-empty": { files: { "a.md": fm(...base, 'tags: ["+++"]') }, file: "a.md" },
  "image-missing": { files: { "a.md": article(base, "Text.\n\n![A map](map.png)\n") }, file: "a.md", line: 8 },
  "image-unreadable": { files: { "a.md": article(base, "![A map](map.png)\n"), "map.png": "not an image" }, file: "a.md", line: 6 },
  "image-decorative-alt": { files: { "a.md": article(base, "![A map](map.png \"decorative\")\n"), "map.png": PNG }, file: "a.md", line: 6 },
  "images-invalid": { files: { "site.yml": `${SITE_YML}images:\n  widths: [0]\n` }, file: "site.yml", line: 16 },
  "theme-invalid": { files: { "site.yml": `${SITE_YML}theme:\n  logo: logo.svg\n` }, file: "site.yml", line: 16 },
  "theme-contrast": { files: { "site.yml": `${SITE_YML}theme:\n  accent:\n    light: "#ffff00"\n    dark: "#f0a1a1"\n` }, file: "site.yml", line: 17 },
};

// Usage and environment codes come from the build's output checks (tests/build/output-*.test.ts),
// import codes from `gazette import` (tests/import/import-codes.test.ts).
const fromBuild = (code: IssueCode) => code.startsWith("import-") || code === "static-collision";
const contentCodes = (Object.keys(CATALOGUE) as IssueCode[]).filter((code): code is ArchiveCode => failureKind(code) === "content" && !fromBuild(code));

describe("every catalogued content code comes from a fixture", () => {
  it.each(contentCodes)("%s", async (code) => {
    const { files, file, line, content, setup } = cases[code];
    const root = content ?? fixtureArchive(files);
    if (!content) roots.push(root);
    setup?.(root);
    const { archive, issues } = await loadArchive(root);
    // A warning is reported and the archive still builds; an error stops it.
    expect(archive === undefined).toBe(CATALOGUE[code].severity === "error");
    const issue = issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(issues, null, 1)).toBeDefined();
    if (file) expect(issue?.file).toBe(file);
    if (line) expect(issue?.line).toBe(line);
  });
});

describe("the codes that are not about content", () => {
  it("are every catalogued code without a fixture here: usage and environment codes, tested where they arise", () => {
    expect(Object.keys(cases).sort()).toEqual([...contentCodes].sort());
    const others = (Object.keys(CATALOGUE) as IssueCode[]).filter((code) => failureKind(code) !== "content" || fromBuild(code));
    expect(others.length + contentCodes.length).toBe(Object.keys(CATALOGUE).length);
  });
});

describe("reporting", () => {
  it("reports every problem in every file, sorted, not just the first", async () => {
    const root = fixtureArchive({
      "a.md": fm("title: T", "date: 2023-02-30", "section: weather"),
      "b/c.md": fm("date: 2023-02-18", "section: politics", "draft: maybe"),
      "d.md": ok("Fine"),
    });
    const { issues } = await loadArchive(root);
    expect(issues.map((i) => `${i.file}:${i.line} ${i.code}`)).toEqual([
      "a.md:3 date-invalid",
      "a.md:4 section-unknown",
      "b/c.md:1 title-missing",
      "b/c.md:4 draft-invalid",
    ]);
  });

  it("names both files of a duplicate URL", async () => {
    const root = fixtureArchive({ "2023/a.md": ok("One"), "other/a.md": ok("Two"), "x.md": fm(...base, "slug: a") });
    const { issues } = await loadArchive(root);
    expect(issues.map((i) => [i.file, i.message])).toEqual([
      ["2023/a.md", "The URL /2023/02/18/a/ is also the URL of other/a.md, x.md."],
      ["other/a.md", "The URL /2023/02/18/a/ is also the URL of 2023/a.md, x.md."],
      ["x.md", "The URL /2023/02/18/a/ is also the URL of 2023/a.md, other/a.md."],
    ]);
  });

  it("does not count a draft as a duplicate unless drafts are built", async () => {
    const root = fixtureArchive({ "a.md": ok("One"), "b/a.md": fm(...base, "draft: true") });
    expect((await loadArchive(root)).issues).toEqual([]);
    expect((await loadArchive(root, { drafts: true })).issues.map((i) => i.code)).toEqual(["url-duplicate", "url-duplicate"]);
  });
});
