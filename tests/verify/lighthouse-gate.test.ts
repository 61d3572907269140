import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLighthouse, LIGHTHOUSE_THRESHOLDS, type LighthouseResult } from "../../verify/lighthouse-gate.ts";
import { serveFolder } from "../../verify/serve-folder.ts";
import { tempDir } from "./fixture.ts";

// Lighthouse is slow (10–20 s a run), so this file makes one run, on a deliberately bad page:
// no language, no title, no description, no viewport, an image without alt and links too small
// to tap. That the real pages score 100 is checked by tests/verify/site-gates.test.ts.
const BAD_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"></head>
<body>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">
<p style="font-size: 6px"><a href="/a">a</a> <a href="/b">b</a> <a href="/c">c</a> <a href="/d">d</a> <a href="/e">e</a></p>
</body></html>
`;

let work: string;
let result: LighthouseResult;

beforeAll(async () => {
  work = await tempDir();
  await mkdir(join(work, "site"));
  await writeFile(join(work, "site", "index.html"), BAD_PAGE);
  const server = await serveFolder(join(work, "site"));
  try {
    // Performance does not matter here; a threshold of 0 spares the extra runs a miss would cost.
    result = await checkLighthouse(server.at, [{ kind: "bad", url: "/", lighthouse: true }], { ...LIGHTHOUSE_THRESHOLDS, performance: 0 });
  } finally {
    await server.close();
  }
}, 180_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe("the Lighthouse gate", () => {
  it("prints the scores of a bad page", () => {
    expect(result.scores).toHaveLength(1);
    expect(result.notes).toContainEqual(expect.stringMatching(/^bad \/: performance \d+, accessibility \d+, best-practices \d+, seo \d+$/));
  });

  it.each([
    ["accessibility", ["document-title", "html-has-lang", "image-alt"]],
    ["seo", ["document-title", "meta-description"]],
  ] as const)("fails it on %s, naming the audits that failed", (category, audits) => {
    const failure = result.failures.find((f) => f.category === category);
    expect(failure?.score).toBeLessThan(100);
    expect(failure?.audits).toEqual(expect.arrayContaining([...audits]));
    expect(failure?.message).toMatch(new RegExp(`^${category} \\d+ < 100`));
  });
});
