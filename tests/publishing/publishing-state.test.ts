/**
 * The publishing state of an article at a given "now", and which page the build writes for it.
 */
import { describe, expect, it } from "vitest";
import { changesBetween, pageOf, publishAt, publishingState, type PublishingFacts, type PublishingState } from "../../src/publishing/publishing-state.ts";

const T = Date.parse("2024-05-01T06:00:00Z");
const HOUR = 3_600_000;

describe("publishingState", () => {
  it.each<[string, PublishingFacts, number, PublishingState]>([
    ["a plain article dated in the past", { draft: false, date: T - HOUR }, T, "published"],
    ["an article dated exactly now", { draft: false, date: T }, T, "published"],
    ["an article dated in the future (an implicit embargo)", { draft: false, date: T + HOUR }, T, "embargoed"],
    ["an embargo still ahead", { draft: false, date: T - HOUR, embargo: T + 1 }, T, "embargoed"],
    ["an embargo that has just passed", { draft: false, date: T - HOUR, embargo: T }, T, "published"],
    ["an embargo earlier than a future date: the date still holds it back", { draft: false, date: T + HOUR, embargo: T - HOUR }, T, "embargoed"],
    ["a draft, even past its embargo", { draft: true, date: T - HOUR, embargo: T - HOUR }, T, "draft"],
    ["a withdrawn article", { draft: false, date: T - HOUR, withdrawn: { at: T } }, T, "withdrawn"],
    ["a withdrawn article still under embargo stays unpublished", { draft: false, date: T - HOUR, embargo: T + HOUR, withdrawn: { at: T } }, T, "embargoed"],
    ["a withdrawn draft stays a draft", { draft: true, date: T - HOUR, withdrawn: { at: T } }, T, "draft"],
  ])("%s", (_case, facts, now, state) => {
    expect(publishingState(facts, now)).toBe(state);
  });

  it("publishes at the later of the date and the embargo", () => {
    expect(publishAt({ draft: false, date: T, embargo: T + HOUR })).toBe(T + HOUR);
    expect(publishAt({ draft: false, date: T + HOUR, embargo: T })).toBe(T + HOUR);
    expect(publishAt({ draft: false, date: T })).toBe(T);
  });
});

describe("pageOf", () => {
  it.each<[PublishingState, boolean, string | undefined]>([
    ["published", false, "article"],
    ["published", true, "article"],
    ["withdrawn", false, "tombstone"],
    ["withdrawn", true, "tombstone"],
    ["draft", false, undefined],
    ["draft", true, "preview"],
    ["embargoed", false, undefined],
    ["embargoed", true, "preview"],
  ])("%s with preview %s: %s", (state, preview, page) => {
    expect(pageOf(state, preview)).toBe(page);
  });
});

describe("changesBetween", () => {
  const embargoed = { draft: false, date: T - HOUR, embargo: T };
  it.each([
    ["an embargo that came due between two builds", embargoed, T - 1, T + 1, true],
    ["the same instants backwards (a --now in the past)", embargoed, T + 1, T - 1, true],
    ["both builds before the embargo", embargoed, T - 2, T - 1, false],
    ["both builds after it", embargoed, T + 1, T + 2, false],
    ["an article without embargo", { draft: false, date: T - HOUR }, T - 1, T + 1, false],
  ])("%s: %s", (_case, record, from, to, changes) => {
    expect(changesBetween(record, from, to)).toBe(changes);
  });
});
