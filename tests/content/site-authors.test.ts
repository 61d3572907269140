import { describe, expect, it } from "vitest";
import { readSiteConfig } from "../../src/content/site-config.ts";

const BASE = "title: T\nurl: https://x.org\nsections:\n  - id: a\n    title: A\n";

describe("site.yml authors", () => {
  it("is optional", () => {
    expect(readSiteConfig(BASE).site?.authors).toBeUndefined();
  });

  it("reads name, bio and url", () => {
    const { site, issues } = readSiteConfig(`${BASE}authors:\n  - name: Ana Ruiz\n    bio: "City hall."\n    url: https://ana.example.net/\n  - name: Bo Chen\n`);
    expect(issues).toEqual([]);
    expect(site?.authors).toEqual([{ name: "Ana Ruiz", bio: "City hall.", url: "https://ana.example.net/" }, { name: "Bo Chen" }]);
  });

  it.each([
    // yaml after BASE (which has 5 lines), the line of the issue, the field and words of the message
    ["authors: Ana Ruiz\n", 6, "authors", "must be a list"],
    ["authors:\n  - Ana Ruiz\n", 7, "authors.0", "must be a mapping"],
    ["authors:\n  - bio: Nameless\n", 7, "authors.0", "needs a name"],
    ["authors:\n  - name: '***'\n", 7, "authors.0.name", "needs a name"],
    ["authors:\n  - name: Ana\n    bio: [a, b]\n", 8, "authors.0.bio", "must be text"],
    ["authors:\n  - name: Ana\n    url: ftp://ana.example.net\n", 8, "authors.0.url", "absolute http(s)"],
    ["authors:\n  - name: Ana\n    email: a@example.net\n", 8, "authors.0.email", 'unknown field "email"'],
    ["authors:\n  - name: Zoë\n  - name: ZOE\n", 8, "authors.1.name", "same page (/authors/zoe/)"],
  ])("%j is reported at line %i (%s)", (yaml, line, field, words) => {
    const { site, issues } = readSiteConfig(BASE + yaml);
    expect(site).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "site-field-invalid", file: "site.yml", line, field });
    expect(issues[0].message).toContain(words);
  });
});
