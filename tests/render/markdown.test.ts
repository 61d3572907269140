import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/render/markdown.ts";

const md = createMarkdown();

describe("createMarkdown", () => {
  it.each([
    ["## Subhead", "<h2>Subhead</h2>\n"],
    // The headline is the page's h1: a body's # headings move down a level.
    ["# Big\n\n## Smaller", "<h2>Big</h2>\n<h3>Smaller</h3>\n"],
    ['"Quoted" -- text', "<p>“Quoted” – text</p>\n"],
    // Raw HTML is shown as text, never passed through.
    ["<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"],
    ["Hi <b onclick=x>there</b>", "<p>Hi &lt;b onclick=x&gt;there&lt;/b&gt;</p>\n"],
    ["[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n"],
    ["[docs](https://example.org/a?b=1&c=2)", '<p><a href="https://example.org/a?b=1&amp;c=2">docs</a></p>\n'],
    ["> A quote", "<blockquote>\n<p>A quote</p>\n</blockquote>\n"],
  ])("%j", (input, output) => {
    expect(md.render(input)).toBe(output);
  });
});
