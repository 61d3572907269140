/**
 * Plain text made safe to stand in Markdown as the same text: characters Markdown would read
 * as emphasis, code, links or the start of a block are escaped.
 */

/**
 * Escapes `text` (one paragraph of plain copy) for Markdown.
 * @example escapeMarkdown("*Not* a [link]") // "\\*Not\\* a \\[link\\]"
 * @example escapeMarkdown("1. Place")        // "1\\. Place"
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])(?=\s|$)/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, "$1\\$2");
}
