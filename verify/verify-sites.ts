/**
 * Runs every gate over built sites: the one place that decides which gate sees which pages, used
 * by `npm run verify` and by the test suite alike.
 */
import type { Browser } from "playwright-core";
import { checkAccessibility } from "./a11y-gate.ts";
import { launchBrowser } from "./browser.ts";
import type { BuiltSite } from "./built-site.ts";
import type { GateFailure, GateResult } from "./gate-result.ts";
import { checkHtmlFolders } from "./html-gate.ts";
import { runJourneys } from "./journeys.ts";
import { checkLighthouse, type LighthouseScores } from "./lighthouse-gate.ts";
import { checkLinks } from "./link-gate.ts";
import { PAGE_KINDS, representativePages, unregisteredKinds, type KindPage } from "./page-kinds.ts";
import { serveFolder } from "./serve-folder.ts";

/** The gates, in the order they run. */
export const GATES = ["page-kinds", "html", "links", "a11y", "journeys", "lighthouse"] as const;
export type GateName = (typeof GATES)[number];

/** Everything the gates found on one site. */
export interface SiteReport {
  site: string;
  /** The representative page of each kind that the browser gates visited. */
  pages: KindPage[];
  results: GateResult[];
  lighthouse: LighthouseScores[];
}

/** Options of {@link verifySites}. */
export interface VerifyOptions {
  /** Run only these gates (default: all). */
  gates?: readonly GateName[];
  /** Where the journeys write screenshots (a folder per site). */
  screenshotsDir?: string;
  /** Called as each gate finishes, for progress output. */
  onResult?: (site: string, result: GateResult) => void;
}

/**
 * Runs the gates on each site, then checks that together the sites had a page of every kind.
 * @example const reports = await verifySites([sample, generated], { screenshotsDir: ".gazette/report/screenshots" });
 */
export async function verifySites(sites: readonly BuiltSite[], options: VerifyOptions = {}): Promise<SiteReport[]> {
  const gates = new Set(options.gates ?? GATES);
  const needsBrowser = gates.has("a11y") || gates.has("journeys");
  const browser = needsBrowser ? await launchBrowser() : undefined;
  try {
    // The validator is a separate Java process: one run for all sites, working while the
    // browser gates run.
    const html = gates.has("html") ? checkHtmlFolders(sites.map((s) => s.dir)) : undefined;
    html?.catch(() => undefined);
    const reports: SiteReport[] = [];
    for (const [i, site] of sites.entries()) reports.push(await verifySite(site, gates, browser, options, html?.then((results) => results[i])));
    if (gates.has("page-kinds")) {
      const seen = new Set(reports.flatMap((r) => r.pages.map((p) => p.kind)));
      const never = PAGE_KINDS.filter((kind) => !seen.has(kind.name));
      if (never.length) {
        const result: GateResult = {
          gate: "page-kinds",
          checked: `${PAGE_KINDS.length} kinds over ${sites.length} sites`,
          failures: never.map((kind) => ({ where: kind.name, message: `no verified site has a page of kind "${kind.name}": add an archive that does` })),
          notes: [],
          ms: 0,
        };
        reports[reports.length - 1]?.results.push(result);
        options.onResult?.("all sites", result);
      }
    }
    return reports;
  } finally {
    await browser?.close();
  }
}

async function verifySite(
  site: BuiltSite,
  gates: Set<GateName>,
  browser: Browser | undefined,
  options: VerifyOptions,
  html: Promise<GateResult> | undefined,
): Promise<SiteReport> {
  const { pages, missing } = representativePages(site);
  const report: SiteReport = { site: site.name, pages, results: [], lighthouse: [] };
  const add = (result: GateResult) => {
    report.results.push(result);
    options.onResult?.(site.name, result);
  };
  if (gates.has("page-kinds")) {
    const failures: GateFailure[] = [
      ...unregisteredKinds(site).map((kind) => ({ where: kind, message: `pages of kind "${kind}" have no entry in verify/page-kinds.ts, so no browser gate would see them` })),
      ...missing.filter((kind) => kind.always).map((kind) => ({ where: kind.name, message: `the site has no page of kind "${kind.name}"` })),
    ];
    const notes = missing.filter((kind) => !kind.always).map((kind) => `no page of kind "${kind.name}" in this site`);
    add({ gate: "page-kinds", checked: `${pages.length} kinds: ${pages.map((p) => `${p.kind} ${p.url}`).join(", ")}`, failures, notes, ms: 0 });
  }
  if (gates.has("links")) add(await checkLinks(site.dir, { basePath: site.basePath, siteUrl: site.archive.site.url }));
  const server = await serveFolder(site.dir, { basePath: site.basePath });
  try {
    if (gates.has("a11y")) add(await checkAccessibility(browser!, server.at, pages));
    if (gates.has("journeys")) add(await runJourneys(browser!, server.at, site, pages, { screenshotsDir: options.screenshotsDir }));
    if (html) add(await html);
    // Last and alone: performance is measured, so nothing else should compete for the CPU.
    if (gates.has("lighthouse")) {
      const result = await checkLighthouse(server.at, pages.filter((p) => p.lighthouse));
      report.lighthouse = result.scores;
      add(result);
    }
  } finally {
    await server.close();
  }
  return report;
}

/** All failures of the reports, each with its site and gate. */
export function allFailures(reports: readonly SiteReport[]): { site: string; gate: string; failure: GateFailure }[] {
  return reports.flatMap((report) => report.results.flatMap((result) => result.failures.map((failure) => ({ site: report.site, gate: result.gate, failure }))));
}

/**
 * A plain-text summary: one line per site and gate, the failures under it, then the scores.
 * @example console.log(formatSummary(reports))
 */
export function formatSummary(reports: readonly SiteReport[], maxFailures = 25): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(`${report.site}:`);
    for (const result of report.results) {
      const status = result.failures.length ? `FAIL (${result.failures.length})` : "pass";
      lines.push(`  ${result.gate.padEnd(11)} ${status.padEnd(10)} ${`${(result.ms / 1000).toFixed(1)} s`.padStart(7)}  ${result.checked}`);
      for (const failure of result.failures.slice(0, maxFailures)) lines.push(`      ✗ ${failure.where}: ${failure.message}`);
      if (result.failures.length > maxFailures) lines.push(`      … and ${result.failures.length - maxFailures} more`);
    }
    for (const { kind, url, scores } of report.lighthouse) {
      lines.push(`  lighthouse  ${kind} ${url}: ${Object.entries(scores).map(([c, s]) => `${c} ${s}`).join(", ")}`);
    }
  }
  return lines.join("\n");
}
