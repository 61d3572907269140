import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { createMarkdown, tableLabel } from "../../src/render/markdown.ts";

const md = createMarkdown();

describe("createMarkdown", () => {
  it.each([
    ["## Subhead", "<h2>Subhead</h2>\n"],
    // The headline is the page's h1: a body's # headings move down a level.
    ["# Big\n\n## Smaller", "<h2>Big</h2>\n<h3>Smaller</h3>\n"],
    ['"Quoted" -- text', "<p>“Quoted” – text</p>\n"],
    // Raw HTML passes the allow-list: scripts and handlers go, allowed tags stay.
    ["<script>alert(1)</script>", ""],
    ["Hi <b onclick=x>there</b>", "<p>Hi <b>there</b></p>\n"],
    ["[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n"],
    ["[docs](https://example.org/a?b=1&c=2)", '<p><a href="https://example.org/a?b=1&amp;c=2">docs</a></p>\n'],
    ["> A quote", "<blockquote>\n<p>A quote</p>\n</blockquote>\n"],
  ])("%j", (input, output) => {
    expect(md.render(input)).toBe(output);
  });
});

describe("tables", () => {
  it("stand in a focusable, labelled box that scrolls sideways", () => {
    expect(md.render("| Team | Won |\n|---|--:|\n| Lakeford | 3 |")).toBe(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Team, Won">\n<table>\n<thead>\n<tr>\n<th>Team</th>\n<th style="text-align:right">Won</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Lakeford</td>\n<td style="text-align:right">3</td>\n</tr>\n</tbody>\n</table>\n</div>\n',
    );
  });

  it.each([
    ["| Team | Won |\n|---|---|\n| A | 1 |", "Table: Team, Won"],
    ["| **Club** | `pts` |\n|---|---|\n| A | 1 |", "Table: Club, pts"],
    ["|   |   |\n|---|---|\n| A | 1 |", "Table"],
    ['| "Q" & <b> |\n|---|\n| x |', "Table: “Q” & <b>"],
  ])("%j is labelled %j", (markdown, label) => {
    const tokens = new MarkdownIt({ typographer: true }).parse(markdown, {});
    expect(tableLabel(tokens, tokens.findIndex((t) => t.type === "table_open"))).toBe(label);
  });

  it("escapes the label in the attribute", () => {
    expect(md.render('| a"b &lt;i> |\n|---|\n| x |')).toContain('aria-label="Table: a&quot;b &lt;i&gt;"');
  });
});

describe("site-relative links under a base path", () => {
  const prefixed = createMarkdown("/archive/");
  it.each([
    ["[budget](/2023/02/18/harbour-budget/)", '<p><a href="/archive/2023/02/18/harbour-budget/">budget</a></p>\n'],
    ["![map](/assets/map.png)", '<p><img src="/archive/assets/map.png" alt="map"></p>\n'],
    ["*[nested](/politics/)*", '<p><em><a href="/archive/politics/">nested</a></em></p>\n'],
    ["[other site](//cdn.example.org/x)", '<p><a href="//cdn.example.org/x">other site</a></p>\n'],
    ["[absolute](https://example.org/x)", '<p><a href="https://example.org/x">absolute</a></p>\n'],
    ["[relative](page/2/)", '<p><a href="page/2/">relative</a></p>\n'],
    ["[fragment](#top)", '<p><a href="#top">fragment</a></p>\n'],
  ])("%j", (input, output) => {
    expect(prefixed.render(input)).toBe(output);
  });

  it("leaves links alone for a site at the root", () => {
    expect(md.render("[a](/politics/)")).toBe('<p><a href="/politics/">a</a></p>\n');
  });
});
