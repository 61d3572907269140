// The search page's script (see layouts/search-page.ts). It reads the form's values from the
// address (so the masthead's plain form works), loads the merge manifest, opens the newest
// shard's Pagefind bundle as the primary index and merges every other shard into it
// (mergeIndex), then lists the results. "Newest first" reads the shards one by one instead,
// newest shard first: shards cover disjoint spans of time, so their date-sorted results
// concatenate into one date order, which a merged search (ordered by score) would not keep.
const root = document.querySelector("[data-search]");
const form = root.querySelector("form");
const status = root.querySelector(".search__status");
const list = root.querySelector(".search__results");
const base = root.dataset.base;
const PAGE = 10;
const message = (key, values = {}) => root.dataset[`message${key[0].toUpperCase()}${key.slice(1)}`].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
const bundleUrl = (shard) => `${base}${shard.bundle.replace(/^\//, "")}`;

const params = new URLSearchParams(location.search);
for (const name of ["q", "section", "year", "author", "sort"]) {
  const field = form.elements.namedItem(name);
  const value = params.get(name);
  if (field && value !== null) field.value = value;
}
// A value the page does not offer (an old link) leaves its select on "All".
for (const select of form.querySelectorAll("select")) if (select.selectedIndex < 0) select.selectedIndex = 0;

let manifest;
async function loadManifest() {
  if (manifest) return manifest;
  const response = await fetch(root.dataset.manifest);
  if (!response.ok) throw new Error("no search index");
  manifest = await response.json();
  return manifest;
}

let merged;
async function mergedIndex(shards) {
  if (merged) return merged;
  merged = await import(`${bundleUrl(shards[0])}pagefind.js`);
  await merged.options({ baseUrl: base, excerptLength: 24 });
  for (const shard of shards.slice(1)) await merged.mergeIndex(bundleUrl(shard), { baseUrl: base });
  return merged;
}

async function searchByDate(shards, term, filters) {
  const module = await mergedIndex(shards);
  const results = [];
  for (const shard of shards) {
    const instance = module.createInstance({ basePath: bundleUrl(shard) });
    await instance.options({ baseUrl: base, excerptLength: 24 });
    const found = await instance.search(term, { filters, sort: { date: "desc" } });
    results.push(...found.results);
  }
  return results;
}

function excerptNodes(excerpt) {
  // Only text and Pagefind's <mark>s are kept: nothing from the index becomes markup.
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body.firstChild;
  const nodes = [];
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent));
  }
  return nodes;
}

async function show(results, from) {
  const page = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
  for (const data of page) {
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h2");
    heading.className = "search-result__headline";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title;
    heading.append(link);
    const excerpt = document.createElement("p");
    excerpt.className = "search-result__excerpt";
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(heading, excerpt);
    list.append(item);
  }
  root.querySelector(".search__more")?.remove();
  if (from + PAGE < results.length) {
    const more = document.createElement("button");
    more.type = "button";
    more.className = "search__more";
    more.textContent = message("more");
    more.addEventListener("click", () => {
      const next = list.children.length;
      show(results, next).then(() => list.children[next]?.querySelector("a")?.focus());
    });
    list.after(more);
  }
}

async function run() {
  const term = (params.get("q") ?? "").trim();
  const filters = {};
  for (const name of ["section", "year", "author"]) if (form.elements.namedItem(name).value) filters[name] = form.elements.namedItem(name).value;
  if (!term && Object.keys(filters).length === 0) return;
  status.textContent = message("loading");
  let shards;
  try {
    shards = (await loadManifest()).shards;
  } catch {
    status.textContent = message("unavailable");
    return;
  }
  const query = term || null;
  const results = shards.length === 0 ? [] : params.get("sort") === "newest" ? await searchByDate(shards, query, filters) : (await (await mergedIndex(shards)).search(query, { filters })).results;
  list.replaceChildren();
  status.textContent = results.length === 0 ? message("none", { query: term }) : results.length === 1 ? message("one") : message("found", { count: results.length });
  await show(results, 0);
  root.dataset.ready = "true";
}

run().catch((error) => {
  status.textContent = message("unavailable");
  console.error(error);
});
