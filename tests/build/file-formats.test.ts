/**
 * Files no editor meant to write, through the real build: binary, not UTF-8, very large,
 * deeply nested. Each gives a clear located error or a correct page; none crashes or hangs.
 * (Empty files, byte-order marks, CRLF, unclosed front matter, duplicate keys, anchors and
 * aliases are covered in tests/content/front-matter.test.ts and validate-untrusted.test.ts.)
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { readPage, tempOut } from "../helpers/built-site.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";
import { liveScriptIn } from "../helpers/hostile-html.ts";

const made: string[] = [];
afterAll(() => made.forEach((path) => rmSync(path, { recursive: true, force: true })));
const front = ["title: T", "date: 2023-02-18T10:00:00", "section: politics"];
const head = `---\n${front.join("\n")}\n---\n`;

async function build(files: Record<string, string | Uint8Array>) {
  const content = fixtureArchive(files);
  const out = tempOut();
  made.push(content, dirname(out));
  const started = performance.now();
  const result = await buildSite({ content, out, cache: false });
  return { result, out, ms: performance.now() - started };
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

describe("files that are not UTF-8 text", () => {
  it.each([
    ["a binary file (a PNG named .md)", PNG, "file-unreadable", undefined],
    ["Latin-1 text", Buffer.from(`${head}Caf\u00e9 cr\u00e8me.\n`, "latin1"), "file-unreadable", undefined],
    ["UTF-16 with its byte-order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${head}Body.\n`, "utf16le")]), "file-unreadable", undefined],
    ["text with NUL bytes", `${head}Body\u0000\u0000 text.\n`, "control-character", 6],
    ["an empty file", "", "front-matter-missing", 1],
  ])("%s: a located error, nothing written", async (_, bytes, code, line) => {
    const { result } = await build({ "bad.md": bytes, "fine.md": article(front) });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.file, i.code])).toEqual([["bad.md", code]]);
    if (line) expect(result.issues[0].line).toBe(line);
  });
});

describe("very large and deeply nested bodies", () => {
  it("builds a 10 MB body into a correct page", async () => {
    const paragraph = 'The council met and "voted" -- narrowly -- on the harbour budget. '.repeat(8);
    const parts: string[] = [];
    for (let size = 0; size < 10_000_000; size += paragraph.length + 2) parts.push(paragraph);
    parts.push("The last paragraph.");
    const { result, out, ms } = await build({ "big.md": `${head}${parts.join("\n\n")}\n` });
    expect(result.ok).toBe(true);
    const page = readFileSync(join(out, "2023/02/18/big/index.html"), "utf8");
    expect(page).toContain("<p>The last paragraph.</p>");
    expect(page.match(/<p>The council met/g)?.length).toBe(parts.length - 1);
    expect(ms).toBeLessThan(60_000);
  }, 120_000);

  it.each([
    ["10,000 nested blockquotes", `${">".repeat(10_000)} Deep.\n\nAfter.`],
    ["a list nested 1,000 deep", `${Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n")}\n\nAfter.`],
    ["20,000 nested divs", `${"<div>".repeat(20_000)}Deep${"</div>".repeat(20_000)}\n\nAfter.`],
    ["20,000 unclosed inline tags", `${"<b><i>".repeat(20_000)}Deep\n\nAfter.`],
    ["100,000 emphasis markers", `${"*".repeat(100_000)}a${"*".repeat(100_000)}\n\nAfter.`],
    ["50,000 nested brackets", `${"[".repeat(50_000)}a${"](x)".repeat(50_000)}\n\nAfter.`],
  ])("builds %s quickly, without a stack overflow or live script", async (_, body) => {
    const { result, out, ms } = await build({ "deep.md": `${head}${body}\n` });
    // The brackets' links lead to `x`, which the site has not: warnings, nothing worse.
    expect(result.issues.filter((issue) => issue.code !== "link-broken")).toEqual([]);
    expect(result.ok).toBe(true);
    const page = readPage(out, "/2023/02/18/deep/");
    expect(page.querySelector("h1")?.textContent).toBe("T");
    expect(liveScriptIn(page.toString())).toEqual([]);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});
