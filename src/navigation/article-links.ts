/**
 * Links between articles: a Markdown link to another article's source file
 * (`[vote](../2023/council-vote.md)`, relative to the linking file, or `/2023/council-vote.md`
 * from the content folder) becomes that article's URL, keeping its `#fragment`. The known
 * targets are one map, so other kinds of target (an alias's old address) are entries too:
 * keys are content-relative source paths (`2023/council-vote.md`) or site paths
 * (`/old/path/`), values site-relative URLs without the base path (the renderer adds it).
 */
import type { Archive } from "../model.ts";
import { aliasTargets } from "../publishing/redirects.ts";
import { posix } from "node:path";

/** Link target → the article URL it stands for. */
export type LinkTargets = ReadonlyMap<string, string>;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const SOURCE_FILE = /\.(md|markdown)$/i;

/**
 * The targets of every article: its source file → its URL.
 * @example articleTargets([{ file: "2023/a.md", url: "/2023/01/02/a/" }]).get("2023/a.md") // "/2023/01/02/a/"
 */
export function articleTargets(articles: Iterable<{ file: string; url: string }>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const { file, url } of articles) targets.set(file, url);
  return targets;
}

/**
 * Every target a link in a body may name: each article's source file, and each alias (an old
 * address of an article, as migrated bodies link to it), both leading to the article's URL.
 * @example linkTargets(archive).get("/old/harbour-budget/") // "/2023/02/18/harbour-budget/"
 */
export function linkTargets(archive: Pick<Archive, "articles" | "withdrawn">): LinkTargets {
  // A build asks three times (the link check and pass 2, the feeds' bodies, the updates feed):
  // made once per archive, which no one changes after indexing.
  let targets = targetsOf.get(archive);
  if (!targets) {
    const made = articleTargets(archive.articles);
    for (const [alias, url] of aliasTargets(archive)) made.set(alias, url);
    targetsOf.set(archive, (targets = made));
  }
  return targets;
}

const targetsOf = new WeakMap<object, LinkTargets>();

/** A link split into its path and fragment (with its `#`), without a query. */
export interface LinkParts {
  path: string;
  fragment: string;
}

/**
 * Splits an internal link; undefined for another site's (`https:`, `mailto:`, `//host`).
 * @example linkParts("../a.md?x=1#update-2") // { path: "../a.md", fragment: "#update-2" }
 */
export function linkParts(href: string): LinkParts | undefined {
  if (SCHEME.test(href) || href.startsWith("//")) return undefined;
  const hash = href.indexOf("#");
  const fragment = hash === -1 ? "" : href.slice(hash);
  const beforeHash = hash === -1 ? href : href.slice(0, hash);
  const query = beforeHash.indexOf("?");
  return { path: query === -1 ? beforeHash : beforeHash.slice(0, query), fragment };
}

/**
 * The content-relative source path a link to a `.md` file points at, or undefined when it is
 * no such link or leaves the content folder.
 * @example sourcePathOf("../2023/vote.md", "2024/a.md") // "2023/vote.md"
 * @example sourcePathOf("/2023/vote.md", "2024/a.md")   // "2023/vote.md"
 */
export function sourcePathOf(path: string, fromFile: string): string | undefined {
  if (!SOURCE_FILE.test(path)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    return undefined;
  }
  const joined = decoded.startsWith("/") ? posix.normalize(decoded.slice(1)) : posix.join(posix.dirname(fromFile), decoded);
  return joined.startsWith("../") || joined === ".." ? undefined : joined;
}

/**
 * The URL (site-relative, with the fragment) that `href` in `fromFile` stands for when it
 * names a known target, else undefined (the link stays as written).
 * @example resolveArticleLink("vote.md#update-1", "2023/a.md", new Map([["2023/vote.md", "/2023/02/18/vote/"]])) // "/2023/02/18/vote/#update-1"
 */
export function resolveArticleLink(href: string, fromFile: string, targets: LinkTargets): string | undefined {
  const parts = linkParts(href);
  if (!parts || !parts.path) return undefined;
  const source = sourcePathOf(parts.path, fromFile);
  const url = targets.get(source ?? parts.path);
  return url === undefined ? undefined : url + parts.fragment;
}

/**
 * The markdown render env that resolves links of `fromFile` (see src/render/link-rule.ts).
 * @example md.render(body, articleLinkEnv("2023/a.md", targets))
 */
export function articleLinkEnv(fromFile: string, targets: LinkTargets): { resolveHref: (href: string) => string | undefined } {
  return { resolveHref: (href) => resolveArticleLink(href, fromFile, targets) };
}
