/**
 * Turns a gazette corpus into a Hugo site: content/<section>/_index.md per section (Hugo needs
 * one in every folder to nest sections), one content file per article in its section's folder,
 * the layouts kept beside this file, and a config. Articles stream through one at a time.
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { toBaselineArticle } from "../baseline-article.ts";
import { readCorpusArticles, readCorpusSite, type CorpusSite } from "../corpus-reader.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));

/** TOML basic string: JSON's escapes are a subset TOML accepts. */
const toml = (value: string) => JSON.stringify(value);

/**
 * The config.toml for `site`: corpus-specific keys, the fixed part, and a permalink per top-level
 * section (Hugo 0.111 keys permalinks by the page's top-level section).
 * @example hugoConfig(site).includes('politics = "/:year/:month/:day/:slug/"') // true
 */
export function hugoConfig(site: CorpusSite): string {
  const head = [
    `baseURL = ${toml(`${site.url}/`)}`,
    `languageCode = ${toml(site.language)}`,
    `title = ${toml(site.title)}`,
    // Only used for dates without an offset; the corpus writes offsets, which Hugo keeps.
    `timeZone = ${toml(site.timeZone)}`,
    `paginate = ${site.perPage}`,
  ];
  const topLevel = site.sections.filter((s) => !s.id.includes("/"));
  const permalinks = ["[permalinks]", ...topLevel.map((s) => `${toml(s.id)} = "/:year/:month/:day/:slug/"`)];
  return `${head.join("\n")}\n\n${readFileSync(join(HERE, "config.toml"), "utf8")}\n${permalinks.join("\n")}\n`;
}

/**
 * Replaces `siteDir` with a Hugo site of the corpus in `corpusDir`; returns the article count.
 * @example convertForHugo("/tmp/corpus", "/tmp/hugo-site") // { articles: 1000 }
 */
export function convertForHugo(corpusDir: string, siteDir: string): { articles: number } {
  const site = readCorpusSite(corpusDir);
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(siteDir, { recursive: true });
  writeFileSync(join(siteDir, "config.toml"), hugoConfig(site));
  cpSync(join(HERE, "layouts"), join(siteDir, "layouts"), { recursive: true });
  for (const section of site.sections) {
    const dir = join(siteDir, "content", ...section.id.split("/"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "_index.md"), `---\n${yaml.dump({ title: section.title })}---\n`);
  }
  let articles = 0;
  for (const source of readCorpusArticles(corpusDir)) {
    if (source.data.draft === true) continue;
    const a = toBaselineArticle(source, site.timeZone);
    // Topics, not tags: `tags` is a Hugo taxonomy, and taxonomy pages are not part of the comparison.
    // A lead image beside the article (`gazette bench generate --images`) makes it a leaf bundle,
    // the only place Hugo's image processing finds page resources; the layout resizes it.
    const image = source.data.image as { src?: string; alt?: string; credit?: string } | undefined;
    const front = { title: a.title, date: a.date, slug: a.slug, summary: a.summary, authors: a.authors, topics: a.topics, updates: a.updates.length ? a.updates : undefined, ...(image?.src ? { image } : {}) };
    const folder = join(siteDir, "content", ...a.sectionId.split("/"));
    const target = image?.src ? join(folder, a.slug, "index.md") : join(folder, `${a.slug}.md`);
    if (image?.src) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(corpusDir, dirname(source.file), image.src), join(dirname(target), image.src));
    }
    writeFileSync(target, `---\n${yaml.dump(front, { skipInvalid: true, lineWidth: -1 })}---\n${a.body}`);
    articles++;
  }
  return { articles };
}
