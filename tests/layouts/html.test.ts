import { describe, expect, it } from "vitest";
import { escapeHtml, html, trusted } from "../../layouts/html.ts";

describe("html", () => {
  it.each([
    [html`<p>${"<b>&'\""}</p>`, "<p>&lt;b&gt;&amp;&#39;&quot;</p>"],
    [html`<p>${trusted("<b>ok</b>")}</p>`, "<p><b>ok</b></p>"],
    [html`<p>${html`<i>${"<x>"}</i>`}</p>`, "<p><i>&lt;x&gt;</i></p>"],
    [html`<ul>${["<a>", html`<li>b</li>`]}</ul>`, "<ul>&lt;a&gt;<li>b</li></ul>"],
    [html`${null}${undefined}${false}${0}${"x"}`, "0x"],
    [html`<a title="${'" onmouseover="x'}">`, '<a title="&quot; onmouseover=&quot;x">'],
    [html`${[[["<", trusted("<br>")], []], [null, false, 1, true]]}`, "&lt;<br>1true"],
    [html`${[]}${""}${html``}`, ""],
  ])("%#", (result, expected) => {
    expect(result.value).toBe(expected);
  });

  it("escapes text", () => expect(escapeHtml("a < b & c")).toBe("a &lt; b &amp; c"));
});
