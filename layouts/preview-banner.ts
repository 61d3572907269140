/**
 * The banner of a preview page (`--preview`): the article is not published, and says why.
 */
import { formatDateTime } from "../src/render/format-dates.ts";
import type { Article } from "../src/model.ts";
import { publishAt } from "../src/publishing/publishing-state.ts";
import { publishingLabels } from "../src/publishing/publishing-labels.ts";
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";
import { DateTime } from "luxon";

/**
 * The "Not published" banner above an unpublished article in a preview.
 * @example previewBanner(ctx, article, "embargoed") // <aside class="preview-banner" …>Not published …
 */
export function previewBanner(ctx: RenderContext, article: Article, state: "draft" | "embargoed"): Html {
  const labels = publishingLabels(ctx.site.language);
  const at = DateTime.fromMillis(publishAt({ draft: article.draft, date: article.date.toMillis(), embargo: article.embargo?.toMillis() }), { zone: article.date.zone });
  return html`<aside class="preview-banner" aria-label="${labels.notPublished}">
<p><strong>${labels.notPublished}.</strong> ${labels.previewNote(state, formatDateTime(at, ctx.site.language))}</p>
</aside>
`;
}
