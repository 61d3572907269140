/**
 * `site.yml`'s optional `authors:` list: `{ name, bio, url }` entries that describe the people
 * in bylines on their author pages. Each problem is reported at its own line.
 */
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { AuthorProfile } from "../model.ts";
import { slugify } from "./slugs.ts";
import type { FieldPath } from "./yaml-source.ts";

type Locator = (path: FieldPath) => { file: string; field: string; line: number; column: number };

const EXPECTED = "authors: a list of { name, bio, url }, e.g. - name: Ana Ruiz / bio: Covers the city council. / url: https://example.org/ana";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads and checks the `authors:` list (absent: no profiles); every issue is pushed to `issues`.
 * @example readAuthors([{ name: "Ana Ruiz", bio: "City hall." }], at, issues) // [{ name: "Ana Ruiz", bio: "City hall." }]
 */
export function readAuthors(value: unknown, at: Locator, issues: ContentIssue[]): AuthorProfile[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    issues.push(contentIssue("site-field-invalid", at(["authors"]), "site.yml's authors must be a list.", { expected: EXPECTED }));
    return undefined;
  }
  const profiles: AuthorProfile[] = [];
  const seen = new Map<string, number>();
  value.forEach((item, index) => {
    if (!isRecord(item)) {
      issues.push(contentIssue("site-field-invalid", at(["authors", index]), `Author ${index + 1} in site.yml must be a mapping with a name.`, { expected: EXPECTED }));
      return;
    }
    const name = typeof item.name === "string" ? item.name.trim() : "";
    const slug = slugify(name);
    if (!slug) {
      issues.push(contentIssue("site-field-invalid", at(item.name === undefined ? ["authors", index] : ["authors", index, "name"]), `Author ${index + 1} in site.yml needs a name with letters or digits.`, { expected: EXPECTED }));
      return;
    }
    const profile: AuthorProfile = { name };
    const bio = item.bio;
    if (typeof bio === "string" && bio.trim()) profile.bio = bio.trim();
    else if (bio !== undefined && bio !== null) issues.push(contentIssue("site-field-invalid", at(["authors", index, "bio"]), `The bio of ${name} in site.yml must be text.`, { expected: EXPECTED }));
    const url = item.url;
    if (typeof url === "string" && isHttpUrl(url.trim())) profile.url = url.trim();
    else if (url !== undefined && url !== null) issues.push(contentIssue("site-field-invalid", at(["authors", index, "url"]), `The url of ${name} in site.yml must be an absolute http(s) address.`, { expected: EXPECTED }));
    for (const key of Object.keys(item)) {
      if (!["name", "bio", "url"].includes(key)) issues.push(contentIssue("site-field-invalid", at(["authors", index, key]), `Author ${name} in site.yml has an unknown field "${key}".`, { expected: EXPECTED }));
    }
    const before = seen.get(slug);
    if (before !== undefined) {
      issues.push(contentIssue("site-field-invalid", at(["authors", index, "name"]), `Author "${name}" in site.yml has the same page (/authors/${slug}/) as author ${before + 1}.`, { hint: "Describe each author once." }));
      return;
    }
    seen.set(slug, index);
    profiles.push(profile);
  });
  return profiles;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
