/**
 * The search page (`/search/`): a plain GET form (query, section, year, author, order) that the
 * script in layouts/assets/search.js reads back from the address and answers with Pagefind,
 * merging every shard's index. Without JavaScript it says so and offers the archive's links.
 */
import { topLevelSections } from "../src/archive/sections.ts";
import { MANIFEST_PATH, SEARCH_PAGE_URL } from "../src/search/search-manifest.ts";
import { searchLabels } from "../src/search/search-labels.ts";
import type { SearchListing } from "../src/search/search-listing.ts";
import { searchScript } from "../src/search/search-script.ts";
import { basePage } from "./base-page.ts";
import type { RenderContext } from "./context.ts";
import { html, type Html } from "./html.ts";

/**
 * Renders /search/.
 * @example searchPage(ctx, searchListing(archive)) // "<!doctype html>…<form … action=\"/search/\"…"
 */
export function searchPage(ctx: RenderContext, page: SearchListing): string {
  const words = searchLabels(ctx.site.language);
  const sections = topLevelSections(ctx.sections);
  const select = (name: string, label: string, options: readonly (readonly [string, string])[]): Html =>
    html`<p class="search-form__field"><label for="search-${name}">${label}</label>
<select id="search-${name}" name="${name}"><option value="">${words.any}</option>${options.map(([value, text]) => html`<option value="${value}">${text}</option>`)}</select></p>`;
  const messages = { loading: words.loading, found: words.found, one: words.foundOne, none: words.none, unavailable: words.unavailable, more: words.more };
  const main = html`<h1>${words.search}</h1>
<div class="search" data-search data-base="${ctx.link("/")}" data-manifest="${ctx.link(`/${MANIFEST_PATH}`)}"${Object.entries(messages).map(([key, text]) => html` data-message-${key}="${text}"`)}>
<form class="search-form" action="${ctx.link(SEARCH_PAGE_URL)}" method="get" role="search" aria-label="${words.searchForm}">
<p class="search-form__field search-form__field--query"><label for="search-q">${words.query}</label>
<input id="search-q" type="search" name="q" autocomplete="off"></p>
${select("section", words.section, sections.map((s) => [s.id, s.title] as const))}
${select("year", words.year, page.years.map((y) => [String(y), String(y)] as const))}
${select("author", words.author, page.authors.map((a) => [a, a] as const))}
<p class="search-form__field"><label for="search-sort">${words.order}</label>
<select id="search-sort" name="sort"><option value="">${words.relevance}</option><option value="newest">${words.newest}</option></select></p>
<p class="search-form__field"><button type="submit">${words.submit}</button></p>
</form>
<noscript><p>${words.needsScript}</p>
<ul class="search__browse"><li><a href="${ctx.link("/archive/")}">${words.archive}</a></li>${sections.map((s) => html`<li><a href="${ctx.link(s.url)}">${s.title}</a></li>`)}</ul></noscript>
<p class="search__status" role="status" aria-live="polite"></p>
<ol class="search__results"></ol>
</div>
<script type="module" src="${ctx.link(searchScript().path)}"></script>`;
  return basePage(ctx, { title: words.search, url: SEARCH_PAGE_URL, main });
}
