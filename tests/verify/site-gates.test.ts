/**
 * The quality floor, as CI runs it: every gate over the sample archive and over a generated
 * archive of 500 articles (the same work as `npm run verify`). Screenshots go to
 * .gazette/report/screenshots/ for a person to look at.
 */
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatFailures } from "../../verify/gate-result.ts";
import { buildVerifySites, GENERATED } from "../../verify/run.ts";
import { formatSummary, GATES, verifySites, type SiteReport } from "../../verify/verify-sites.ts";
import { tempDir } from "./fixture.ts";

const SITES = ["sample", `generated-${GENERATED.articles}`];

let work: string;
let reports: SiteReport[];

beforeAll(async () => {
  work = await tempDir("gazette-site-gates-");
  const sites = await buildVerifySites(work, { content: resolve("content"), ...GENERATED });
  reports = await verifySites(sites, { screenshotsDir: join(resolve(".gazette/report"), "screenshots") });
  console.log(formatSummary(reports));
}, 900_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe("the quality gates on the sample and a generated archive", () => {
  it("ran on both sites", () => {
    expect(reports.map((r) => r.site)).toEqual(SITES);
    expect(reports.find((r) => r.site === SITES[1])?.pages.map((p) => p.kind)).toEqual([
      "front", "section", "section-page-2", "article", "corrections",
      "archive", "year", "month", "day", "topics", "topic", "authors", "author",
      "search", "not-found",
    ]);
  });

  it.each(SITES.flatMap((site) => GATES.map((gate) => [site, gate] as const)))("%s passes the %s gate", (site, gate) => {
    const result = reports.find((r) => r.site === site)?.results.filter((r) => r.gate === gate);
    expect(result?.length).toBeGreaterThan(0);
    for (const r of result ?? []) expect(formatFailures(r)).toBe("");
  });

  it("scored 100 on accessibility, best practices and SEO, and at least 95 on performance", () => {
    const scores = reports.flatMap((r) => r.lighthouse.map((s) => ({ site: r.site, ...s })));
    // Sample: front, article, article with a lead image; generated: front, article.
    expect(scores).toHaveLength(5);
    for (const { scores: s } of scores) {
      expect([s.accessibility, s["best-practices"], s.seo]).toEqual([100, 100, 100]);
      expect(s.performance).toBeGreaterThanOrEqual(95);
    }
  });
});
