/**
 * WordPress's automatic paragraphs (`wpautop`), as WordPress applies them when it shows a
 * post: blank lines separate paragraphs and a single line break is a `<br>`, except around
 * and inside block-level elements, and inside `<pre>`.
 */

const BLOCK = "address|article|aside|blockquote|caption|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul";
const BLOCK_TAG = new RegExp(`<(\\/?)(${BLOCK})(?:\\s[^>]*)?>`, "gi");
const VOID = /^hr$/i;

/**
 * Wraps the loose text of post content in paragraphs the way WordPress does: text between
 * top-level block elements is split at blank lines; the block elements are kept as written.
 * @example wpautop("One.\n\nTwo\nlines.") // "<p>One.</p>\n<p>Two<br>\nlines.</p>"
 * @example wpautop("<h2>Head</h2>\nText")  // "<h2>Head</h2>\n<p>Text</p>"
 */
export function wpautop(content: string): string {
  const text = content.replace(/\r\n?/g, "\n");
  const out: string[] = [];
  let depth = 0;
  let blockStart = 0;
  let looseStart = 0;
  for (const match of text.matchAll(BLOCK_TAG)) {
    const closing = match[1] === "/";
    const selfContained = VOID.test(match[2]) || match[0].endsWith("/>");
    if (depth === 0 && !closing) {
      out.push(...paragraphs(text.slice(looseStart, match.index)));
      blockStart = match.index;
    }
    if (selfContained && depth === 0) {
      out.push(match[0]);
      looseStart = match.index + match[0].length;
      continue;
    }
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth === 0 && closing) {
      out.push(text.slice(blockStart, match.index + match[0].length).trim());
      looseStart = match.index + match[0].length;
    }
  }
  out.push(...(depth === 0 ? paragraphs(text.slice(looseStart)) : [text.slice(blockStart).trim()]));
  return out.filter(Boolean).join("\n");
}

function paragraphs(loose: string): string[] {
  return loose
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`);
}
