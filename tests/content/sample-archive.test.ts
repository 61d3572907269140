/**
 * The bundled sample archive is valid and shows every shape a newsroom archive has.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { splitArticle } from "../../src/content/front-matter.ts";
import { describe, expect, it } from "vitest";
import { loadArchive } from "../../src/content/load-archive.ts";

const SAMPLE = fileURLToPath(new URL("../../content", import.meta.url));

describe("the sample archive", async () => {
  const { archive, issues } = await loadArchive(SAMPLE);
  const articles = archive?.articles ?? [];

  it("loads without issues", () => expect(issues).toEqual([]));

  it.each([
    ["articles", articles.length, 40],
    ["sections", archive?.sections.size ?? 0, 6],
    ["nested sections", [...(archive?.sections.values() ?? [])].filter((s) => s.parentId).length, 1],
    ["years", new Set(articles.map((a) => a.date.year)).size, 3],
    ["articles with updates", articles.filter((a) => a.updates.length).length, 8],
    ["articles with corrections", articles.filter((a) => a.updates.some((u) => u.kind === "correction")).length, 2],
    ["sections in use", new Set(articles.map((a) => a.sectionId)).size, 6],
    ["articles with a lead image beside them", articles.filter((a) => a.image?.local).length, 4],
    ["articles with images in the body", articles.filter((a) => (a.media ?? []).some((m) => m !== a.image?.local)).length, 2],
    ["page bundles", articles.filter((a) => /\/index\.md$/.test(a.file)).length, 1],
  ])("has enough %s", (_, count, minimum) => expect(count).toBeGreaterThanOrEqual(minimum));

  it("is written in the newsroom's shapes: dateline, subheads, author initials", () => {
    for (const article of articles) {
      const { body } = splitArticle(readFileSync(join(SAMPLE, article.file), "utf8"));
      expect(body.trimStart(), article.file).toMatch(/^\p{Lu}[\p{Lu} .'-]+ – /u);
      expect(body, article.file).toMatch(/^## /m);
      expect(body.trim(), article.file).toMatch(/\([a-z]{2,3}(\/[a-z]{2,3})*\)$/);
    }
  });

  it("keeps a draft out of the build", async () => {
    const withDrafts = await loadArchive(SAMPLE, { drafts: true });
    expect(withDrafts.archive!.articles.length).toBeGreaterThan(articles.length);
  });
});
