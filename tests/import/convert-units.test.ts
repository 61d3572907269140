/**
 * The pure pieces of the importers, case by case: wpautop, caption shortcodes, HTML to
 * Markdown, Markdown escaping of plain copy, headline slugs, section words, site.yml edits,
 * and the front-matter writer.
 */
import { describe, expect, it } from "vitest";
import { articleText } from "../../src/import/front-matter-writer.ts";
import { htmlToMarkdown } from "../../src/import/html-to-markdown.ts";
import { escapeMarkdown } from "../../src/import/markdown-text.ts";
import { captionsToFigures, findShortcodes } from "../../src/import/shortcodes.ts";
import { missingSections, withSections } from "../../src/import/site-file.ts";
import { headlineSlug } from "../../src/import/wire-copy.ts";
import { sectionWord } from "../../src/import/wordpress.ts";
import { wpautop } from "../../src/import/wpautop.ts";
import { appendToList } from "../../src/import/yaml-append.ts";

describe("wpautop", () => {
  it.each([
    ["One.\n\nTwo\nlines.", "<p>One.</p>\n<p>Two<br>\nlines.</p>"],
    ["<h2>Head</h2>\nText", "<h2>Head</h2>\n<p>Text</p>"],
    ["<ul>\n<li>a</li>\n\n<li>b</li>\n</ul>\nAfter", "<ul>\n<li>a</li>\n\n<li>b</li>\n</ul>\n<p>After</p>"],
    ["<pre>a\n\nb</pre>", "<pre>a\n\nb</pre>"],
    ["Text<hr>More", "<p>Text</p>\n<hr>\n<p>More</p>"],
    ["A\r\n\r\nB", "<p>A</p>\n<p>B</p>"],
    ["", ""],
  ])("%j", (input, expected) => {
    expect(wpautop(input)).toBe(expected);
  });
});

describe("shortcodes", () => {
  it.each([
    ['[caption id="a" width="300"]<img src="x.jpg" alt="X"> The pier.[/caption]', '<figure><img src="x.jpg" alt="X"><figcaption>The pier.</figcaption></figure>'],
    ['[caption id="a"]<a href="/p"><img src="x.jpg" alt="X" /></a>Boats[/caption]', '<figure><img src="x.jpg" alt="X" /><figcaption>Boats</figcaption></figure>'],
    ['[caption caption="Old style"]<img src="x.jpg">[/caption]', '<figure><img src="x.jpg"><figcaption>Old style</figcaption></figure>'],
    ["No shortcode", "No shortcode"],
  ])("captionsToFigures(%j)", (input, expected) => {
    expect(captionsToFigures(input)).toBe(expected);
  });

  it.each([
    ['Text [gallery ids="1,2"] more', ['[gallery ids="1,2"]']],
    ["[embed]https://x.org[/embed] and [audio /]", ["[embed]", "[audio /]"]],
    ["A [link](x) is not one? [1]", []],
  ])("findShortcodes(%j)", (input, found) => {
    expect(findShortcodes(input).map((s) => s.text)).toEqual(found);
  });
});

describe("htmlToMarkdown", () => {
  it.each([
    ["<h2>Vote</h2><p>It <strong>passed</strong>.</p>", "## Vote\n\nIt **passed**."],
    ["<ol><li>One</li><li>Two</li></ol>", "1. One\n2. Two"],
    ['<figure><img src="x.jpg" alt="A [b]"><figcaption>The <em>pier</em></figcaption></figure>', "![A \\[b\\]](x.jpg)\n_The _pier__"],
    ["<p>a</p><script>alert(1)</script>", "a"],
    ['<p><a href="https://x.org">site</a></p>', "[site](https://x.org)"],
  ])("%j", (input, expected) => {
    expect(htmlToMarkdown(input)).toBe(expected);
  });
});

describe("plain copy", () => {
  it.each([
    ["*Not* a [link]", "\\*Not\\* a \\[link\\]"],
    ["1. Place", "1\\. Place"],
    ["# not a heading", "\\# not a heading"],
    ["a_b <i>", "a\\_b \\<i>"],
    ["Plain text.", "Plain text."],
  ])("escapeMarkdown(%j) is %j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ["Council approves the harbour budget", "council-approves-the-harbour-budget"],
    ["Putin’s vassal invites Biden", "putins-vassal-invites-biden"],
    ["Zürich: 3.5 million for trams", "zurich-3-5-million-for-trams"],
    ["word ".repeat(30), "word-".repeat(16).slice(0, -1)],
  ])("headlineSlug(%j) is %j", (headline, slug) => {
    expect(headlineSlug(headline)).toBe(slug);
  });

  it.each([
    ["county-council", "county-council"],
    ["%c3%bcber", "uber"],
    ["2023", "c-2023"],
    ["Arts_Culture", "arts-culture"],
  ])("sectionWord(%j) is %j", (nicename, word) => {
    expect(sectionWord(nicename)).toBe(word);
  });
});

describe("site.yml and list edits", () => {
  it("adds the missing sections, parents first, and keeps comments and spacing", () => {
    const site = "title: T   # name\nsections:\n  - { id: news, title: News }   # flow item\n\n# the end\nlanguage: en\n";
    const added = missingSections([{ id: "news", title: "News" }], [{ id: "world/europe", title: "Europe" }]);
    expect(added).toEqual([{ id: "world", title: "World" }, { id: "world/europe", title: "Europe" }]);
    expect(withSections(site, added)).toBe("title: T   # name\nsections:\n  - { id: news, title: News }   # flow item\n  - id: world\n    title: World\n  - id: world/europe\n    title: Europe\n\n# the end\nlanguage: en\n");
  });

  it.each([
    ["a: 1\nlist:\n  - x\n", ["y"], "a: 1\nlist:\n  - x\n  - y\n"],
    ["a: 1\n", ["y"], "a: 1\nlist:\n  - y\n"],
    ["a: 1\nlist: [x]\n", ["y"], "a: 1\nlist: [ x, y ]\n"],
    ["list: 3\n", ["y"], undefined],
    ["a: [\n", ["y"], undefined],
  ])("appendToList(%j)", (yaml, items, expected) => {
    expect(appendToList(yaml, "list", items)).toBe(expected);
  });

  it("writes front matter in one order, leaving empty fields out and quoting what YAML needs", () => {
    const text = articleText({ title: "Vote: 19 to 12", date: "2023-02-18", section: "politics", tags: [], draft: false, authors: ["A"], aliases: ["/old/"] }, "Body.\n\n\n");
    expect(text).toBe('---\ntitle: "Vote: 19 to 12"\ndate: 2023-02-18\nsection: politics\nauthors:\n  - A\naliases:\n  - /old/\n---\nBody.\n');
  });
});
