/**
 * Model-based property test of the build cache: random sequences of what happens to an
 * archive and its output folder between builds, each step followed by a warm build that must
 * equal a cold build of the same content byte for byte (every file, the marker included).
 */
import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { article, fixtureArchive, SITE_YML } from "../helpers/fixture-archive.ts";
import { hashTree } from "../helpers/run-cli.ts";

const SLOTS = 4;
const slot = fc.nat({ max: SLOTS - 1 });
type Step =
  | { kind: "edit" | "edit keeping size and mtime" | "add" | "delete" | "rename"; slot: number }
  | { kind: "draft"; slot: number; on: boolean }
  | { kind: "drafts option" }
  | { kind: "no-cache build"; drafts: boolean }
  | { kind: "delete an output file"; pick: number }
  | { kind: "site.yml" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom("edit", "edit keeping size and mtime", "add", "delete", "rename"), slot }),
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
}

/** The model: what the content folder holds, written to disk with whole-second mtimes. */
class Archive {
  stories: (Story | undefined)[] = [];
  drafts = false;
  siteRevision = 0;
  private clock = Date.parse("2024-03-01T12:00:00Z");

  constructor(readonly root: string) {
    for (let n = 0; n < SLOTS - 1; n++) this.write(n, { name: `story-${n}.md`, version: 100, extra: "", draft: n === 1 });
  }

  text(n: number, s: Story): string {
    return article(
      [`title: Story ${n}${s.extra}`, `date: 2023-01-0${n + 1}T10:00:00`, `section: ${n % 2 ? "politics" : "world/europe"}`, `draft: ${s.draft}`],
      `Body version ${s.version}.\n`,
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
        if (!s) this.write(n, { name: `story-${n}.md`, version: 100, extra: "", draft: false });
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
        // Not the marker: a folder without it is no longer known to be Gazette's, and the
        // output guard refuses it by design (that failure exists before this test's changes too).
        const files = Object.keys(hashTree(out)).filter((file) => file !== ".gazette-site.json");
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
          expect(warm.issues).toEqual([]);
          await buildSite({ content, out: cold, cache: false, drafts: model.drafts });
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
