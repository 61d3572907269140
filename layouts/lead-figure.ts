/**
 * The lead image at the top of an article (a `<figure>`: the picture, then the caption and
 * the credit), and its small form on teasers. Only local images (processed into variants)
 * are shown; a remote `image.src` is used for previews alone.
 */
import type { ArticleImage } from "../src/model.ts";
import { DEFAULT_IMAGE_SETTINGS } from "../src/media/image-settings.ts";
import { pictureMarkup } from "../src/media/picture-markup.ts";
import type { RenderContext } from "./context.ts";
import { html, trusted, type Html } from "./html.ts";

/**
 * The lead figure, loaded at once (it is the largest thing above the fold), or nothing.
 * @example leadFigure(ctx, article.image) // <figure class="story__figure"><picture>…</picture><figcaption>…</figcaption></figure>
 */
export function leadFigure(ctx: RenderContext, image: ArticleImage | undefined): Html | "" {
  if (!image?.local) return "";
  const picture = pictureMarkup(image.local, ctx.site.images ?? DEFAULT_IMAGE_SETTINGS, { alt: image.alt, link: ctx.link, lazy: false });
  const caption = image.caption || image.credit
    ? html`<figcaption>${image.caption ? html`<span class="story__caption">${image.caption}</span>` : ""}${image.caption && image.credit ? " " : ""}${image.credit ? html`<span class="story__credit">${image.credit}</span>` : ""}</figcaption>`
    : "";
  return html`<figure class="story__figure">${trusted(picture)}${caption}</figure>`;
}

/**
 * A teaser's small image (lazy; the browser picks the narrowest variant), or nothing.
 * @example teaserImage(ctx, article.image) // <picture>…<img class="teaser__image" …></picture>
 */
export function teaserImage(ctx: RenderContext, image: ArticleImage | undefined): Html | "" {
  if (!image?.local) return "";
  return trusted(pictureMarkup(image.local, ctx.site.images ?? DEFAULT_IMAGE_SETTINGS, { alt: image.alt, link: ctx.link, sizes: "8rem", className: "teaser__image" }));
}
