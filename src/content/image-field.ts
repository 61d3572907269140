/**
 * Reading an image mapping (`{ src, alt, caption, credit }`) from front matter or site.yml.
 * Shared by articles and the site so that both report the same codes at the same lines.
 */
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { ArticleImage } from "../model.ts";
import type { FieldPath } from "./yaml-source.ts";

/** Where a field is, for messages. */
export type FieldLocator = (path: FieldPath) => { file: string; field: string; line: number; column: number };

/**
 * True when `src` is a site-relative path (`/media/a.jpg`) or an absolute http(s) URL.
 * @example isImageSource("/media/a.jpg") // true
 * @example isImageSource("javascript:alert(1)") // false
 */
export function isImageSource(src: string): boolean {
  if (src.startsWith("/") && !src.startsWith("//")) return !/[\s<>"]/.test(src);
  try {
    const url = new URL(src);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * True when `src` is a path relative to the article's file (no scheme, not site-relative).
 * @example isRelativeImage("photos/harbour.jpg") // true
 * @example isRelativeImage("javascript:alert(1)") // false
 */
export function isRelativeImage(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith("/") && !/[\s<>"\\]/.test(src);
}

/**
 * Reads the image at `path` of `value`; undefined when absent or invalid (issues are pushed).
 * @example readImage({ src: "/a.jpg", alt: "A" }, ["image"], at, issues) // { src: "/a.jpg", alt: "A" }
 */
export function readImage(value: unknown, path: FieldPath, at: FieldLocator, issues: ContentIssue[], allowRelative = false): ArticleImage | undefined {
  if (value === undefined || value === null) return undefined;
  const name = path.join(".");
  if (typeof value !== "object" || Array.isArray(value)) {
    issues.push(contentIssue("image-invalid", at(path), `${name} must be a mapping with src and alt.`));
    return undefined;
  }
  const fields = value as Record<string, unknown>;
  let ok = true;
  const src = typeof fields.src === "string" ? fields.src.trim() : "";
  // An article's image may also sit beside it (`photo.jpg`): src/media/ resolves and processes it.
  if (!src || !(isImageSource(src) || (allowRelative && isRelativeImage(src)))) {
    issues.push(contentIssue("image-invalid", at([...path, "src"]), src ? `${name}.src "${src}" is neither a site-relative path nor an http(s) URL.` : `${name} has no src.`));
    ok = false;
  }
  const alt = typeof fields.alt === "string" ? fields.alt.trim() : "";
  if (!alt) {
    issues.push(contentIssue("image-alt-missing", at(fields.alt === undefined ? path : [...path, "alt"]), `${name} has no alt text.`));
    ok = false;
  }
  const optional: Partial<Record<"caption" | "credit", string>> = {};
  for (const key of ["caption", "credit"] as const) {
    const text = fields[key];
    if (text === undefined || text === null) continue;
    if (typeof text === "string" && text.trim()) optional[key] = text.trim();
    else {
      issues.push(contentIssue("image-invalid", at([...path, key]), `${name}.${key} must be text.`));
      ok = false;
    }
  }
  return ok ? { src, alt, ...optional } : undefined;
}
