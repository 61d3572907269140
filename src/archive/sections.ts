/**
 * The section tree. Sections are declared flat in site.yml with ids like `world/europe`; the
 * tree is implied by the ids, so a section's parent is everything before its last `/`.
 */
import type { Section, SectionDeclaration } from "../model.ts";
import { sectionPageUrl } from "./permalinks.ts";

/** Lowercase words of a–z, 0–9 and `-`, each starting with a letter, joined by `/`. */
export const SECTION_ID = /^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*$/;

/**
 * The parent id of a section id, if it is nested.
 * @example parentOf("world/europe") // "world"
 * @example parentOf("world")        // undefined
 */
export function parentOf(id: string): string | undefined {
  const cut = id.lastIndexOf("/");
  return cut === -1 ? undefined : id.slice(0, cut);
}

/**
 * Ids from the top-level ancestor down to `id` itself.
 * @example lineageOf("world/europe/nordics") // ["world", "world/europe", "world/europe/nordics"]
 */
export function lineageOf(id: string): string[] {
  const parts = id.split("/");
  return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

/**
 * Builds the tree from declarations that were already validated (ids unique, parents declared).
 * @example buildSectionTree([{ id: "world", title: "World" }, { id: "world/europe", title: "Europe" }]).get("world")?.children // ["world/europe"]
 */
export function buildSectionTree(declarations: readonly SectionDeclaration[]): Map<string, Section> {
  const tree = new Map<string, Section>();
  for (const { id, title } of declarations) {
    tree.set(id, { id, title, parentId: parentOf(id), lineage: lineageOf(id), children: [], url: sectionPageUrl(id) });
  }
  for (const section of tree.values()) {
    if (section.parentId) tree.get(section.parentId)?.children.push(section.id);
  }
  return tree;
}

/**
 * Top-level sections in declaration order.
 * @example topLevelSections(tree).map((s) => s.id) // ["politics", "world"]
 */
export function topLevelSections(tree: ReadonlyMap<string, Section>): Section[] {
  return [...tree.values()].filter((section) => !section.parentId);
}
