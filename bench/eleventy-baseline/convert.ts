/**
 * Turns a gazette corpus into the input folder of a plain Eleventy 3 site: one Markdown
 * template per article (front matter with a precomputed permalink and section collections as
 * tags), one paginated Nunjucks template per section, the layouts kept beside this file, and
 * the site's data. Articles stream through one at a time.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { lineageOf } from "../../src/archive/sections.ts";
import { toBaselineArticle } from "../baseline-article.ts";
import { readCorpusArticles, readCorpusSite, type CorpusSite } from "../corpus-reader.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));

/** The Eleventy config of the baseline, for `--config`. */
export const ELEVENTY_BASELINE_CONFIG = join(HERE, "eleventy.config.js");

/**
 * The collection holding a section's articles; an article is tagged with its section and every
 * ancestor, so a parent section's collection includes its children's articles.
 * @example sectionCollection("world/europe") // "section:world/europe"
 */
export function sectionCollection(sectionId: string): string {
  return `section:${sectionId}`;
}

/**
 * The template of one section: paginates its collection newest first, `perPage` to a page,
 * at /SECTION/ and /SECTION/page/N/.
 * @example sectionTemplate(site, site.sections[0]).includes("size: 30") // true
 */
export function sectionTemplate(site: CorpusSite, section: { id: string; title: string }): string {
  const children = site.sections.filter((s) => s.id.startsWith(`${section.id}/`) && !s.id.slice(section.id.length + 1).includes("/"));
  const front = {
    layout: "section.njk",
    title: section.title,
    children,
    // Section pages are not articles: keep them out of `collections.all` and every section list.
    eleventyExcludeFromCollections: true,
    pagination: {
      data: `collections.${sectionCollection(section.id)}`,
      size: site.perPage,
      reverse: true,
      alias: "articles",
      // An empty section still gets its page, as in gazette.
      generatePageOnEmptyData: true,
    },
    permalink: `/${section.id}/{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber + 1 }}/{% endif %}`,
  };
  return `---\n${yaml.dump(front, { lineWidth: -1 })}---\n`;
}

/** The global data the layouts read as `site`. */
function siteData(site: CorpusSite): object {
  return {
    title: site.title,
    language: site.language,
    timeZone: site.timeZone,
    topSections: site.sections.filter((s) => !s.id.includes("/")),
    sectionTitles: Object.fromEntries(site.sections.map((s) => [s.id, s.title])),
  };
}

/**
 * Replaces `inputDir` with the Eleventy input folder for the corpus in `corpusDir`; returns the
 * article count.
 * @example convertForEleventy("/tmp/corpus", "/tmp/eleventy-input") // { articles: 1000 }
 */
export function convertForEleventy(corpusDir: string, inputDir: string): { articles: number } {
  const site = readCorpusSite(corpusDir);
  rmSync(inputDir, { recursive: true, force: true });
  mkdirSync(join(inputDir, "_data"), { recursive: true });
  mkdirSync(join(inputDir, "sections"), { recursive: true });
  cpSync(join(HERE, "templates"), join(inputDir, "_includes"), { recursive: true });
  writeFileSync(join(inputDir, "_data", "site.json"), JSON.stringify(siteData(site), null, 2));
  for (const section of site.sections) {
    writeFileSync(join(inputDir, "sections", `${section.id.replaceAll("/", "--")}.njk`), sectionTemplate(site, section));
  }
  const made = new Set<string>();
  let articles = 0;
  for (const source of readCorpusArticles(corpusDir)) {
    if (source.data.draft === true) continue;
    const a = toBaselineArticle(source, site.timeZone);
    const front = {
      layout: "article.njk",
      title: a.title,
      // Eleventy reads `date` itself (for page.date and collection order); the offset is kept.
      date: a.date,
      permalink: a.url,
      section: a.sectionId,
      summary: a.summary,
      authors: a.authors,
      // Eleventy's `tags` make collections, so the corpus's tags travel as `topics`.
      topics: a.topics,
      tags: lineageOf(a.sectionId).map(sectionCollection),
      updates: a.updates,
    };
    const target = join(inputDir, "articles", ...source.file.split("/"));
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, `---\n${yaml.dump(front, { skipInvalid: true, lineWidth: -1 })}---\n${a.body}`);
    articles++;
  }
  return { articles };
}
