/** Escaping for the XML Gazette writes itself, as tables of cases. */
import { describe, expect, it } from "vitest";
import { cdata, xmlAttribute, xmlChars, xmlText } from "../../src/syndication/xml-text.ts";

describe("escaping", () => {
  it.each([
    ["plain", "https://x.org/a/", "https://x.org/a/"],
    ["all five", `a&b<c>"d'`, "a&amp;b&lt;c&gt;&quot;d&apos;"],
  ])("xmlText: %s", (_, text, expected) => {
    expect(xmlText(text)).toBe(expected);
  });

  it.each([
    ["plain", "Harbour budget", "Harbour budget"],
    ["ampersand", "R&D", "R&amp;D"],
    ["an entity stays text", "AT&amp;T", "AT&amp;amp;T"],
    ["angle brackets", "<b>", "&lt;b&gt;"],
    ["quotes stay in text", `say "hi" 'there'`, `say "hi" 'there'`],
    ["controls XML forbids are dropped", "a\u0001b\u000Bc\td\ne", "abc\td\ne"],
    ["non-ASCII kept", "Şahin – Göteborg ©", "Şahin – Göteborg ©"],
  ])("xmlChars: %s", (_, text, expected) => {
    expect(xmlChars(text)).toBe(expected);
  });

  it.each([
    ["plain", "sport", "sport"],
    ["ampersand and brackets", "R&D <x>", "R&amp;D &lt;x&gt;"],
    ["double quote", 'Q"A', "Q&quot;A"],
    ["single quote kept (values are double-quoted)", "it's", "it's"],
    ["query string", "https://x.org/?a=1&b=2", "https://x.org/?a=1&amp;b=2"],
  ])("xmlAttribute: %s", (_, text, expected) => {
    expect(xmlAttribute(text)).toBe(expected);
  });

  it.each([
    ["markup kept", "<p>a &amp; b</p>", "<![CDATA[<p>a &amp; b</p>]]>"],
    ["a closing sequence splits the section", "a]]>b", "<![CDATA[a]]]]><![CDATA[>b]]>"],
    ["every closing sequence", "]]>]]>", "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>"],
    ["controls dropped", "a\u0000b", "<![CDATA[ab]]>"],
  ])("cdata: %s", (_, markup, expected) => {
    expect(cdata(markup)).toBe(expected);
  });
});

