import { describe, expect, it } from "vitest";
import { foldName, groupByName, nameCollisions, preferredSpelling } from "../../src/navigation/name-groups.ts";
import { nameIssues } from "../../src/navigation/name-issues.ts";

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
