/**
 * The masthead's search box: a plain GET form to /search/, so it works before (and without)
 * any script; the search page reads `?q=` from its address.
 */
import { SEARCH_PAGE_URL } from "../src/search/search-manifest.ts";
import { searchLabels } from "../src/search/search-labels.ts";
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";

/**
 * The masthead's search form.
 * @example searchBox(ctx).value // '<form class="masthead__search" action="/search/" …'
 */
export function searchBox(ctx: RenderContext): Html {
  const words = searchLabels(ctx.site.language);
  return html`<form class="masthead__search" action="${ctx.link(SEARCH_PAGE_URL)}" method="get" role="search" aria-label="${words.search}">
<label for="masthead-q">${words.searchArchive}</label>
<input id="masthead-q" type="search" name="q">
<button type="submit">${words.submit}</button>
</form>`;
}
