import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../src/model.ts";
import { NEWS_LIMITS, newsArticles, newsLanguage, newsNow } from "../../src/syndication/news-sitemap.ts";

const START = DateTime.fromISO("2024-06-01T12:00:00Z", { zone: "UTC" });
/** `count` articles one minute apart, newest first, as the archive orders them. */
const articles = (count: number): ArticleSummary[] =>
  Array.from({ length: count }, (_, i) => ({ date: START.minus({ minutes: i }), url: `/a${i}/` }) as ArticleSummary);

describe("newsArticles", () => {
  it("caps the list at 1,000, keeping the newest", () => {
    const all = articles(1001);
    const listed = newsArticles({ articles: all }, newsNow({ articles: all }));
    expect(listed.length).toBe(NEWS_LIMITS.urls);
    expect(listed.at(-1)!.url).toBe("/a999/");
  });

  it.each([
    ["keeps an article exactly 48 hours old", { hours: 48 }, 1],
    ["drops one a millisecond older", { hours: 48, milliseconds: 1 }, 0],
  ])("%s", (_, age, expected) => {
    const now = START.plus(age);
    expect(newsArticles({ articles: articles(1) }, now).length).toBe(expected);
  });

  it("leaves out articles after now, and has nothing for an empty archive", () => {
    expect(newsArticles({ articles: articles(3) }, START.minus({ minutes: 1 })).map((a) => a.url)).toEqual(["/a1/", "/a2/"]);
    expect(newsArticles({ articles: [] }, newsNow({ articles: [] }))).toEqual([]);
  });
});

describe("newsLanguage", () => {
  it.each([
    ["en", "en"],
    ["en-GB", "en"],
    ["de-AT", "de"],
    ["zh-Hans-CN", "zh-cn"],
    ["zh-TW", "zh-tw"],
    ["zh-Hant", "zh-tw"],
  ])("%s → %s", (tag, expected) => {
    expect(newsLanguage(tag)).toBe(expected);
  });
});
