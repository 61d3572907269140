/**
 * A fixture archive built once as the dev server builds it (`retain`, a cache of its own): what
 * the preview tests edit and compare with the next build.
 */
import { buildSite, type BuildResult } from "../../src/build/build-site.ts";
import { tempOut } from "./built-site.ts";
import { fixtureArchive } from "./fixture-archive.ts";
import { tempDir } from "./temp-dirs.ts";

/** The folders of a retained build and its result. */
export interface RetainedBuild {
  content: string;
  out: string;
  cache: string;
  result: BuildResult;
}

/**
 * Builds `files` (as fixtureArchive takes them) with `retain`; throws when the build fails.
 * @example const { content, out, cache, result } = await retainedBuild({ "2023/a.md": text });
 */
export async function retainedBuild(files: Record<string, string>): Promise<RetainedBuild> {
  const content = fixtureArchive(files);
  const out = tempOut();
  const cache = tempDir("gazette-cache-");
  const result = await buildSite({ content, out, cache, retain: true, reportDir: false });
  if (!result.ok) throw new Error(`the fixture archive did not build: ${JSON.stringify(result.issues)}`);
  return { content, out, cache, result };
}
