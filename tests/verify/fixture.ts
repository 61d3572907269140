/**
 * The small archive the gate tests build: two pages of Politics (perPage: 2), a World section
 * with a Europe sub-section, and a story with updates and a correction. Plus broken copies of the
 * built site, to prove that each gate fails when a page is wrong.
 */
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildForVerify, type BuiltSite } from "../../verify/built-site.ts";
import { article } from "../helpers/fixture-archive.ts";

const SITE_YML = `title: The Verify Courier
url: https://courier.example.org
language: en
timeZone: America/New_York
description: A fixture archive for the quality gates.
perPage: 2
sections:
  - id: politics
    title: Politics
  - id: world
    title: World
  - id: world/europe
    title: Europe
authors:
  - name: Cy Diaz
    bio: Covers the coast and its weather.
    url: https://cydiaz.example.net/
`;

const BODY = "CITY – Something happened today, and people talked about it.\n\n## What comes next\n\nMore text follows here. (vc)\n";
const story = (frontMatter: string[], body = BODY) => article(frontMatter, body);
// A results table wider than a phone: it must scroll inside its own box, never the page.
const TABLE_BODY = `${BODY}
| Ward | Candidate | Party | Votes | Share (%) | Change (points) |
| --- | --- | --- | --: | --: | --: |
| Harbourside North | Alexandra Montgomery-Whitfield | Independent Coalition | 12,480 | 41.3 | +6.2 |
| Harbourside South | Benedict Okonkwo-Hargreaves | Progressive Union | 11,902 | 39.4 | −2.8 |
`;

/** The fixture's files, relative to its content folder. */
export const FIXTURE_FILES: Record<string, string> = {
  "site.yml": SITE_YML,
  "2023/p1.md": story(["title: Council meets on Monday", "date: 2023-01-02T10:00:00", "section: politics", "summary: The first meeting of the year."]),
  "2023/p2.md": story(["title: Budget talks resume", "date: 2023-01-03T10:00:00", "section: politics", "summary: Both sides return to the table."]),
  "2023/p3.md": story(["title: Mayor names new deputy", "date: 2023-01-04T10:00:00", "section: politics"], TABLE_BODY),
  "2023/p4.md": story(["title: Ward boundaries redrawn", "date: 2023-01-05T10:00:00", "section: politics", "authors: [Ann Lee, Bo Chen]"]),
  "2023/w1.md": story(["title: Trade envoys meet abroad", "date: 2022-12-01", "section: world", "aliases: [/old/trade-envoys/]"]),
  "2023/w2.md": story(["title: Envoy quote was misattributed", "date: 2022-12-02", "section: world", "status: withdrawn", "withdrawn:", "  at: 2022-12-03T09:00:00", "  reason: The quote came from another speaker."]),
  "2023/storm.md": story([
    "title: Storm hits the coast",
    'date: "2023-02-18T09:30:00-05:00"',
    "section: world/europe",
    "summary: High winds brought down power lines overnight.",
    "authors: Cy Diaz",
    "tags: [storm, coast]",
    "updates:",
    '  - at: "2023-02-18T14:16:00-05:00"',
    "    text: Power is **back** in most homes.",
    '  - at: "2023-02-20T08:00:00-05:00"',
    "    kind: correction",
    "    text: An earlier version misnamed the harbour.",
    '  - at: "2023-02-19T10:05:00Z"',
    "    text: The ferry runs again.",
  ]),
};

/** URLs of the fixture's pages that the tests corrupt. */
export const FIXTURE_URLS = {
  front: "/",
  section: "/world/",
  page2: "/politics/page/2/",
  politics: "/politics/",
  story: "/2023/02/18/storm/",
  plainArticle: "/2023/01/02/p1/",
  notFound: "/404.html",
  tombstone: "/2022/12/02/w2/",
  redirect: "/old/trade-envoys/",
} as const;

/** A fresh temporary folder; remove it with `rm(dir, { recursive: true })`. */
export function tempDir(prefix = "gazette-verify-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Writes the fixture archive and builds it.
 * @example const site = await buildFixture(await tempDir());
 */
export async function buildFixture(work: string, name = "fixture"): Promise<BuiltSite> {
  const content = join(work, "content");
  for (const [path, text] of Object.entries(FIXTURE_FILES)) {
    await mkdir(dirname(join(content, path)), { recursive: true });
    await writeFile(join(content, path), text);
  }
  return buildForVerify(name, content, join(work, "site"));
}

/** Output file of a site-relative URL: `/politics/` → `politics/index.html`. */
export function fileOf(url: string): string {
  const path = url.replace(/^\//, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** Edits to a built site: file (or URL) → function from its text to the corrupted text. */
export type Corruptions = Record<string, (text: string) => string>;

/**
 * Copies a built site into `out` and corrupts some of its files; the copy keeps the archive.
 * Each edit must change its file, so a test never passes on a corruption that did not happen.
 * @example await brokenCopy(site, join(work, "broken"), { "/politics/": (t) => t.replace("</main>", "</div></main>") })
 */
export async function brokenCopy(site: BuiltSite, out: string, corruptions: Corruptions): Promise<BuiltSite> {
  await rm(out, { recursive: true, force: true });
  await cp(site.dir, out, { recursive: true });
  for (const [target, corrupt] of Object.entries(corruptions)) {
    const file = join(out, target.startsWith("/") ? fileOf(target) : target);
    const text = await readFile(file, "utf8");
    const changed = corrupt(text);
    if (changed === text) throw new Error(`corrupting ${target} changed nothing`);
    await writeFile(file, changed);
  }
  return { ...site, name: `${site.name}-broken`, dir: out };
}

/**
 * A page without its Content-Security-Policy meta: a broken copy that injects an inline style
 * or script needs it gone, or the policy would block what the test means to break.
 * @example withoutCsp('<meta http-equiv="Content-Security-Policy" content="…">\n<title>') // "<title>"
 */
export const withoutCsp = (page: string): string => page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, "");

/** Inserts markup at the start of the main landmark. */
export const intoMain = (markup: string) => (text: string) => text.replace('<main id="main" tabindex="-1">', `<main id="main" tabindex="-1">${markup}`);
