/**
 * A page of the corrections listing: every correction across the archive, newest first, with
 * its time, its text and a link to the corrected article's note.
 */
import type { Page } from "../src/archive/pagination.ts";
import type { UpdateNote } from "../src/archive/update-notes.ts";
import { formatDateTime } from "../src/render/format-dates.ts";
import { collectionPageLd } from "../src/syndication/json-ld.ts";
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html, trusted } from "./html.ts";
import { pager, timeElement } from "./partials.ts";

/**
 * Renders one page of /corrections/.
 * @example correctionsPage(ctx, page) // "<!doctype html>…<h1>Corrections</h1>…"
 */
export function correctionsPage(ctx: RenderContext, page: Page<UpdateNote>): string {
  const { labels } = ctx;
  const title = page.number > 1 ? `${labels.corrections}, ${labels.pageOf(page.number, page.total)}` : labels.corrections;
  const ld = { site: ctx.site, sections: ctx.sections, absolute: ctx.absolute, homeName: labels.home };
  const items = page.items.map(
    (note) => html`<li class="correction">
<h2 class="correction__headline"><a href="${ctx.link(note.article.url)}#${note.anchor}">${note.article.title}</a></h2>
<p class="correction__time">${timeElement(note.update.at, formatDateTime(note.update.at, ctx.site.language))}</p>
<div class="correction__text">${trusted(ctx.markdown.render(note.update.text))}</div>
</li>`,
  );
  const main = html`<header class="section-header">
<h1>${page.number > 1 ? `${labels.corrections} · ${labels.pageOf(page.number, page.total)}` : labels.corrections}</h1>
<p>${labels.correctionsIntro}</p>
</header>
${items.length ? html`<ol class="corrections">${items}</ol>` : html`<p class="empty">${labels.noCorrections}</p>`}
${pager(ctx, page)}`;
  return basePage(ctx, { title, description: labels.correctionsIntro, url: page.url, head: { jsonLd: [collectionPageLd(ld, title, page.url)] }, main });
}
