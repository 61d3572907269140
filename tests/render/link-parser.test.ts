/**
 * The lean parser that collects links for the link check finds exactly the links the renderer
 * finds (and resolves on the page): every kind of Markdown that makes or does not make a link,
 * and every body of a generated corpus.
 */
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/corpus/corpus.ts";
import { createMarkdown } from "../../src/render/markdown.ts";
import type { TextLink } from "../../src/render/link-rule.ts";

const markdown = createMarkdown();
// The renderer's own parse with every rule on: what the page's links are made from.
const rendered = (text: string): TextLink[] => {
  const found: TextLink[] = [];
  markdown.render(text, { links: found });
  return found;
};

describe("links as the renderer finds them", () => {
  it.each([
    ["an inline link", "See [the budget](budget.md).", [{ href: "budget.md", line: 0 }]],
    ["an image", "![Map](map.png)", [{ href: "map.png", line: 0 }]],
    ["a link around an image", "[![Map](map.png)](/maps/)", [{ href: "/maps/", line: 0 }, { href: "map.png", line: 0 }]],
    ["a reference link, its definition below", "Read [the report][r].\n\n[r]: https://x.org/report", [{ href: "https://x.org/report", line: 0 }]],
    ["a collapsed reference", "Read [r][].\n\n[r]: /r/", [{ href: "/r/", line: 0 }]],
    ["a shortcut reference", "Read [r].\n\n[r]: /r/", [{ href: "/r/", line: 0 }]],
    ["an undefined reference is text", "Read [r].", []],
    ["an autolink", "Mail <https://x.org/a?b=1&c=2> now", [{ href: "https://x.org/a?b=1&c=2", line: 0 }]],
    ["an e-mail autolink", "Write to <desk@x.org>.", [{ href: "mailto:desk@x.org", line: 0 }]],
    ["a bare URL is text (linkify is off)", "Go to https://x.org/ or www.x.org", []],
    ["a code span is text", "Type `[a](b.md)` to link.", []],
    ["a fenced block is text", "```\n[a](b.md)\n```", []],
    ["an indented block is text", "    [a](b.md)", []],
    ["an escaped bracket is text", "\\[a](b.md)", []],
    ["raw HTML anchors are not Markdown links, Markdown between tags is", '<a href="/x/">x</a> and <p>[a](b.md)</p>', [{ href: "b.md", line: 0 }]],
    ["inline HTML before a link", 'A <b>bold</b> [link](/l/)', [{ href: "/l/", line: 0 }]],
    ["a refused scheme stays text", "[x](javascript:alert(1))", []],
    ["a title and angle brackets", '[a](<with space.md> "Title")', [{ href: "with%20space.md", line: 0 }]],
    ["typographic quotes around a link", '"[quoted](q.md)" -- and (c) more', [{ href: "q.md", line: 0 }]],
    ["headings, lists and quotes", "# [h](h.md)\n\n- [l](l.md)\n\n> [q](q.md)", [{ href: "h.md", line: 0 }, { href: "l.md", line: 2 }, { href: "q.md", line: 4 }]],
    ["lines within a paragraph", "One line\nthen [two](two.md)\nand ![three](3.png)", [{ href: "two.md", line: 1 }, { href: "3.png", line: 2 }]],
    ["a link split over lines, on the line of its URL", "[a\nb](ab.md)", [{ href: "ab.md", line: 1 }]],
  ])("%s", (_, text, expected) => {
    expect(markdown.links(text)).toEqual(expected);
    expect(markdown.links(text)).toEqual(rendered(text));
  });

  it("finds a link in a table cell as the renderer does", () => {
    const table = "Intro\n\n| a |\n| - |\n| [t](t.md) |";
    expect(markdown.links(table).map((l) => l.href)).toEqual(["t.md"]);
    expect(markdown.links(table)).toEqual(rendered(table));
  });
});

describe("a generated corpus", () => {
  it("gives every body the same links both ways", () => {
    let bodies = 0;
    let links = 0;
    for (const file of generateCorpus({ articles: 400, seed: 5 })) {
      if (!file.path.endsWith(".md")) continue;
      const body = file.content.replace(/^---\n[\s\S]*?\n---\n/, "");
      const found = markdown.links(body);
      expect(found).toEqual(rendered(body));
      bodies++;
      links += found.length;
    }
    expect(bodies).toBe(400);
    // The corpus links between articles and to images: the comparison is over real links.
    expect(links).toBeGreaterThan(400);
  });
});
