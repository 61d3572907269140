/**
 * A whole build: load and validate the archive, render it through Eleventy into a temporary
 * folder beside the output, and swap that into place only when everything succeeded. A failed
 * build leaves the previous output exactly as it was; a successful one leaves no stale pages.
 */
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { hasErrors, type ContentIssue } from "./issues/content-issue.ts";
import { loadArchive } from "./load-archive.ts";
import { provideArchive } from "./eleventy/archive-provider.ts";

/** Options of one build. */
export interface BuildOptions {
  content: string;
  out: string;
  drafts?: boolean;
}

/** What a build did. */
export interface BuildResult {
  ok: boolean;
  issues: ContentIssue[];
  articles: number;
  pagesWritten: number;
}

/** The project's Eleventy config, found relative to this file so the CLI works from any folder. */
export const ELEVENTY_CONFIG = fileURLToPath(new URL("../.eleventy.ts", import.meta.url));

/**
 * Builds the archive in `content` into `out`.
 * @example await buildSite({ content: "content", out: "_site" })
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const content = resolve(options.content);
  const out = resolve(options.out);
  const { archive, issues } = await loadArchive(content, { drafts: options.drafts });
  if (!archive || hasErrors(issues)) return { ok: false, issues, articles: 0, pagesWritten: 0 };

  await mkdir(dirname(out), { recursive: true });
  // Beside the output (same file system), so the final rename is atomic.
  const staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  provideArchive(async () => archive);
  let written: unknown[];
  try {
    const eleventy = new Eleventy(content, staging, { configPath: ELEVENTY_CONFIG, quietMode: true });
    // Our own summary replaces Eleventy's "Wrote N files"; failures still arrive as exceptions.
    eleventy.disableLogger();
    written = (await eleventy.write()) as unknown as unknown[];
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    provideArchive(undefined);
  }
  await swapInto(staging, out);
  return { ok: true, issues, articles: archive.articles.length, pagesWritten: countWritten(written) };
}

async function swapInto(staging: string, out: string): Promise<void> {
  const previous = join(dirname(out), `.${basename(out)}.previous-${process.pid}`);
  const exists = await stat(out).then(() => true, () => false);
  if (exists) await rename(out, previous);
  await rename(staging, out);
  if (exists) await rm(previous, { recursive: true, force: true });
}

function countWritten(written: unknown[]): number {
  // Eleventy resolves write() to [passthroughCopies, templates]; templates is a flat list.
  const templates = Array.isArray(written) ? written[1] : undefined;
  return Array.isArray(templates) ? templates.length : 0;
}
