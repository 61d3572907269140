/** Writes the benchmark corpus to a folder, streaming from the generator. */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateCorpus, type CorpusOptions } from "./corpus.ts";

// Enough writes in flight to keep libuv's thread pool busy; more only adds memory.
const MAX_IN_FLIGHT = 32;

// `out` is wiped first, so refuse targets whose loss would be a disaster rather than a typo:
// the filesystem root, and the working directory or any folder containing it.
function assertSafeTarget(out: string): void {
  const target = path.resolve(out);
  const cwd = process.cwd();
  const rel = path.relative(target, cwd);
  if (target === path.parse(target).root || rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel))) {
    throw new Error(`Refusing to replace ${target}: it is the filesystem root or contains the working directory`);
  }
}

/**
 * Replaces `out` with a freshly generated corpus; resolves to the number of files and bytes written.
 */
export async function writeCorpus(options: CorpusOptions & { out: string }): Promise<{ files: number; bytes: number }> {
  const { out, ...corpus } = options;
  assertSafeTarget(out);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  // Articles are grouped by month, so the cache turns ~100,000 mkdir calls into ~180.
  const made = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let files = 0;
  let bytes = 0;
  try {
    for (const file of generateCorpus(corpus)) {
      const target = path.join(out, ...file.path.split("/"));
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      const data = Buffer.from(file.content, "utf8");
      const write: Promise<void> = writeFile(target, data).then(() => {
        inFlight.delete(write);
      });
      inFlight.add(write);
      files++;
      bytes += data.length;
      // Back-pressure: pull the next article from the generator only when a write slot frees up.
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (error) {
    // Let the other writes settle so none of them rejects unobserved after we have thrown.
    await Promise.allSettled(inFlight);
    throw error;
  }
  return { files, bytes };
}
