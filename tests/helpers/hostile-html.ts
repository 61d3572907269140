/**
 * Hostile Markdown bodies, one row each, and a scanner that lists whatever in a piece of HTML
 * could run script: a script element (other than a JSON-LD data block), an event-handler
 * attribute, a `javascript:`/`vbscript:`/`data:` URL, an unlisted frame, a plugin, a style
 * that loads a URL, a meta refresh or a base element.
 */
import { VIDEO_HOSTS } from "../../src/render/html-policy.ts";

/** A named hostile body. */
export interface HostileBody {
  name: string;
  body: string;
  /** Dangerous only to a parser that reads it differently (mutation XSS): no tag of it shows script as written. */
  parserTrick?: true;
}

/** Every way the issue names (and a few classics) of carrying script in a body. */
export const HOSTILE_BODIES: HostileBody[] = [
  { name: "a script block", body: "<script>alert(1)</script>\n\nText." },
  { name: "an inline script", body: "Text <script>alert(1)</script> more." },
  { name: "an external script", body: '<script src="https://evil.example/x.js"></script>' },
  { name: "an uppercase script", body: "<SCRIPT>alert(1)</SCRIPT>" },
  { name: "an image with onerror", body: '<img src="x.png" onerror="alert(1)">' },
  { name: "an unquoted handler", body: "Hi <b onmouseover=alert(1)>there</b>" },
  { name: "a link with onclick", body: '<a href="/x/" onclick="alert(1)">x</a>' },
  { name: "details with ontoggle", body: "<details open ontoggle=alert(1)><summary>s</summary>t</details>" },
  { name: "a javascript: link", body: '<a href="javascript:alert(1)">x</a>' },
  { name: "an entity-encoded javascript: link", body: '<a href="&#106;avascript:alert(1)">x</a> <a href="java&#x09;script:alert(1)">y</a>' },
  { name: "a vbscript: link", body: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: "a data: link", body: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>' },
  { name: "a Markdown javascript: link", body: "[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(1))" },
  { name: "a Markdown vbscript: link", body: "[x](vbscript:msgbox(1))" },
  { name: "a Markdown data: link", body: "[x](data:text/html;base64,PHNjcmlwdD4=)" },
  { name: "a Markdown javascript: image", body: "![x](javascript:alert(1))" },
  { name: "a Markdown reference javascript: link", body: "[x][1]\n\n[1]: javascript:alert(1)" },
  { name: "an iframe from an unlisted host", body: '<iframe src="https://evil.example/"></iframe>' },
  { name: "an iframe with srcdoc", body: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>' },
  { name: "an iframe with a javascript: source", body: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: "a style attribute with url(javascript:)", body: '<p style="background:url(javascript:alert(1))">x</p>' },
  { name: "a style element with url(javascript:)", body: "<style>body{background:url(javascript:alert(1))}</style>" },
  { name: "an svg with onload", body: '<svg onload="alert(1)"><circle r="1"/></svg>' },
  { name: "an svg with a script", body: "<svg><script>alert(1)</script></svg>" },
  { name: "a math mutation", body: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>" },
  { name: "a noscript mutation", body: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', parserTrick: true },
  { name: "an object and an embed", body: '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">' },
  { name: "a form", body: '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">Go</button></form>' },
  { name: "a meta refresh", body: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: "a base element", body: '<base href="javascript:/">' },
  { name: "an unclosed tag", body: "<img src=x onerror=alert(1)//" },
  { name: "a handler in a table cell", body: "| a |\n|---|\n| <img src=x onerror=alert(1)> |" },
  { name: "a comment hiding a script", body: "<!-- --><script>alert(1)</script><!-- -->" },
];

const TAG = /<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const FRAME_HOSTS = new Set(VIDEO_HOSTS);
// Attributes a browser reads as a URL (a meta's content is text, but for a refresh).
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "cite", "srcset", "ping"]);

/**
 * Everything in `html` that could run script, as short descriptions; an empty list is safe.
 * Only real tags count: text that shows a tag (`&lt;script&gt;`) is not one.
 * @example liveScriptIn('<p onclick="x()">') // ['p onclick']
 */
export function liveScriptIn(html: string): string[] {
  const found: string[] = [];
  for (const [, rawName, rest] of html.matchAll(TAG)) {
    const name = rawName.toLowerCase();
    const attributes = [...rest.matchAll(ATTRIBUTE)].map((m) => [m[1].toLowerCase(), decode(m[2] ?? m[3] ?? m[4] ?? "")] as const);
    const value = (key: string) => attributes.find(([k]) => k === key)?.[1];
    // Data blocks never run; the one script file the site has is the search page's own, /assets/search.HASH.js.
    const ownScript = name === "script" && /^\/(?:[^/]+\/)*assets\/search\.[0-9a-f]+\.js$/.test(value("src") ?? "");
    if (name === "script" && value("type") !== "application/ld+json" && !ownScript) found.push("script element");
    // The site's own masthead search box is a form: a GET to its search page, nothing else.
    const ownSearch = name === "form" && value("role") === "search" && /\/search\/$/.test(value("action") ?? "") && (value("method") ?? "get").toLowerCase() === "get";
    if (["object", "embed", "applet", "base", "form", "svg", "math", "style"].includes(name) && !ownSearch) found.push(`${name} element`);
    if (name === "meta" && value("http-equiv")?.toLowerCase() === "refresh") found.push("meta refresh");
    if (name === "iframe") {
      const src = value("src") ?? "";
      if (!/^https:\/\//.test(src) || !FRAME_HOSTS.has(new URL(src).hostname)) found.push(`iframe from ${src || "nowhere"}`);
    }
    for (const [key, text] of attributes) {
      if (key.startsWith("on")) found.push(`${name} ${key}`);
      if (key === "srcdoc") found.push(`${name} srcdoc`);
      if (key === "style" && /url\(|expression\(|javascript:/i.test(text)) found.push(`${name} style with ${text}`);
      const compact = text.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (!URL_ATTRIBUTES.has(key) && !(name === "meta" && key === "content" && value("http-equiv"))) continue;
      if (/^(javascript|vbscript):/.test(compact) || /url=(javascript|vbscript):/.test(compact)) found.push(`${name} ${key}=${compact.slice(0, 11)}`);
      // The site's own icon is an inline SVG image; any other data: URL is suspect.
      if (/^data:/.test(compact) && !(name === "link" && compact.startsWith("data:image/svg+xml"))) found.push(`${name} ${key}=data:`);
    }
  }
  return found;
}

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
