/**
 * The dev server's session, through the real build: an edit is served from memory at once and
 * from the output folder after the build; an error replaces every page and is printed once
 * across the preview and the build; a preview of an edit made while a build runs outlives it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build-site.ts";
import { articleFile, devSession, isPageRequest, type DevSession } from "../../src/serve/dev-session.ts";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";

const story = (n: number, body?: string) => article([`title: Story ${n}`, `date: 2023-01-0${n}T10:00:00`, "section: politics"], body);
const PAGE = "/2023/01/02/story-2/";
const at = (path: string) => new URL(`http://localhost:8080${path}`);

describe("a dev session", () => {
  let content: string;
  let out: string;
  let session: DevSession;
  let printed: { out: string[]; error: string[] };

  beforeEach(async () => {
    content = fixtureArchive({ "2023/story-1.md": story(1), "2023/story-2.md": story(2), "2023/story-3.md": story(3) });
    out = tempOut();
    const cache = tempDir("gazette-cache-");
    printed = { out: [], error: [] };
    session = devSession({
      content,
      out,
      drafts: false,
      build: () => buildSite({ content, out, cache, retain: true, reportDir: false }),
      print: { out: (line) => printed.out.push(line), error: (line) => printed.error.push(line) },
    });
    expect((await session.start()).ok).toBe(true);
  });

  const edit = (n: number, text: string) => {
    writeFileSync(join(content, `2023/story-${n}.md`), text);
    session.changed(join(content, `2023/story-${n}.md`));
  };

  it("serves an edit from memory at once, then from the output folder", async () => {
    expect(session.respond(at(PAGE))).toBe(false);
    edit(2, story(2, "PORT – The pier opened today.\n"));
    expect(session.preview()).toBe(true);
    const preview = session.respond(at(PAGE));
    expect(preview).toMatchObject({ status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
    expect((preview as { body: string }).body).toContain("The pier opened today.");
    expect(session.respond(at(`${PAGE}index.html`))).toEqual(preview);

    expect((await session.rebuild())?.ok).toBe(true);
    expect(session.respond(at(PAGE))).toBe(false);
    expect(readFileSync(join(out, "2023/01/02/story-2/index.html"), "utf8")).toBe((preview as { body: string }).body);
    expect(printed.out).toEqual([expect.stringMatching(/^gazette: rebuilt in \d+\.\d s \(1 article page and 0 listing pages rendered\)$/)]);
  });

  it("shows an error in place of every page, prints each issue once, and clears when it is fixed", async () => {
    edit(2, story(2).replace("2023-01-02T10:00:00", "2023-01-32T10:00:00"));
    expect(session.preview()).toBe(true);
    for (const path of [PAGE, "/", "/politics/"]) {
      const page = session.respond(at(path));
      expect(page).toMatchObject({ status: 500 });
      expect((page as { body: string }).body).toContain(`${content}/2023/story-2.md:3:`);
    }
    // Files other than pages are served as they are.
    expect(session.respond(at("/feed.xml"))).toBe(false);
    expect((await session.rebuild())?.ok).toBe(false);
    expect(session.respond(at(PAGE))).toMatchObject({ status: 500 });
    expect(printed.error.join("\n").match(/story-2\.md:3:\d+ {2}error {2}date-invalid/g)).toHaveLength(1);
    expect(printed.error.join("\n")).not.toMatch(/\n\s+at /);

    edit(2, story(2, "PORT – Fixed.\n"));
    expect(session.preview()).toBe(true);
    expect((session.respond(at(PAGE)) as { body: string }).body).toContain("PORT – Fixed.");
    expect(printed.out).toContain("gazette: the archive has no errors again.");
    expect((await session.rebuild())?.ok).toBe(true);
    expect(session.respond(at("/"))).toBe(false);
  });

  it("keeps the preview of an edit made while a build runs until the build after it", async () => {
    edit(1, story(1, "PORT – First edit.\n"));
    const running = session.rebuild();
    edit(2, story(2, "PORT – Second edit, during the build.\n"));
    expect(session.preview()).toBe(true);
    await running;
    expect((session.respond(at(PAGE)) as { body: string }).body).toContain("Second edit, during the build.");
    await session.rebuild();
    expect(session.respond(at(PAGE))).toBe(false);
  });

  it("serves a new headline on the listing pages at once, then from the output folder", async () => {
    edit(3, story(3).replace("Story 3", "Story three, retold"));
    expect(session.preview()).toBe(true);
    expect(await session.previewListings()).toBe(true);
    for (const path of ["/", "/politics/", "/2023/01/03/"]) expect((session.respond(at(path)) as { body: string }).body, path).toContain("Story three, retold");
    // A second call has nothing new to preview.
    expect(await session.previewListings()).toBe(false);
    await session.rebuild();
    expect(session.respond(at("/politics/"))).toBe(false);
    expect(readFileSync(join(out, "politics/index.html"), "utf8")).toContain("Story three, retold");
  });

  it("previews nothing for a change that is not an article", () => {
    writeFileSync(join(content, "notes.txt"), "not an article");
    session.changed(join(content, "notes.txt"));
    expect(session.preview()).toBe(false);
  });
});

describe("articleFile", () => {
  it.each([
    ["/site/content/2023/a.md", "2023/a.md"],
    ["/site/content/2023/b.markdown", "2023/b.markdown"],
    ["/site/content/site.yml", undefined],
    ["/site/content/2023/a.md.swp", undefined],
    ["/site/other/a.md", undefined],
    ["/site/layouts/assets/gazette.css", undefined],
  ])("%s → %s", (path, file) => {
    expect(articleFile("/site/content", path)).toBe(file);
  });
});

describe("isPageRequest", () => {
  it.each([
    ["/", true],
    ["/politics/", true],
    ["/2023/01/02/story-2/index.html", true],
    ["/politics", true],
    ["/feed.xml", false],
    ["/assets/gazette.1a2b.css", false],
  ])("%s → %s", (path, page) => {
    expect(isPageRequest(at(path))).toBe(page);
  });
});
