/**
 * Model-based property test of the build cache: random sequences of what happens to an
 * archive and its output folder between builds, each step followed by a warm build that must
 * equal a cold build of the same content byte for byte (every file, the marker included).
 * Some steps change only what syndication shows (an update or correction, a new date, a body
 * with links): feeds and sitemaps are written from cached bodies and left alone when unchanged.
 */
import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { OUTPUT_MARKER } from "../../src/build/output-marker.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";

const SLOTS = 4;
const slot = fc.nat({ max: SLOTS - 1 });
type Step =
  | { kind: "edit" | "edit keeping size and mtime" | "add" | "delete" | "rename" | "add an update" | "redate" | "link in the body"; slot: number }
  | { kind: "draft"; slot: number; on: boolean }
  | { kind: "drafts option" }
  | { kind: "no-cache build"; drafts: boolean }
  | { kind: "delete an output file"; pick: number }
  | { kind: "site.yml" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom("edit", "edit keeping size and mtime", "add", "delete", "rename", "add an update", "redate", "link in the body"), slot }),
  fc.record({ kind: fc.constant("draft"), slot, on: fc.boolean() }),
  fc.record({ kind: fc.constant("drafts option") }),
  fc.record({ kind: fc.constant("no-cache build"), drafts: fc.boolean() }),
  fc.record({ kind: fc.constant("delete an output file"), pick: fc.nat() }),
  fc.record({ kind: fc.constant("site.yml") }),
) as fc.Arbitrary<Step>;

interface Story {
  name: string;
  /** Three digits: an edit that keeps the size changes only these. */
  version: number;
  extra: string;
  draft: boolean;
  /** How many notes it has (odd ones are corrections). */
  notes: number;
  /** Day of January 2023 it was published. */
  day: number;
  link: boolean;
}

/** The model: what the content folder holds, written to disk with whole-second mtimes. */
class Archive {
  stories: (Story | undefined)[] = [];
  drafts = false;
  siteRevision = 0;
  private clock = Date.parse("2024-03-01T12:00:00Z");

  constructor(readonly root: string) {
    for (let n = 0; n < SLOTS - 1; n++) this.write(n, this.fresh(n, n === 1));
  }

  fresh(n: number, draft = false): Story {
    return { name: `story-${n}.md`, version: 100, extra: "", draft, notes: 0, day: n + 1, link: false };
  }

  text(n: number, s: Story): string {
    const notes = Array.from({ length: s.notes }, (_, i) => [`  - at: 2023-01-2${i}T09:00:00`, `    kind: ${i % 2 ? "correction" : "update"}`, `    text: Note ${i} on story ${n}.`]).flat();
    return article(
      [
        `title: Story ${n}${s.extra}`,
        `date: 2023-01-${String(s.day).padStart(2, "0")}T10:00:00`,
        `section: ${n % 2 ? "politics" : "world/europe"}`,
        `draft: ${s.draft}`,
        ...(notes.length ? ["updates:", ...notes] : []),
      ],
      `Body version ${s.version}.\n${s.link ? "\nSee [story one](story-1.md) and [politics](/politics/).\n" : ""}`,
    );
  }

  // Whole seconds, so that utimes() can give a file back exactly the mtime it had.
  write(n: number, s: Story, mtime = (this.clock += 1000)): void {
    this.stories[n] = s;
    const path = join(this.root, s.name);
    writeFileSync(path, this.text(n, s));
    utimesSync(path, new Date(mtime), new Date(mtime));
  }

  apply(step: Step, out: string): void {
    const n = "slot" in step ? step.slot : 0;
    const s = this.stories[n];
    switch (step.kind) {
      case "edit":
        if (s) this.write(n, { ...s, extra: `${s.extra} again` });
        break;
      case "edit keeping size and mtime":
        if (s) this.write(n, { ...s, version: s.version === 999 ? 100 : s.version + 1 }, this.mtimeOf(s));
        break;
      case "add":
        if (!s) this.write(n, this.fresh(n));
        break;
      case "add an update":
        if (s && s.notes < 4) this.write(n, { ...s, notes: s.notes + 1 });
        break;
      case "redate":
        if (s) this.write(n, { ...s, day: s.day === 9 ? 1 : s.day + 3 });
        break;
      case "link in the body":
        if (s) this.write(n, { ...s, link: !s.link });
        break;
      case "delete":
        if (s) rmSync(join(this.root, s.name)), (this.stories[n] = undefined);
        break;
      case "rename":
        if (s) {
          const name = `moved-${n}-${this.clock}.md`;
          renameSync(join(this.root, s.name), join(this.root, name));
          this.stories[n] = { ...s, name };
        }
        break;
      case "draft":
        if (s && s.draft !== step.on) this.write(n, { ...s, draft: step.on });
        break;
      case "drafts option":
        this.drafts = !this.drafts;
        break;
      case "delete an output file": {
        // Not the marker: without it the folder is no longer recognisably Gazette's, and the
        // next build refuses it (out-not-gazette), as output-guard's tests check.
        const files = Object.keys(hashTree(out)).filter((file) => file !== OUTPUT_MARKER);
        rmSync(join(out, files[step.pick % files.length]));
        break;
      }
      case "site.yml":
        this.siteRevision++;
        writeFileSync(join(this.root, "site.yml"), SITE_YML.replace("perPage: 2", `perPage: ${2 + (this.siteRevision % 2)}`));
        break;
      case "no-cache build":
        break; // run by the test: it needs the build
    }
  }

  // Writes always set whole seconds, and a rename keeps the mtime: this gives it back exactly.
  private mtimeOf(s: Story): number {
    return statSync(join(this.root, s.name)).mtimeMs;
  }
}

it("keeps warm builds equal to cold builds after any sequence of changes", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
      const content = fixtureArchive({});
      const work = mkdtempSync(join(tmpdir(), "gazette-model-"));
      const [out, cold, cache] = [join(work, "site"), join(work, "cold"), join(work, "cache")];
      try {
        const model = new Archive(content);
        expect((await buildSite({ content, out, cache })).ok).toBe(true);
        for (const s of steps) {
          model.apply(s, out);
          if (s.kind === "no-cache build") await buildSite({ content, out, cache: false, drafts: s.drafts });
          const warm = await buildSite({ content, out, cache, drafts: model.drafts });
          // A link to a story that was deleted, renamed or is a draft is a warning: the same one cold.
          const coldBuild = await buildSite({ content, out: cold, cache: false, drafts: model.drafts });
          expect(warm.issues).toEqual(coldBuild.issues);
          expect(hashTree(out), `after ${JSON.stringify(s)}`).toEqual(hashTree(cold));
        }
      } finally {
        rmSync(content, { recursive: true, force: true });
        rmSync(work, { recursive: true, force: true });
      }
    }),
    { numRuns: 20 },
  );
}, 120_000);
