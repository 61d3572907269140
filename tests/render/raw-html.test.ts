/**
 * Raw HTML in bodies: what the allow-list keeps, what it removes, and what `rawHtml: escape`
 * shows instead. Each hostile input is a row; tests/build/hostile-html.test.ts builds the same
 * rows through the real build and looks at pages, feeds and JSON-LD.
 */
import { describe, expect, it } from "vitest";
import { createMarkdown, isBalanced, rebaseHeadings } from "../../src/render/markdown.ts";
import { DEFAULT_FRAME_TITLE, FRAME_SANDBOX, isAllowedUrl, sanitiseHtml, VIDEO_HOSTS } from "../../src/render/html-policy.ts";
import MarkdownIt from "markdown-it";
import { HOSTILE_BODIES, liveScriptIn } from "../helpers/hostile-html.ts";

const md = createMarkdown();
const escaping = createMarkdown("", "escape");

describe("hostile bodies are rendered without live script", () => {
  // The scanner must see the danger in the raw input, or its silence below proves nothing.
  it.each(HOSTILE_BODIES.filter(({ body, parserTrick }) => !parserTrick && /<[a-z][^>]*>/i.test(body)))("the scanner finds script in $name as written", ({ body }) => {
    expect(liveScriptIn(body).length).toBeGreaterThan(0);
  });

  it.each(HOSTILE_BODIES)("$name", ({ body }) => {
    const out = md.render(body);
    expect(liveScriptIn(out)).toEqual([]);
  });

  it.each(HOSTILE_BODIES)("$name, escaped (rawHtml: escape)", ({ body }) => {
    expect(liveScriptIn(escaping.render(body))).toEqual([]);
  });
});

describe("the allow-list keeps what a newsroom's HTML needs", () => {
  it.each([
    ["a table", "<table><caption>Votes</caption><tr><th scope=\"col\">Party</th></tr><tr><td colspan=\"2\">12</td></tr></table>", '<table><caption>Votes</caption><tr><th scope="col">Party</th></tr><tr><td colspan="2">12</td></tr></table>'],
    ["a figure", '<figure><img src="/assets/a.jpg" alt="Harbour" width="640"><figcaption>The harbour</figcaption></figure>', '<figure><img src="/assets/a.jpg" alt="Harbour" width="640"><figcaption>The harbour</figcaption></figure>'],
    ["an https image", '<img src="https://example.org/a.png" alt="A">', '<img src="https://example.org/a.png" alt="A">'],
    ["a mailto link", '<a href="mailto:desk@example.org">desk</a>', '<a href="mailto:desk@example.org">desk</a>'],
    ["a relative link", '<a href="../2023/a/">earlier</a>', '<a href="../2023/a/">earlier</a>'],
    ["details", "<details><summary>More</summary>Text</details>", "<details><summary>More</summary>Text</details>"],
    ["sup, sub and abbr", 'H<sub>2</sub>O, x<sup>2</sup>, <abbr title="European Union">EU</abbr>', 'H<sub>2</sub>O, x<sup>2</sup>, <abbr title="European Union">EU</abbr>'],
  ])("%s", (_, input, kept) => {
    expect(md.render(input)).toContain(kept);
  });

  it.each([
    ["Votes: <table><tr><td>12</td></tr></table>", "Votes: <table><tr><td>12</td></tr></table>"],
    ["See <figure><img src=\"/a.png\" alt=\"A\"></figure> here", 'See <figure><img src="/a.png" alt="A"></figure> here'],
    ["Plain <b>bold</b> text", "<p>Plain <b>bold</b> text</p>\n"],
  ])("never leaves a block inside a paragraph: %j", (input, output) => {
    expect(md.render(input)).toBe(output);
  });

  it("gives an image without alt an empty one (decoration), as HTML requires", () => {
    expect(md.render('<img src="/a.png">')).toBe('<img src="/a.png" alt="">\n');
  });

  it("keeps Markdown inside an HTML block that wraps it", () => {
    expect(md.render("<details>\n<summary>More</summary>\n\nSome *detail*.\n\n</details>")).toBe("<details>\n<summary>More</summary>\n<p>Some <em>detail</em>.</p>\n</details>");
  });
});

describe("video embeds", () => {
  const youtube = '<iframe width="640" height="360" src="https://www.youtube.com/embed/dQw4w9WgXcQ" frameborder="0" allow="autoplay; encrypted-media" allowfullscreen></iframe>';

  it("keep a listed host's player, sandboxed, lazy and titled, with straight quotes in the tag", () => {
    const out = md.render(`Watch "this":\n\n${youtube}`);
    expect(out).toContain(
      `<iframe width="640" height="360" src="https://www.youtube.com/embed/dQw4w9WgXcQ" allow="autoplay; encrypted-media" allowfullscreen sandbox="${FRAME_SANDBOX}" loading="lazy" title="${DEFAULT_FRAME_TITLE}"></iframe>`,
    );
    // The text around it is still set with typographic quotes.
    expect(out).toContain("<p>Watch “this”:</p>");
    expect(/<iframe[^>]*>/.exec(out)?.[0]).not.toMatch(/[“”‘’]/);
  });

  it.each(VIDEO_HOSTS)("keeps a frame from %s", (host) => {
    expect(md.render(`<iframe src="https://${host}/embed/x"></iframe>`)).toContain(`src="https://${host}/embed/x"`);
  });

  it.each([
    ["its own title", '<iframe src="https://player.vimeo.com/video/1" title="Council debate"></iframe>', 'title="Council debate"'],
    ["its own sandbox replaced", '<iframe src="https://player.vimeo.com/video/1" sandbox="allow-top-navigation allow-popups"></iframe>', `sandbox="${FRAME_SANDBOX}"`],
  ])("with %s", (_, input, attribute) => {
    expect(md.render(input)).toContain(attribute);
  });

  it.each([
    ["an unlisted host", '<iframe src="https://evil.example/player"></iframe>'],
    ["a look-alike host", '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>'],
    ["plain http", '<iframe src="http://www.youtube.com/embed/x"></iframe>'],
    ["a relative source", '<iframe src="/embed/x"></iframe>'],
    ["javascript:", '<iframe src="javascript:alert(1)"></iframe>'],
    ["srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ])("removes a frame from %s", (_, input) => {
    expect(md.render(input)).not.toContain("<iframe");
  });
});

describe("typography never touches the inside of a tag", () => {
  it.each([
    ['Say "hi" <abbr title="it\'s -- \'here\'">x</abbr>', '<p>Say “hi” <abbr title="it\'s -- \'here\'">x</abbr></p>\n'],
    ["<abbr title='a \"b\" -- c'>AB</abbr> \"q\" ...", '<p><abbr title="a &quot;b&quot; -- c">AB</abbr> “q” …</p>\n'],
    ['<img src="/a.png" alt="it\'s --">', '<img src="/a.png" alt="it\'s --">\n'],
  ])("%j", (input, output) => {
    expect(md.render(input)).toBe(output);
  });

  it("shows an escaped tag with its own straight quotes (rawHtml: escape)", () => {
    expect(escaping.render('<iframe width="640" src="https://www.youtube.com/embed/x"></iframe>')).toBe(
      "<p>&lt;iframe width=&quot;640&quot; src=&quot;https://www.youtube.com/embed/x&quot;&gt;&lt;/iframe&gt;</p>\n",
    );
    expect(escaping.render('Hi <b onclick="x">"there"</b>')).toBe("<p>Hi &lt;b onclick=&quot;x&quot;&gt;“there”&lt;/b&gt;</p>\n");
  });
});

describe("heading levels are rebased under the page's h1", () => {
  it.each([
    ["## A\n\n### B", ["h2", "h3"]],
    ["# A\n\n## B", ["h2", "h3"]],
    ["### A\n\n#### B", ["h2", "h3"]],
    ["## A\n\n#### B", ["h2", "h3"]],
    ["### A\n\n##### B\n\n### C", ["h2", "h3", "h2"]],
    ["###### Only", ["h2"]],
    ["# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6", ["h2", "h3", "h4", "h5", "h6", "h6"]],
    ["### A\n\n<h5>Raw</h5>", ["h2", "h3"]],
    ["<h1>Raw top</h1>\n\n## Markdown", ["h2", "h3"]],
    ["Setext\n===\n\nSub\n---", ["h2", "h3"]],
  ])("%j", (input, levels) => {
    expect([...md.render(input).matchAll(/<(h[1-6])>/g)].map((m) => m[1])).toEqual(levels);
  });

  it("closes each heading at its new level", () => {
    expect(md.render("#### A\n\n<h6>B</h6>")).toBe("<h2>A</h2>\n<h3>B</h3>\n");
  });

  it("leaves raw headings alone when raw HTML is shown as text", () => {
    expect(escaping.render("### A\n\n<h5>B</h5>")).toBe("<h2>A</h2>\n<p>&lt;h5&gt;B&lt;/h5&gt;</p>\n");
  });

  it("leaves tokens alone when the outline has no gaps", () => {
    const tokens = new MarkdownIt().parse("## A\n\n### B", {});
    rebaseHeadings(tokens, false);
    expect(tokens.filter((t) => t.type === "heading_open").map((t) => t.tag)).toEqual(["h2", "h3"]);
  });
});

describe("tables in bodies with HTML", () => {
  it("keep the scrolling box and column alignment", () => {
    const out = md.render("| Team | Won |\n|---|--:|\n| A | 3 |\n\n<sup>1</sup> Provisional.");
    expect(out).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Team, Won">');
    expect(out).toContain('<td style="text-align:right">3</td>');
  });

  it("lose any other style, class or id", () => {
    expect(md.render('<table class="x" id="main" style="color:red"><tr><td style="background:url(javascript:alert(1))">1</td></tr></table>')).toBe("<table><tr><td>1</td></tr></table>\n");
  });
});

describe("isAllowedUrl", () => {
  it.each([
    ["https://example.org/", true],
    ["http://example.org/", true],
    ["mailto:desk@example.org", true],
    ["/2023/02/18/a/", true],
    ["../2023/a.md", true],
    ["#top", true],
    ["javascript:alert(1)", false],
    ["JavaScript:alert(1)", false],
    ["java\tscript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["vbscript:msgbox(1)", false],
    ["data:text/html,<script>alert(1)</script>", false],
    ["data:image/png;base64,AAAA", false],
    ["file:///etc/passwd", false],
  ])("%j → %s", (url, allowed) => {
    expect(isAllowedUrl(url)).toBe(allowed);
  });
});

describe("sanitiseHtml", () => {
  it.each([
    ['<p onclick="x()">Hi<script>alert(1)</script></p>', "<p>Hi</p>"],
    ["<br/><hr/>", "<br><hr>"],
    ['<form action="/x"><input name="q"><button>Go</button></form>', "Go"],
    ["<style>body{display:none}</style>Text", "Text"],
    ['<object data="x.swf"></object><embed src="x.swf">', ""],
    ['<base href="https://evil.example/">', ""],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', ""],
    ['<a href="https://example.org/" target="_blank" rel="opener">x</a>', '<a href="https://example.org/">x</a>'],
  ])("%j → %j", (input, output) => {
    expect(sanitiseHtml(input)).toBe(output);
  });
});

describe("isBalanced (a piece of raw HTML sanitised on its own, or the whole body)", () => {
  it.each([
    ["<figure><img src=a.png><figcaption>A</figcaption></figure>", true],
    ['<iframe src="https://www.youtube.com/embed/x"></iframe>', true],
    ["<br/><hr>", true],
    ['<a title="a > b">x</a>', true],
    ["<details>\n<summary>More</summary>\n", false],
    ["</details>", false],
    ["<b><i>x</b></i>", false],
  ])("%j → %s", (html, balanced) => {
    expect(isBalanced(html)).toBe(balanced);
  });

  it("gives the same markup piece by piece as for the whole body", () => {
    const tags = (html: string) => html.replace(/>\s+</g, "><").trim();
    const body = 'Text <b onclick="x">bold</b>.\n\n<figure><img src="/a.png"><figcaption>A</figcaption></figure>\n\n<script>alert(1)</script>\n\nEnd.';
    const expected = '<p>Text <b>bold</b>.</p><figure><img src="/a.png" alt=""><figcaption>A</figcaption></figure><p>End.</p>';
    expect(tags(md.render(body))).toBe(expected);
    // An open <details> makes the whole body one piece.
    expect(tags(md.render(`${body}\n\n<details>\n\nMore\n\n</details>`))).toBe(`${expected}<details><p>More</p></details>`);
  });
});
