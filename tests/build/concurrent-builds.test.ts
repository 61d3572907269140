/**
 * Two builds in one process (the programmatic API) share no state: each Eleventy instance
 * renders the site handed to it, never another build's.
 */
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { readPage, tempOut, text } from "../helpers/built-site.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";

const temporary: string[] = [];
afterAll(() => temporary.forEach((path) => rmSync(path, { recursive: true, force: true })));

function archive(title: string, headline: string, stories: number): string {
  const files: Record<string, string> = { "site.yml": SITE_YML.replace("The Test Tribune", title) };
  for (let n = 1; n <= stories; n++) files[`s${n}.md`] = article([`title: ${headline} ${n}`, `date: 2023-02-${String(n).padStart(2, "0")}T10:00:00`, "section: politics"]);
  const content = fixtureArchive(files);
  temporary.push(content);
  return content;
}

it("gives two concurrent builds of two archives each its own front page", async () => {
  const [tribune, herald] = [archive("The Tribune", "Tribune story", 3), archive("The Herald", "Herald story", 5)];
  const [outA, outB] = [tempOut(), tempOut()];
  temporary.push(dirname(outA), dirname(outB));
  const results = await Promise.all([buildSite({ content: tribune, out: outA, cache: false }), buildSite({ content: herald, out: outB, cache: false })]);
  expect(results.map((r) => r.ok)).toEqual([true, true]);

  const [front, other] = [readPage(outA, "/"), readPage(outB, "/")];
  expect(text(front.querySelector("title"))).toContain("The Tribune");
  expect(text(other.querySelector("title"))).toContain("The Herald");
  expect(text(front.querySelector("main"))).toContain("Tribune story 3");
  expect(text(front.querySelector("main"))).not.toContain("Herald");
  expect(text(other.querySelector("main"))).toContain("Herald story 5");
  expect(text(other.querySelector("main"))).not.toContain("Tribune");
});
