/**
 * The related articles a build keeps beside its manifest (src/build/related-cache.ts): reused
 * only for the inputs they were ranked from, and a warm build that reuses them writes what a
 * cold build writes.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { manifestPath } from "../../src/build/build-cache.ts";
import { keptRanking, readKept, relatedCacheFile } from "../../src/build/related-cache.ts";
import { relatedArticles, relatedDigest, type RelatedInput } from "../../src/navigation/related.ts";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";

const inputs: RelatedInput[] = [
  { url: "/a/", sectionId: "s", date: 3, tags: ["x"] },
  { url: "/b/", sectionId: "s", date: 2, tags: ["x", "y"] },
  { url: "/c/", sectionId: "t", date: 1, tags: ["y"] },
];

describe("readKept", () => {
  const digest = relatedDigest(inputs, "key");
  const file = (content: unknown) => {
    const path = join(tempDir("gazette-related-"), "build-1.related.json");
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
    return path;
  };
  it.each<[string, unknown, number[][] | undefined]>([
    ["the ranking of those inputs", { format: 1, digest, related: [[1], [0, 2], [1]] }, [[1], [0, 2], [1]]],
    ["another digest", { format: 1, digest: relatedDigest(inputs, "other"), related: [[1], [0, 2], [1]] }, undefined],
    ["another format", { format: 2, digest, related: [[1], [0, 2], [1]] }, undefined],
    ["fewer articles", { format: 1, digest, related: [[1], [0]] }, undefined],
    ["an index past the end", { format: 1, digest, related: [[3], [0], []] }, undefined],
    ["an article related to itself", { format: 1, digest, related: [[0], [], []] }, undefined],
    ["an index that is not a whole number", { format: 1, digest, related: [[1.5], [], []] }, undefined],
    ["a list that is not a list", { format: 1, digest, related: [1, [], []] }, undefined],
    ["no ranking", { format: 1, digest }, undefined],
    ["not JSON", "{ half a file", undefined],
    ["null", "null", undefined],
  ])("%s", (_, content, expected) => {
    expect(readKept(file(content), digest, inputs.length)).toEqual(expected);
  });

  it("no file", () => {
    expect(readKept(join(tempDir("gazette-related-"), "none.json"), digest, 3)).toBeUndefined();
  });
});

describe("keptRanking", () => {
  it("ranks and keeps the result, reuses it for the same inputs and ranks again for others", () => {
    const path = join(tempDir("gazette-related-"), "build-1.related.json");
    const told: boolean[] = [];
    const rank = keptRanking(path, "key", (reused) => told.push(reused));
    expect(rank(inputs)).toEqual(relatedArticles(inputs).related);
    const written = statSync(path).mtimeMs;
    expect(rank(inputs.map((input) => ({ ...input })))).toEqual(relatedArticles(inputs).related);
    // Reused: the file was not written again.
    expect(statSync(path).mtimeMs).toBe(written);
    const retagged = [inputs[0], { ...inputs[1], tags: ["y"] }, inputs[2]];
    expect(rank(retagged)).toEqual(relatedArticles(retagged).related);
    expect(told).toEqual([false, true, false]);
    expect(JSON.parse(readFileSync(path, "utf8")).digest).toBe(relatedDigest(retagged, "key"));
  });

  it("ranks when the file cannot be written, and says so again next time", () => {
    const path = join(tempDir("gazette-related-"), "a-file", "build-1.related.json");
    writeFileSync(join(path, ".."), "not a folder");
    const told: boolean[] = [];
    const rank = keptRanking(path, "key", (reused) => told.push(reused));
    expect(rank(inputs)).toEqual(relatedArticles(inputs).related);
    expect(rank(inputs)).toEqual(relatedArticles(inputs).related);
    expect(told).toEqual([false, false]);
  });
});

describe("a warm build with the kept ranking", () => {
  const story = (n: number, title = `Story ${n}`, tags = [`topic ${n % 3}`, `topic ${n % 4}`]) =>
    article([`title: ${title}`, `date: 2023-05-${String(n).padStart(2, "0")}T09:00:00`, `section: ${n % 2 ? "politics" : "sport"}`, `tags: [${tags.join(", ")}]`], `CITY – Story ${n}.\n`);
  const options = (content: string, out: string, cache: string | false) => ({ content, out, cache, reportDir: false as const, noSearch: true, now: "2023-06-01T00:00:00Z" });

  it.each<[string, (n: number) => string | undefined, boolean]>([
    ["a new headline keeps the ranking", (n) => (n === 4 ? story(4, "Story four, retitled") : undefined), true],
    ["new tags rank again", (n) => (n === 4 ? story(4, "Story 4", ["topic 9"]) : undefined), false],
  ])("%s, and writes what a cold build writes", async (_, edit, kept) => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 12; n++) files[`2023/story-${n}.md`] = story(n);
    const content = fixtureArchive(files);
    const out = tempOut();
    const cache = tempDir("gazette-cache-");
    await buildSite(options(content, out, cache));
    const path = relatedCacheFile(manifestPath(cache, content, out));
    const before = readFileSync(path, "utf8");
    for (let n = 1; n <= 12; n++) {
      const text = edit(n);
      if (text) writeFileSync(join(content, `2023/story-${n}.md`), text);
    }
    const warm = await buildSite(options(content, out, cache));
    expect(warm.ok).toBe(true);
    expect(warm.report.quick).not.toBe(true);
    expect(readFileSync(path, "utf8") === before).toBe(kept);
    const cold = tempOut();
    await buildSite(options(content, cold, false));
    expect(hashTree(out)).toEqual(hashTree(cold));
  });
});
