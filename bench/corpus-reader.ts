/**
 * Reading a generated corpus back, one article at a time, for the baseline converters and the
 * expected page count. Streaming matters: at 100,000 articles the corpus is about 500 MB.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { SITE_DEFAULTS } from "../src/content/site-config.ts";
import { sectionPageCount, sectionTotals } from "./expected-pages.ts";

/** The parts of site.yml the baselines need. */
export interface CorpusSite {
  title: string;
  url: string;
  language: string;
  timeZone: string;
  perPage: number;
  /** Declared order, parents before children. */
  sections: { id: string; title: string }[];
}

/** One article file: its path below the corpus, front matter and Markdown body. */
export interface CorpusArticle {
  /** Relative, with `/` separators. */
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/**
 * Reads site.yml of the corpus in `dir`, applying the same defaults as gazette.
 * @example readCorpusSite("/tmp/corpus").timeZone // "Europe/Berlin"
 */
export function readCorpusSite(dir: string): CorpusSite {
  const data = yaml.load(readFileSync(join(dir, "site.yml"), "utf8"), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
  const sections = (data.sections as { id: string; title: string }[]).map(({ id, title }) => ({ id: String(id), title: String(title) }));
  return {
    title: String(data.title),
    url: String(data.url),
    language: String(data.language ?? SITE_DEFAULTS.language),
    timeZone: String(data.timeZone ?? SITE_DEFAULTS.timeZone),
    perPage: typeof data.perPage === "number" ? data.perPage : SITE_DEFAULTS.perPage,
    sections,
  };
}

/**
 * Splits an article's text into front matter and body. Throws on a file without front matter:
 * the corpus is generated, so that is a bug, not content to tolerate.
 * @example splitFrontMatter("---\ntitle: A\n---\nBody").data.title // "A"
 */
export function splitFrontMatter(text: string, file = "article"): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) throw new Error(`${file} has no front matter`);
  // The core schema keeps dates as the strings they are written as (no UTC Date surprises).
  const data = yaml.load(match[1], { schema: yaml.CORE_SCHEMA });
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error(`${file}: front matter is not a mapping`);
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}

/**
 * Yields every article below `dir` in sorted path order, reading one file at a time.
 * Skips names starting with `_` or `.`, as gazette does.
 * @example for (const article of readCorpusArticles("/tmp/corpus")) count++;
 */
export function* readCorpusArticles(dir: string, prefix = ""): Generator<CorpusArticle> {
  const entries = readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    const file = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* readCorpusArticles(dir, file);
    else if (entry.isFile() && entry.name.endsWith(".md")) {
      // Synchronous reads: one small file after another is faster than queueing on libuv's pool.
      yield { file, ...splitFrontMatter(readFileSync(join(dir, file), "utf8"), file) };
    }
  }
}

/** Counts of a corpus that the page checks are computed from. */
export interface CorpusSummary {
  site: CorpusSite;
  articles: number;
  /** Articles per section id, by the section each article names (not its ancestors). */
  bySection: Map<string, number>;
  /** Article pages plus section pages: what each baseline must write as index.html files. */
  expectedPages: number;
}

/**
 * Reads the whole corpus once and counts what every tool must produce.
 * @example summarizeCorpus("/tmp/corpus").expectedPages // articles + section pages
 */
export function summarizeCorpus(dir: string): CorpusSummary {
  const site = readCorpusSite(dir);
  const bySection = new Map<string, number>();
  let articles = 0;
  for (const { data, file } of readCorpusArticles(dir)) {
    if (data.draft === true) continue;
    if (typeof data.section !== "string") throw new Error(`${file} has no section`);
    bySection.set(data.section, (bySection.get(data.section) ?? 0) + 1);
    articles++;
  }
  return { site, articles, bySection, expectedPages: articles + sectionPageCount(sectionTotals(site.sections.map((s) => s.id), bySection), site.perPage) };
}
