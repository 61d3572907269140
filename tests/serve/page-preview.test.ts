/**
 * The dev server's preview of an edited article: rendered in memory against the last build's
 * index, it is the very page the warm build after the edit writes, whenever the edit leaves
 * what the page shows of other articles as it was; errors, new files and unpublished edits
 * are left to the build.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { createPreviewer, servedPath, type PreviewBase } from "../../src/serve/page-preview.ts";
import { article } from "../helpers/fixture-archive.ts";
import { retainedBuild } from "../helpers/retained-build.ts";

const story = (n: number, extra: string[] = [], body?: string) =>
  article([`title: Story ${n}`, `date: 2023-01-${String(n).padStart(2, "0")}T10:00:00`, "section: politics", "tags: [harbour]", ...extra], body);

type Edit = [name: string, text: string];

// Each edit keeps story 3's date, section and tags: its neighbours and related stories stay.
const edits: Edit[] = [
  ["an edited body", story(3, [], "PORT – The harbour board met again.\n\n## What was decided\n\nA new pier. (cd)\n")],
  ["an edited headline", story(3).replace("Story 3", "Story three, retold")],
  ["a new update", story(3, ["updates:", "  - at: 2023-01-04T09:00:00", "    text: A later note."])],
  ["a correction", story(3, ["updates:", "  - at: 2023-01-04T09:00:00", "    kind: correction", "    text: The pier is new."])],
  ["a link to another article", story(3, [], "PORT – See [the vote](story-1.md) and [elsewhere](https://example.org/).\n")],
  ["a withdrawal", story(3, ["status: withdrawn", "withdrawn:", "  at: 2023-01-05T09:00:00", "  reason: The story was wrong."])],
];

describe("a preview", () => {
  let content: string;
  let out: string;
  let cache: string;
  let base: PreviewBase;

  beforeEach(async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 5; n++) files[`2023/story-${n}.md`] = story(n);
    const built = await retainedBuild(files);
    ({ content, out, cache } = built);
    base = built.result.base!;
  });

  it.each(edits)("after %s is the page the next build writes, byte for byte", async (_, text) => {
    writeFileSync(join(content, "2023/story-3.md"), text);
    const preview = createPreviewer(base).preview(["2023/story-3.md"]);
    expect(preview.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(preview.files).toEqual(["2023/story-3.md"]);
    expect([...preview.pages.keys()]).toEqual(["2023/01/03/story-3/index.html"]);

    const warm = await buildSite({ content, out, cache, reportDir: false });
    expect(warm.ok).toBe(true);
    expect(preview.pages.get("2023/01/03/story-3/index.html")).toBe(readFileSync(join(out, "2023/01/03/story-3/index.html"), "utf8"));
  });

  it("is an error report, and no page, when the edit has an error", () => {
    writeFileSync(join(content, "2023/story-3.md"), story(3).replace("2023-01-03T10:00:00", "2023-01-33T10:00:00"));
    const preview = createPreviewer(base).preview(["2023/story-3.md"]);
    expect(preview.pages.size).toBe(0);
    expect(preview.files).toEqual(["2023/story-3.md"]);
    expect(preview.issues).toEqual([expect.objectContaining({ file: "2023/story-3.md", code: "date-invalid", severity: "error", line: 3 })]);
  });

  it("leaves a new file, and one the edit takes out of the archive, to the build", () => {
    writeFileSync(join(content, "2023/story-6.md"), story(6));
    writeFileSync(join(content, "2023/story-3.md"), story(3, ["draft: true"]));
    const preview = createPreviewer(base).preview(["2023/story-6.md", "2023/story-3.md"]);
    expect(preview.files).toEqual(["2023/story-3.md"]);
    expect(preview.pages.size).toBe(0);
    expect(preview.issues).toEqual([]);
  });

  it("writes nothing into the output folder", () => {
    writeFileSync(join(content, "2023/story-3.md"), story(3).replace("Story 3", "Story three"));
    const before = readFileSync(join(out, "2023/01/03/story-3/index.html"), "utf8");
    createPreviewer(base).preview(["2023/story-3.md"]);
    expect(readFileSync(join(out, "2023/01/03/story-3/index.html"), "utf8")).toBe(before);
    expect(existsSync(join(out, "2023/01/03/story-3/index.html.tmp"))).toBe(false);
  });

  it("crosses to another thread as plain data", () => {
    expect(structuredClone(base)).toEqual(base);
  });
});

describe("servedPath", () => {
  it.each([
    ["/", "index.html"],
    ["/2023/01/03/story-3/", "2023/01/03/story-3/index.html"],
    ["/2023/01/03/story-3/index.html", "2023/01/03/story-3/index.html"],
    ["/topics/caf%C3%A9/", "topics/café/index.html"],
    ["/bad%E0%A4%A/", "bad%E0%A4%A/index.html"],
    ["//double/", "double/index.html"],
  ])("%s → %s", (pathname, path) => {
    expect(servedPath(pathname)).toBe(path);
  });
});
