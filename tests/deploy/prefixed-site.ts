/**
 * A fixture archive served under a path (`url: https://example.org/archive/`), built through
 * the real build, with every page kind the site has: front page, section pages and their
 * second pages, a nested section, articles with updates and corrections, the 404 page.
 */
import { buildSite, type BuildOptions } from "../../src/build/build-site.ts";
import { tempOut } from "../helpers/built-site.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";

/** The site.yml of the fixture: the test tribune, under /archive/. */
export const PREFIXED_SITE_YML = SITE_YML.replace("url: https://tribune.example.org", "url: https://example.org/archive/");

/** URLs (site-relative) of one page of each kind in the fixture. */
export const PAGES = {
  front: "/",
  section: "/politics/",
  page2: "/politics/page/2/",
  nested: "/world/europe/",
  parent: "/world/",
  article: "/2023/02/18/harbour-budget/",
  updated: "/2023/02/20/storm/",
  notFound: "/404.html",
} as const;

/** The fixture's content files. */
export function prefixedArchive(): string {
  const story = (title: string, date: string, section: string, extra: string[] = []) => article([`title: ${title}`, `date: ${date}`, `section: ${section}`, "summary: A summary.", "authors: [Mara Keller]", "tags: [harbour]", ...extra]);
  return fixtureArchive({
    "site.yml": PREFIXED_SITE_YML,
    "harbour-budget.md": story("Council approves the harbour budget", "2023-02-18T09:30:00", "politics"),
    "b.md": story("Second politics story", "2023-02-17T09:30:00", "politics"),
    "c.md": story("Third politics story", "2023-02-16T09:30:00", "politics"),
    "storm.md": story("Storm over the lake", "2023-02-20T07:00:00", "world/europe", [
      "updates:",
      "  - at: 2023-02-20T12:00:00",
      "    text: The ferry runs again, see [the budget](/2023/02/18/harbour-budget/).",
      "  - at: 2023-02-21T08:00:00",
      "    kind: correction",
      "    text: An earlier version gave the wrong pier.",
    ]),
    "sport.md": story("Rowing club wins", "2023-02-19T18:00:00", "sport"),
  });
}

/** Builds the fixture (with extra build options) into a fresh folder and returns it. */
export async function buildPrefixedSite(options: Partial<BuildOptions> = {}): Promise<{ content: string; out: string }> {
  const content = prefixedArchive();
  const out = tempOut("gazette-prefixed-");
  const result = await buildSite({ content, out, cache: false, ...options });
  if (!result.ok) throw new Error(`fixture did not build: ${JSON.stringify(result.issues)}`);
  return { content, out };
}
