import { describe, expect, it } from "vitest";
import { foldName, groupByName, nameCollisions, preferredSpelling } from "../../src/navigation/name-groups.ts";
import { nameIssues } from "../../src/navigation/name-issues.ts";
import { slugify } from "../../src/content/slugs.ts";

describe("foldName: what spellings of one name share", () => {
  it.each([
    ["Brexit", "brexit"],
    ["Élections  Européennes", "elections europeennes"],
    ["ZÜRICH", "zurich"],
    ["C++", "c++"],
  ])("%s → %s", (name, fold) => expect(foldName(name)).toBe(fold));
});

describe("preferredSpelling", () => {
  it.each([
    { counts: { brexit: 1, Brexit: 3 }, shown: "Brexit" },
    { counts: { brexit: 3, Brexit: 1 }, shown: "brexit" },
    // Ties: the spelling keeping accents, then code-point order (capitals first).
    { counts: { Zurich: 2, Zürich: 2 }, shown: "Zürich" },
    { counts: { brexit: 2, Brexit: 2, BREXIT: 2 }, shown: "BREXIT" },
    { counts: { elections: 1, Élections: 1, élections: 1 }, shown: "Élections" },
  ])("$counts → $shown", ({ counts, shown }) => {
    expect(preferredSpelling(new Map(Object.entries(counts)))).toBe(shown);
    // The order the spellings were met in does not matter.
    expect(preferredSpelling(new Map(Object.entries(counts).reverse()))).toBe(shown);
  });
});

describe("groupByName", () => {
  const items = [
    { id: 1, tags: ["Brexit", "Élections"] },
    { id: 2, tags: ["brexit"] },
    { id: 3, tags: ["Brexit", "elections"] },
    { id: 4, tags: ["Zürich"] },
    { id: 5, tags: ["ÉLECTIONS", "Élections"] },
  ];
  const groups = groupByName(items, (i) => i.tags);

  it("merges names differing in case or accents into one slug, shown in the most common spelling", () => {
    expect(groups.map((g) => [g.slug, g.name, g.items.map((i) => i.id)])).toEqual([
      ["brexit", "Brexit", [1, 2, 3]],
      ["elections", "Élections", [1, 3, 5]],
      ["zurich", "Zürich", [4]],
    ]);
  });

  it.each([
    { name: "a name without a slug is left out, the item stays in its other groups", items: [{ id: 1, tags: ["!!!", "Port"] }], groups: [["port", "Port", [1]]] },
    { name: "one item naming a group twice is in it once; each use counts for its spelling", items: [{ id: 1, tags: ["port", "Port", "Port"] }, { id: 2, tags: ["port"] }], groups: [["port", "Port", [1, 2]]] },
    { name: "names sharing a slug share a group (nameCollisions reports them)", items: [{ id: 1, tags: ["C++"] }, { id: 2, tags: ["C"] }, { id: 3, tags: ["C"] }], groups: [["c", "C", [1, 2, 3]]] },
    { name: "a tie goes to the spelling with more accents", items: [{ id: 1, tags: ["Zurich"] }, { id: 2, tags: ["Zürich"] }], groups: [["zurich", "Zürich", [1, 2]]] },
    { name: "no names, no groups", items: [{ id: 1, tags: [] as string[] }], groups: [] },
  ])("$name", ({ items: given, groups: expected }) => {
    expect(groupByName(given, (i) => i.tags).map((g) => [g.slug, g.name, g.items.map((i) => i.id)])).toEqual(expected);
  });
});

describe("nameCollisions and nameIssues", () => {
  it("reports different names that make one slug, naming every file of each, and empty slugs", () => {
    const { collisions, empty } = nameCollisions([
      { file: "a.md", names: ["C++", "Brexit"] },
      { file: "b.md", names: ["C"] },
      { file: "c.md", names: ["c", "brexit"] },
      { file: "d.md", names: ["!!!"] },
    ]);
    expect(collisions).toEqual([{ slug: "c", names: [{ spellings: ["C++"], files: ["a.md"] }, { spellings: ["C", "c"], files: ["b.md", "c.md"] }] }]);
    expect(empty).toEqual([{ file: "d.md", name: "!!!" }]);
  });

  it.each([
    {
      name: "a file using two spellings of one name and a colliding name is listed once in each",
      items: [{ file: "b.md", names: ["C", "c", "C++"] }, { file: "a.md", names: ["c"] }],
      collisions: [{ slug: "c", names: [{ spellings: ["C", "c"], files: ["a.md", "b.md"] }, { spellings: ["C++"], files: ["b.md"] }] }],
      empty: [],
    },
    {
      name: "a name listed twice by one file names the file once",
      items: [{ file: "a.md", names: ["C", "C"] }, { file: "b.md", names: ["C#"] }],
      collisions: [{ slug: "c", names: [{ spellings: ["C"], files: ["a.md"] }, { spellings: ["C#"], files: ["b.md"] }] }],
      empty: [],
    },
    {
      name: "three names on one slug, by first file",
      items: [{ file: "c.md", names: ["C"] }, { file: "a.md", names: ["C#"] }, { file: "b.md", names: ["C++"] }],
      collisions: [{ slug: "c", names: [{ spellings: ["C#"], files: ["a.md"] }, { spellings: ["C++"], files: ["b.md"] }, { spellings: ["C"], files: ["c.md"] }] }],
      empty: [],
    },
    {
      name: "every use of a name without a slug, by file then name",
      items: [{ file: "b.md", names: ["!!!", "???"] }, { file: "a.md", names: ["???", "!!!"] }],
      collisions: [],
      empty: [{ file: "a.md", name: "!!!" }, { file: "a.md", name: "???" }, { file: "b.md", name: "!!!" }, { file: "b.md", name: "???" }],
    },
    { name: "no names", items: [{ file: "a.md", names: [] }], collisions: [], empty: [] },
  ])("$name", ({ items, collisions, empty }) => {
    expect(nameCollisions(items)).toEqual({ collisions, empty });
    expect(nameCollisions([...items].reverse())).toEqual({ collisions, empty });
  });

  it("finds what a set of files per use of a name finds, over many random archives", () => {
    const spellings = ["C", "c", "C++", "C#", "Zürich", "Zurich", "zurich", "Brexit", "brexit", "!!!", "A B", "A-B", "a  b", "AT&T", "AT T"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => ({
        file: `${Math.floor(random() * 8)}-${i}.md`,
        names: Array.from({ length: Math.floor(random() * 4) }, () => spellings[Math.floor(random() * spellings.length)]),
      }));
      expect(nameCollisions(items)).toEqual(collisionsBySetPerUse(items));
    }
  });

  it("turns them into located issues naming both files", () => {
    const issues = nameIssues([
      { file: "a.md", tags: ["AT&T"], authors: ["Ann-Marie Lee"] },
      { file: "b.md", tags: ["AT T"], authors: ["Ann Marie Lee"] },
    ]);
    expect(issues.map((i) => [i.code, i.file, i.field, i.message])).toEqual([
      ["tag-slug-collision", "a.md", "tags", 'The tag "AT&T" would have the page /topics/at-t/, as would "AT T" in b.md.'],
      ["tag-slug-collision", "b.md", "tags", 'The tag "AT T" would have the page /topics/at-t/, as would "AT&T" in a.md.'],
      ["author-slug-collision", "a.md", "authors", 'The author "Ann-Marie Lee" would have the page /authors/ann-marie-lee/, as would "Ann Marie Lee" in b.md.'],
      ["author-slug-collision", "b.md", "authors", 'The author "Ann Marie Lee" would have the page /authors/ann-marie-lee/, as would "Ann-Marie Lee" in a.md.'],
    ]);
  });

  it("reports nothing when names only differ in case or accents", () => {
    expect(nameIssues([{ file: "a.md", tags: ["Élections"], authors: ["Zoë"] }, { file: "b.md", tags: ["elections"], authors: ["ZOE"] }])).toEqual([]);
  });
});

/** The straightforward form of nameCollisions (a set of spellings and files per use), the reference for its faster one. */
function collisionsBySetPerUse(items: readonly { file: string; names: readonly string[] }[]) {
  const bySlug = new Map<string, Map<string, { spellings: Set<string>; files: Set<string> }>>();
  const empty: { file: string; name: string }[] = [];
  for (const { file, names } of items) {
    for (const name of names) {
      const slug = slugify(name);
      if (!slug) {
        empty.push({ file, name });
        continue;
      }
      const folds = bySlug.get(slug) ?? bySlug.set(slug, new Map()).get(slug)!;
      const entry = folds.get(foldName(name)) ?? folds.set(foldName(name), { spellings: new Set(), files: new Set() }).get(foldName(name))!;
      entry.spellings.add(name);
      entry.files.add(file);
    }
  }
  const byFirst = (a: { spellings: string[]; files: string[] }, b: { spellings: string[]; files: string[] }) => (a.files[0] < b.files[0] ? -1 : a.files[0] > b.files[0] ? 1 : a.spellings[0] < b.spellings[0] ? -1 : 1);
  const collisions = [...bySlug]
    .filter(([, folds]) => folds.size > 1)
    .map(([slug, folds]) => ({ slug, names: [...folds.values()].map((e) => ({ spellings: [...e.spellings].sort(), files: [...e.files].sort() })).sort(byFirst) }))
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));
  empty.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.name < b.name ? -1 : 1));
  return { collisions, empty };
}
