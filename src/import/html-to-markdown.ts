/**
 * HTML post content to Markdown with turndown: ATX headings, `-` lists, fenced code, and
 * figures as an image followed by its caption in italics.
 */
import TurndownService from "turndown";

let service: TurndownService | undefined;

function converter(): TurndownService {
  if (service) return service;
  const td = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "_", hr: "---" });
  td.remove(["script", "style", "iframe", "object", "embed", "form"]);
  td.addRule("figure", {
    filter: "figure",
    replacement(_content, node) {
      const element = node as HTMLElement;
      const img = element.querySelector("img");
      const caption = element.querySelector("figcaption");
      const image = img ? `![${escapeAlt(img.getAttribute("alt") ?? "")}](${img.getAttribute("src") ?? ""})` : "";
      const text = caption ? td.turndown(caption.innerHTML).replace(/\s*\n+\s*/g, " ").trim() : "";
      return `\n\n${[image, text && `_${text}_`].filter(Boolean).join("\n")}\n\n`;
    },
  });
  // "- item" rather than turndown's "-   item"; continuation lines indented to the marker's width.
  td.addRule("listItem", {
    filter: "li",
    replacement(content, node, options) {
      const parent = node.parentNode as HTMLElement | null;
      let prefix = `${options.bulletListMarker} `;
      if (parent?.nodeName === "OL") {
        const start = Number(parent.getAttribute("start") ?? 1);
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content.replace(/^\n+/, "").replace(/\n+$/, "\n").replace(/\n/gm, `\n${" ".repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !/\n$/.test(body) ? "\n" : "");
    },
  });
  service = td;
  return td;
}

/**
 * Converts HTML to Markdown.
 * @example htmlToMarkdown("<h2>Vote</h2><p>It <strong>passed</strong>.</p>") // "## Vote\n\nIt **passed**."
 */
export function htmlToMarkdown(html: string): string {
  if (!html.trim()) return "";
  return converter().turndown(html).replace(/\n{3,}/g, "\n\n").trim();
}

function escapeAlt(alt: string): string {
  return alt.replace(/[[\]\\]/g, (c) => `\\${c}`);
}
