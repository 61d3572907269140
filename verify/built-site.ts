/**
 * A built site as the gates see it: the output folder plus the archive it was built from, so
 * gates can find representative pages and know what a reader should see on them.
 */
import { mkdir } from "node:fs/promises";
import { buildSite } from "../src/build/build-site.ts";
import { formatIssue } from "../src/issues/content-issue.ts";
import { loadArchive } from "../src/content/load-archive.ts";
import type { Archive } from "../src/model.ts";
import { sitePages, type SitePage } from "../src/archive/site-pages.ts";

/** A site that has been built and can be verified. */
export interface BuiltSite {
  /** Short name for reports and screenshot folders: "sample", "generated-500". */
  name: string;
  content: string;
  /** The output folder. */
  dir: string;
  archive: Archive;
  /** Every page the build wrote, with its kind. */
  pages: SitePage[];
  /** Path of the site's configured url ("" or e.g. "/archive"), under which pages link to each other. */
  basePath: string;
}

/**
 * Builds `content` into `out` and describes the result; throws when the archive has errors.
 * @example const site = await buildForVerify("sample", "content", "/tmp/verify/sample");
 */
export async function buildForVerify(name: string, content: string, out: string): Promise<BuiltSite> {
  await mkdir(out, { recursive: true });
  // Cold, without the build cache: the gates judge what a fresh build writes.
  const result = await buildSite({ content, out, cache: false });
  if (!result.ok) {
    const errors = result.issues.filter((i) => i.severity === "error").map((i) => formatIssue(i, content));
    throw new Error(`The ${name} archive (${content}) does not build:\n${errors.join("\n")}`);
  }
  return describeBuiltSite(name, content, out);
}

/**
 * Describes a folder already built from `content` (or a copy of one).
 * @example await describeBuiltSite("copy", "content", "/tmp/broken-copy")
 */
export async function describeBuiltSite(name: string, content: string, dir: string): Promise<BuiltSite> {
  const { archive } = await loadArchive(content);
  if (!archive) throw new Error(`The ${name} archive (${content}) does not load.`);
  return { name, content, dir, archive, pages: sitePages(archive), basePath: new URL(archive.site.url).pathname.replace(/\/+$/, "") };
}
