/**
 * Escaping text for XML written without a library (sitemaps: a flat list of URLs and dates).
 */

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Escapes text for XML content and attribute values.
 * @example xmlText("A & B <c>") // "A &amp; B &lt;c&gt;"
 */
export function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}
