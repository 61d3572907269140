/**
 * Escaping text for the XML Gazette writes without a library: sitemaps (a flat list of URLs
 * and dates) and the Atom and RSS feeds (text, attributes, and HTML carried in CDATA).
 */

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Escapes text for XML content and attribute values.
 * @example xmlText("A & B <c>") // "A &amp; B &lt;c&gt;"
 */
export function xmlText(text: string): string {
  // A test first: most text holds nothing to escape, and a replace with a callback costs more.
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]) : text;
}

// Characters XML 1.0 does not allow anywhere, not even escaped (C0 controls but tab, LF, CR).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text as XML character data: `&`, `<` and `>` escaped, characters XML forbids dropped.
 * @example xmlChars("R&D <x>") // "R&amp;D &lt;x&gt;"
 */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>]/g, (c) => XML_ESCAPES[c]);
}

/**
 * Text as a double-quoted XML attribute value.
 * @example xmlAttribute('say "R&D"') // "say &quot;R&amp;D&quot;"
 */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);
}

/**
 * Markup carried as character data: a CDATA section, split where the text holds `]]>`.
 * @example cdata("<p>a]]>b</p>") // "<![CDATA[<p>a]]]]><![CDATA[>b</p>]]>"
 */
export function cdata(markup: string): string {
  return `<![CDATA[${markup.replace(NOT_XML, "").replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}
