import { describe, expect, it } from "vitest";
import { readSiteConfig } from "../../src/content/site-config.ts";

const valid = `title: The Daily Example
url: https://news.example.org/
language: en-gb
timeZone: Europe/Berlin
sections:
  - id: politics
    title: Politics
  - id: world
    title: World
  - id: world/europe
    title: Europe
`;

describe("readSiteConfig", () => {
  it("reads a valid site.yml with defaults", () => {
    const { site, issues } = readSiteConfig(valid);
    expect(issues).toEqual([]);
    expect(site).toMatchObject({
      title: "The Daily Example",
      url: "https://news.example.org",
      language: "en-GB",
      timeZone: "Europe/Berlin",
      perPage: 30,
      frontPage: { latest: 12, perSection: 4 },
    });
    expect(site?.sections.map((s) => s.id)).toEqual(["politics", "world", "world/europe"]);
  });

  it("keeps a base path in the url", () => {
    expect(readSiteConfig(valid.replace("https://news.example.org/", "https://example.org/archive/")).site?.url).toBe("https://example.org/archive");
  });

  const broken: [string, string, string, number][] = [
    ["title: [unclosed\n", "site-yaml-syntax", "", 2],
    [`${valid}x0: &x0 [a, a, a, a, a, a, a, a, a, a]\n${Array.from({ length: 6 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(10).fill(`*x${i}`).join(", ")}]`).join("\n")}\n`, "site-yaml-syntax", "", 13],
    [valid.replace("title: The Daily Example\n", ""), "site-field-missing", "title", 1],
    [valid.replace("title: The Daily Example", "title: ''"), "site-field-missing", "title", 1],
    [valid.replace("url: https://news.example.org/", "url: news.example.org"), "site-field-invalid", "url", 2],
    [valid.replace("url: https://news.example.org/", "url: ftp://news.example.org"), "site-field-invalid", "url", 2],
    [valid.replace("language: en-gb", "language: 'en_US!'"), "site-field-invalid", "language", 3],
    [valid.replace("timeZone: Europe/Berlin", "timeZone: Europe/Atlantis"), "site-field-invalid", "timeZone", 4],
    [`${valid}perPage: 0\n`, "site-field-invalid", "perPage", 12],
    [`${valid}rawHtml: allow\n`, "site-field-invalid", "rawHtml", 12],
    [`${valid}rawHtml: [escape]\n`, "site-field-invalid", "rawHtml", 12],
    [valid.replace(/sections:[\s\S]*/, "sections: []\n"), "site-field-missing", "sections", 5],
    [valid.replace("id: politics", "id: Politics"), "site-section-invalid", "sections.0.id", 6],
    [valid.replace("    title: Politics\n", ""), "site-section-invalid", "sections.0", 6],
    [valid.replace("id: world\n", "id: politics\n"), "site-section-duplicate", "sections.1.id", 8],
    [valid.replace("id: world/europe", "id: wrld/europe"), "site-section-parent-missing", "sections.2.id", 10],
  ];
  it.each(broken)("reports %#: %s", (text, code, field, line) => {
    const { site, issues } = readSiteConfig(text);
    expect(site).toBeUndefined();
    expect(issues[0]).toMatchObject({ code, file: "site.yml", line, ...(field ? { field } : {}) });
  });

  it.each([
    ["", undefined],
    ["rawHtml: sanitise\n", "sanitise"],
    ["rawHtml: escape\n", "escape"],
  ])("reads rawHtml from %j", (line, mode) => {
    expect(readSiteConfig(`${valid}${line}`).site?.rawHtml).toBe(mode);
  });

  it("reports every problem at once", () => {
    const text = "title: ''\nurl: nope\ntimeZone: Mars/Base\nsections: []\n";
    expect(readSiteConfig(text).issues.map((i) => i.code)).toEqual([
      "site-field-missing",
      "site-field-invalid",
      "site-field-invalid",
      "site-field-missing",
    ]);
  });

  it("suggests the parent a nested section probably meant", () => {
    const { issues } = readSiteConfig(valid.replace("id: world/europe", "id: wrld/europe"));
    expect(issues[0].hint).toContain('"world/europe"');
  });
});
