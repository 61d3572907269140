/**
 * The `html` tagged template every layout is written with. Interpolated values are escaped
 * unless they are already Html (the result of another `html` template or of `trusted`), so
 * untrusted text from front matter can never become markup by accident.
 */

/** Markup that is safe to insert as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Anything a layout may interpolate. */
export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for use in HTML content and quoted attribute values.
 * @example escapeHtml(`<a href="x">`) // "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  // Most values (URLs, headlines, dates) hold nothing to escape: a test is several times
  // cheaper than a replace with a callback, and a page interpolates hundreds of them.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

const SPECIAL = /[&<>"']/;

// Text comes first because most values are text; an array is joined by a loop because a
// listing page interpolates hundreds of them and map-then-join made an array for each.
function interpolate(value: Interpolation): string {
  if (typeof value === "string") return escapeHtml(value);
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) {
    let out = "";
    for (let i = 0; i < value.length; i++) out += interpolate(value[i]);
    return out;
  }
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/**
 * Builds escaped markup. `false`, `null` and `undefined` render as nothing; arrays are joined.
 * @example html`<h1>${"A & B"}</h1>`.value // "<h1>A &amp; B</h1>"
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += interpolate(values[i]) + strings[i + 1];
  return new Html(out);
}

/**
 * Marks markup produced by a trusted renderer (the Markdown renderer, with raw HTML off).
 * @example trusted("<p>Hi</p>")
 */
export function trusted(markup: string): Html {
  return new Html(markup);
}
