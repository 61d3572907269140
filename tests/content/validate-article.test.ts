import { describe, expect, it } from "vitest";
import { buildSectionTree } from "../../src/archive/sections.ts";
import { validateArticle } from "../../src/content/validate-article.ts";
import { isoDateTime } from "../../src/content/dates.ts";

const context = {
  site: { timeZone: "America/New_York" },
  sections: buildSectionTree([
    { id: "politics", title: "Politics" },
    { id: "world", title: "World" },
    { id: "world/europe", title: "Europe" },
  ]),
};

const fm = (...lines: string[]) => `---\n${lines.join("\n")}\n---\nBody text.\n`;
const base = ["title: A headline", "date: 2023-02-18T09:30:00-05:00", "section: politics"];

describe("validateArticle: valid articles", () => {
  it("normalises a full article", () => {
    const { article, issues } = validateArticle(
      "2023/2023-02-18-Ferry-Strike.md",
      fm(
        ...base,
        "summary: One sentence.",
        "authors: Mara Keller",
        "tags: [ferry, strike, ferry]",
        "legacy_id: 4411",
        "updates:",
        '  - at: "2023-02-18 14:16"',
        "    text: First note.",
        "  - at: 2023-02-19T08:00:00-05:00",
        "    kind: correction",
        "    text: A fix.",
      ),
      context,
    );
    expect(issues).toEqual([]);
    expect(article).toMatchObject({
      title: "A headline",
      slug: "ferry-strike",
      url: "/2023/02/18/ferry-strike/",
      sectionId: "politics",
      summary: "One sentence.",
      authors: ["Mara Keller"],
      tags: ["ferry", "strike"],
      draft: false,
      dateHasTime: true,
      body: "Body text.\n",
    });
    expect(article?.updates.map((u) => [isoDateTime(u.at), u.kind])).toEqual([
      ["2023-02-19T08:00:00-05:00", "correction"],
      ["2023-02-18T14:16:00-05:00", "update"],
    ]);
    expect(isoDateTime(article!.lastUpdated!)).toBe("2023-02-19T08:00:00-05:00");
  });

  it.each([
    ["date: 2023-02-18T23:30:00", "/2023/02/18/a/"],
    ['date: "2023-02-18T23:30:00"', "/2023/02/18/a/"],
    ["date: 2023-02-18 23:30", "/2023/02/18/a/"],
    ["date: 2023-02-19T04:30:00Z", "/2023/02/18/a/"],
    ["date: 2023-02-18", "/2023/02/18/a/"],
  ])("quoted or not, %s is read in the site's zone → %s", (dateLine, url) => {
    const { article } = validateArticle("a.md", fm("title: T", dateLine, "section: world"), context);
    expect(article?.url).toBe(url);
  });

  it.each([
    ["slug: budget-vote-live", "x.md", "budget-vote-live"],
    ["authors: [A, B]", "v0.10.0.md", "v0.10.0"],
    ["draft: true", "cve-2015-8027_cve-2015-6764.md", "cve-2015-8027_cve-2015-6764"],
  ])("%s in %s → slug %s", (line, file, slug) => {
    expect(validateArticle(file, fm(...base, line), context).article?.slug).toBe(slug);
  });

  it("reads draft: true as a draft", () => {
    expect(validateArticle("a.md", fm(...base, "draft: true"), context).article?.draft).toBe(true);
  });
});

describe("validateArticle: every problem, with its line and field", () => {
  const cases: [string, string, string, string, number][] = [
    ["no title", fm("date: 2023-02-18", "section: politics"), "title-missing", "title", 1],
    ["empty title", fm('title: ""', "date: 2023-02-18", "section: politics"), "title-missing", "title", 2],
    ["title not text", fm("title: 12", "date: 2023-02-18", "section: politics"), "title-invalid", "title", 2],
    ["no date", fm("title: T", "section: politics"), "date-missing", "date", 1],
    ["impossible date", fm("title: T", "date: 2023-02-30", "section: politics"), "date-invalid", "date", 3],
    ["unparseable date", fm("title: T", "date: last tuesday", "section: politics"), "date-invalid", "date", 3],
    ["no section", fm("title: T", "date: 2023-02-18"), "section-missing", "section", 1],
    ["undeclared section", fm("title: T", "date: 2023-02-18", "section: politcs"), "section-unknown", "section", 4],
    ["unsafe slug", fm(...base, "slug: Budget Vote"), "slug-invalid", "slug", 5],
    ["draft as text", fm(...base, 'draft: "false"'), "draft-invalid", "draft", 5],
    ["summary not text", fm(...base, "summary: 12"), "summary-invalid", "summary", 5],
    ["authors empty item", fm(...base, "authors: [A, '']"), "authors-invalid", "authors[1]", 5],
    ["tags as text", fm(...base, "tags: ferry"), "tags-invalid", "tags", 5],
    ["updates not a list", fm(...base, "updates: soon"), "updates-invalid", "updates", 5],
    ["update not a mapping", fm(...base, "updates:", "  - just text"), "updates-invalid", "updates[0]", 6],
    ["update without at", fm(...base, "updates:", "  - text: x"), "update-at-missing", "updates[0]", 6],
    ["update bad at", fm(...base, "updates:", "  - at: 2023-02-31", "    text: x"), "date-invalid", "updates[0].at", 6],
    ["update before date", fm(...base, "updates:", "  - text: x", "    at: 2023-02-18T09:00:00-05:00"), "update-before-date", "updates[0].at", 7],
    ["update at date", fm(...base, "updates:", "  - text: x", "    at: 2023-02-18T09:30:00-05:00"), "update-before-date", "updates[0].at", 7],
    ["update without text", fm(...base, "updates:", "  - at: 2023-02-19"), "update-text-missing", "updates[0].text", 6],
    ["update bad kind", fm(...base, "updates:", "  - at: 2023-02-19", "    text: x", "    kind: retraction"), "update-kind-invalid", "updates[0].kind", 8],
    ["front matter YAML", "---\ntitle: \"A\ndate: x\n---\n", "front-matter-syntax", "", 3],
    ["no front matter", "Just text\n", "front-matter-missing", "", 1],
    ["front matter a list", "---\n- a\n- b\n---\n", "front-matter-missing", "", 1],
  ];
  it.each(cases)("%s → %s", (_, text, code, field, line) => {
    const { article, issues } = validateArticle("2023/a.md", text, context);
    expect(article).toBeUndefined();
    const issue = issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue).toMatchObject({ file: "2023/a.md", line, severity: "error" });
    if (field) expect(issue?.field).toBe(field);
    expect(issue?.message.length).toBeGreaterThan(10);
  });

  it("reports all problems of a file together", () => {
    const { issues } = validateArticle("a.md", fm("date: 2023-02-30", "section: nowhere", "draft: yes"), context);
    expect(issues.map((i) => i.code).sort()).toEqual(["date-invalid", "draft-invalid", "section-unknown", "title-missing"]);
  });

  it("suggests the nearest section and names the declared ones", () => {
    const { issues } = validateArticle("a.md", fm("title: T", "date: 2023-02-18", "section: europe"), context);
    expect(issues[0].hint).toBe('Did you mean "world/europe"?');
    expect(issues[0].expected).toBe("one of: politics, world, world/europe");
  });

  it("suggests a safe form of an unsafe slug instead of rewriting it", () => {
    const { issues } = validateArticle("a.md", fm(...base, "slug: Budget Vote"), context);
    expect(issues[0].hint).toContain('"budget-vote"');
  });

  it("rejects a file name that gives no slug", () => {
    expect(validateArticle("日本.md", fm(...base), context).issues[0].code).toBe("slug-invalid");
  });
});
