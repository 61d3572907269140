/**
 * The Markdown renderer's hook for images: a local image the article stage resolved (handed
 * in through the render env) becomes its `<picture>`; a remote or site-relative one is left as
 * markdown-it writes it; the `"decorative"` title mark is dropped from the output.
 */
import type { MarkdownIt } from "markdown-it";
import type { ImageSettings } from "./image-settings.ts";
import { DEFAULT_IMAGE_SETTINGS } from "./image-settings.ts";
import { DECORATIVE_TITLE } from "./article-media.ts";
import { pictureMarkup } from "./picture-markup.ts";
import type { MediaImage } from "./variant-plan.ts";

/** What a render of one body knows about its images. */
export interface ImageEnv {
  /** Local images by `src` as written. */
  images?: Record<string, MediaImage>;
  settings?: ImageSettings;
  /** One plain `<img>` of the widest fallback variant (feeds: readers show it away from the site, where a srcset is not made absolute). */
  plain?: boolean;
}

/**
 * Installs the image rule on `md`; `basePath` is the path of the site's url.
 * @example installImageRule(md, ""); md.render("![A](a.jpg)", { images: { "a.jpg": image } }) // "<p><picture>…</picture></p>\n"
 */
export function installImageRule(md: MarkdownIt, basePath: string): void {
  const fallback = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, renderEnv, self) => {
    const env = renderEnv as ImageEnv | undefined;
    const token = tokens[idx];
    const src = String(token.attrGet("src") ?? "");
    const decorative = token.attrGet("title") === DECORATIVE_TITLE;
    const alt = decorative ? "" : self.renderInlineAsText(token.children ?? [], options, renderEnv);
    const image = env?.images?.[src];
    if (image) {
      const markup = pictureMarkup(image, env?.settings ?? DEFAULT_IMAGE_SETTINGS, { alt, link: (path) => basePath + path });
      return env?.plain ? markup.replace(/^.*?<img /, "<img ").replace(/ srcset="[^"]*" sizes="[^"]*"/, "").replace(/<\/picture>$/, "") : markup;
    }
    if (decorative) {
      const index = token.attrIndex("title");
      token.attrs!.splice(index, 1);
    }
    return fallback(tokens, idx, options, renderEnv, self);
  };
}
