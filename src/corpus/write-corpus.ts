/** Writes the benchmark corpus to a folder, streaming from the generator. */
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { generateCorpus, type CorpusOptions } from "./corpus.ts";
import { corpusImage, hasCorpusImage, withImageField } from "./images.ts";

// Files are written synchronously, in batches, yielding to the event loop in between. Measured on
// a 2-core VM, promise-based writeFile (open, write and close as three thread-pool round trips
// per file, 32 in flight) cost about twice the CPU of writeFileSync for the same 20,000 files,
// and parallelism buys little: consecutive articles land in the same month folder, whose
// directory lock serialises file creation anyway. Yielding keeps timers and signals alive.
const FILES_PER_TURN = 256;

// `out` is wiped first, so refuse targets whose loss would be a disaster rather than a typo:
// the filesystem root, and the working directory or any folder containing it.
function assertSafeTarget(out: string): void {
  const target = path.resolve(out);
  const rel = path.relative(target, process.cwd());
  const containsCwd = rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
  if (target === path.parse(target).root || containsCwd) {
    throw new Error(`Refusing to replace ${target}: it is the filesystem root or contains the working directory`);
  }
}

/**
 * Replaces `out` with a freshly generated corpus; resolves to the number of files and bytes written.
 */
export async function writeCorpus(options: CorpusOptions & { out: string; images?: number }): Promise<{ files: number; bytes: number }> {
  const { out, images = 0, ...corpus } = options;
  assertSafeTarget(out);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  // Articles are grouped by month, so the cache turns ~100,000 mkdir calls into ~180.
  const made = new Set<string>([path.resolve(out)]);
  let files = 0;
  let bytes = 0;
  let index = -1;
  for (const file of generateCorpus(corpus)) {
    const target = path.resolve(out, ...file.path.split("/"));
    // site.yml comes first, then the articles in order: index counts articles.
    const withImage = index >= 0 && hasCorpusImage(index, corpus.articles, images);
    const imageName = `${path.basename(target).replace(/\.md$/, "")}.jpg`;
    if (withImage) file.content = withImageField(file.content, imageName);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const data = Buffer.from(file.content, "utf8");
    writeFileSync(target, data);
    files++;
    bytes += data.length;
    if (withImage) {
      const image = await corpusImage(corpus.seed, index);
      writeFileSync(path.join(dir, imageName), image);
      files++;
      bytes += image.length;
    }
    index++;
    if (files % FILES_PER_TURN === 0) await nextTurn();
  }
  return { files, bytes };
}
