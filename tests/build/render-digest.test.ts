/**
 * The render digest (src/build/render-pass.ts): a page is rendered again exactly when what it
 * is rendered from changed. A table of single changes, each of which must change the digest,
 * and the same view built from other objects (a view read back from disk, links not shared),
 * which must not.
 */
import { describe, expect, it } from "vitest";
import type { PageView } from "../../src/build/build-cache.ts";
import { renderDigest } from "../../src/build/render-pass.ts";
import type { ArticleRecord } from "../../src/archive/article-record.ts";
import type { NavLink } from "../../src/navigation/article-nav.ts";

const link = (n: number): NavLink => ({ url: `/2023/01/0${n}/story-${n}/`, title: `Story ${n}`, date: 1672570800000 + n * 86_400_000 });
const record = { file: "2023/a.md", media: [{ source: "2023/a.jpg", width: 800 }] } as unknown as ArticleRecord;
const view = (): PageView => ({ nav: { previous: link(1), next: link(3), related: [link(4), link(5)] }, resolved: { "b.md": "/2023/01/02/b/" }, page: "article", state: "published" });
const base = () => renderDigest("key", "hash", record, view());

describe("renderDigest", () => {
  it("is the same for the same view, whether its links are shared objects, fresh ones or read back from JSON", () => {
    const shared = link(4);
    const withShared: PageView = { ...view(), nav: { previous: link(1), next: link(3), related: [shared, link(5)] } };
    expect(renderDigest("key", "hash", record, withShared)).toBe(base());
    expect(renderDigest("key", "hash", record, JSON.parse(JSON.stringify(view())) as PageView)).toBe(base());
    // Asked again with the same objects (the memo of each link's text answers).
    expect(renderDigest("key", "hash", record, withShared)).toBe(base());
    expect(base()).toMatch(/^[0-9a-f]{40}$/);
  });

  const changes: [string, () => string][] = [
    ["another build key", () => renderDigest("key 2", "hash", record, view())],
    ["another content hash", () => renderDigest("key", "hash 2", record, view())],
    ["other images", () => renderDigest("key", "hash", { ...record, media: [] }, view())],
    ["no images", () => renderDigest("key", "hash", { ...record, media: undefined }, view())],
    ["a previous article's new title", () => renderDigest("key", "hash", record, { ...view(), nav: { ...view().nav, previous: { ...link(1), title: "Story one" } } })],
    ["no previous article", () => renderDigest("key", "hash", record, { ...view(), nav: { ...view().nav, previous: undefined } })],
    ["a next article's new URL", () => renderDigest("key", "hash", record, { ...view(), nav: { ...view().nav, next: { ...link(3), url: "/elsewhere/" } } })],
    ["previous and next swapped", () => renderDigest("key", "hash", record, { ...view(), nav: { ...view().nav, previous: link(3), next: link(1) } })],
    ["related articles in another order", () => renderDigest("key", "hash", record, { ...view(), nav: { ...view().nav, related: [link(5), link(4)] } })],
    ["one related article fewer", () => renderDigest("key", "hash", record, { ...view(), nav: { ...view().nav, related: [link(4)] } })],
    ["a related article's new date", () => renderDigest("key", "hash", record, { ...view(), nav: { ...view().nav, related: [link(4), { ...link(5), date: 0 }] } })],
    ["a link resolved elsewhere", () => renderDigest("key", "hash", record, { ...view(), resolved: { "b.md": "/2023/01/09/b/" } })],
    ["a preview page", () => renderDigest("key", "hash", record, { ...view(), page: "preview", state: "draft" })],
    ["a tombstone", () => renderDigest("key", "hash", record, { ...view(), page: "tombstone", state: "withdrawn" })],
  ];
  it.each(changes)("changes with %s", (_, digest) => expect(digest()).not.toBe(base()));
});
