/**
 * The one step of loading site.yml that needs the content folder: the theme's files in
 * static/ are checked (with site.yml's lines) and the favicon is looked for.
 */
import type { ContentIssue } from "../issues/content-issue.ts";
import type { SiteConfig } from "../model.ts";
import { parseYaml, type FieldPath } from "../content/yaml-source.ts";
import { resolveThemeFiles } from "./theme.ts";

/**
 * `site` with its theme's files resolved against `root` (issues pushed for missing files).
 * @example withThemeFiles(site, "content", siteYmlText, issues).theme?.favicon // { href: "/favicon.svg", type: "image/svg+xml" }
 */
export function withThemeFiles(site: SiteConfig, root: string, text: string, issues: ContentIssue[]): SiteConfig {
  let source: ReturnType<typeof parseYaml> | undefined;
  const at = (path: FieldPath) => {
    source ??= parseYaml(text);
    return { file: "site.yml", field: path.join("."), ...(source.locate(path) ?? { line: 1, column: 1 }) };
  };
  const { theme: _theme, ...rest } = site;
  const theme = resolveThemeFiles(site.theme, root, at, issues);
  return theme ? { ...rest, theme } : rest;
}
