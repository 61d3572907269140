/**
 * Grouping names (tags, authors) into one page each. Names that differ only in case, accents
 * or spacing are the same name and share a page, shown in their most common spelling; two
 * names that differ otherwise but still make the same slug ("C++" and "C") are a collision,
 * reported by {@link nameCollisions} naming both files. Pure.
 */
import { slugify } from "../content/slugs.ts";

/**
 * The form two spellings of one name share: accents stripped, lowercase, spaces folded.
 * @example foldName("Élections  Européennes") // "elections europeennes"
 */
export function foldName(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Marks kept by a spelling (its decomposed form is longer than its bare letters). */
const markCount = (name: string) => name.normalize("NFKD").length - name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").length;

/**
 * The spelling a group is shown in: the one most articles use; on a tie the one that keeps
 * more accents (Zürich over Zurich), then the first in code-point order (Brexit over brexit).
 * @example preferredSpelling(new Map([["brexit", 1], ["Brexit", 1]])) // "Brexit"
 */
export function preferredSpelling(counts: Iterable<readonly [spelling: string, uses: number]>): string {
  return [...counts].sort(([a, na], [b, nb]) => nb - na || markCount(b) - markCount(a) || (a < b ? -1 : a > b ? 1 : 0))[0][0];
}

/** One name's page: its slug, its shown spelling and its items in the order given. */
export interface NameGroup<T> {
  slug: string;
  name: string;
  items: T[];
}

/**
 * Groups items by the names each carries (an item with two names is in both groups), by
 * slug; groups sorted by name (case- and accent-insensitively, then by slug), items kept in
 * the order given. Names with an empty slug are left out (the index reports them).
 * @example groupByName([a, b], (x) => x.tags).map((g) => g.name) // ["Brexit", "Élections"]
 */
export function groupByName<T>(items: readonly T[], namesOf: (item: T) => readonly string[]): NameGroup<T>[] {
  const groups = new Map<string, { items: T[]; spellings: Spelling[] }>();
  // Hundreds of thousands of uses of a few thousand names: each name is slugged and found its
  // group once, and a use is one lookup and a count. null: a name with an empty slug.
  const byName = new Map<string, { spelling: Spelling; items: T[] } | null>();
  for (const item of items) {
    for (const name of namesOf(item)) {
      let known = byName.get(name);
      if (known === undefined) {
        known = null;
        const slug = slugify(name);
        if (slug) {
          let group = groups.get(slug);
          if (!group) groups.set(slug, (group = { items: [], spellings: [] }));
          known = { spelling: { name, uses: 0 }, items: group.items };
          group.spellings.push(known.spelling);
        }
        byName.set(name, known);
      }
      if (!known) continue;
      // A name listed twice by one item (in two spellings) still counts the item once.
      if (known.items[known.items.length - 1] !== item) known.items.push(item);
      known.spelling.uses++;
    }
  }
  const result = [...groups].map(([slug, g]) => ({ slug, name: preferredSpelling(g.spellings.map((s) => [s.name, s.uses] as const)), items: g.items }));
  const key = (g: NameGroup<T>) => foldName(g.name);
  return result.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** One spelling of a group's name and how many times items use it. */
interface Spelling {
  name: string;
  uses: number;
}

/** Two or more different names that make one slug, and the files using each. */
export interface NameCollision {
  slug: string;
  /** One entry per different name (by {@link foldName}), by first file; each with its spellings and files, sorted. */
  names: { spellings: string[]; files: string[] }[];
}

/**
 * Finds different names that would share a slug, and names that make no slug at all.
 * @example nameCollisions([{ file: "a.md", names: ["C++"] }, { file: "b.md", names: ["C"] }]).collisions[0].slug // "c"
 */
export function nameCollisions(items: readonly { file: string; names: readonly string[] }[]): { collisions: NameCollision[]; empty: { file: string; name: string }[] } {
  // A few thousand names over hundreds of thousands of uses: the uses are only gathered by
  // name, each name is slugged and folded once, and only the files of colliding names are
  // made into sets (a set per use cost half a second at 100,000 articles).
  const uses = new Map<string, string[]>();
  for (const { file, names } of items) {
    for (const name of names) {
      const files = uses.get(name);
      if (files) files.push(file);
      else uses.set(name, [file]);
    }
  }
  const bySlug = new Map<string, Map<string, string[]>>();
  const empty: { file: string; name: string }[] = [];
  for (const [name, files] of uses) {
    const slug = slugify(name);
    if (!slug) {
      for (const file of files) empty.push({ file, name });
      continue;
    }
    let folds = bySlug.get(slug);
    if (!folds) bySlug.set(slug, (folds = new Map()));
    const fold = foldName(name);
    const spellings = folds.get(fold);
    if (spellings) spellings.push(name);
    else folds.set(fold, [name]);
  }
  const collisions: NameCollision[] = [];
  for (const [slug, folds] of bySlug) {
    if (folds.size < 2) continue;
    const names = [...folds.values()]
      .map((spellings) => ({ spellings: [...spellings].sort(), files: [...new Set(spellings.flatMap((name) => uses.get(name)!))].sort() }))
      .sort((a, b) => (a.files[0] < b.files[0] ? -1 : a.files[0] > b.files[0] ? 1 : a.spellings[0] < b.spellings[0] ? -1 : 1));
    collisions.push({ slug, names });
  }
  collisions.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  empty.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.name < b.name ? -1 : 1));
  return { collisions, empty };
}
