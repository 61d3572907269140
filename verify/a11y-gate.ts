/**
 * Accessibility gate: axe-core in real headless Chromium on one page of every kind, in the light
 * and the dark colour scheme. Any violation fails (all of axe's default rules, best practices
 * included); "incomplete" results (things axe cannot decide) are noted.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { timed, type GateFailure, type GateResult } from "./gate-result.ts";
import type { KindPage } from "./page-kinds.ts";
import { withoutRefresh } from "./browser.ts";

/** Colour schemes every page is checked in. */
export const COLOR_SCHEMES = ["light", "dark"] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

/** One axe violation on one page in one scheme. */
export interface A11yFailure extends GateFailure {
  kind: string;
  url: string;
  scheme: ColorScheme;
  /** axe rule id, e.g. `color-contrast`. */
  rule: string;
  impact?: string | null;
  /** Selectors of the offending elements. */
  targets: string[];
}

/**
 * Runs axe on each page (site-relative URLs resolved against `origin`) in both schemes.
 * @example await checkAccessibility(browser, server.at, [{ kind: "front", url: "/", lighthouse: true }])
 */
export async function checkAccessibility(browser: Browser, at: (url: string) => string, pages: readonly KindPage[]): Promise<GateResult<A11yFailure>> {
  return timed("a11y", async () => {
    const failures: A11yFailure[] = [];
    const notes: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await withoutRefresh(context);
    try {
      for (const { kind, url } of pages) {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: COLOR_SCHEMES[0] });
        const response = await page.goto(at(url), { waitUntil: "load" });
        if (!response || response.status() !== 200) {
          failures.push({ where: `${kind} ${url}`, kind, url, scheme: COLOR_SCHEMES[0], rule: "http-status", targets: [], message: `answered HTTP ${response?.status() ?? "nothing"}` });
        }
        // The same document in each scheme: switching the media feature restyles it in place.
        for (const scheme of COLOR_SCHEMES) {
          await page.emulateMedia({ colorScheme: scheme });
          // Legacy mode runs axe in the page itself, a second faster per page (the site has no
          // frames); only violations are collected in full.
          const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
          for (const violation of results.violations) {
            const targets = violation.nodes.map((node) => node.target.join(" "));
            failures.push({
              where: `${kind} ${url} (${scheme})`,
              kind,
              url,
              scheme,
              rule: violation.id,
              impact: violation.impact,
              targets,
              message: `${violation.id} (${violation.impact ?? "?"}): ${violation.help} — ${targets.slice(0, 5).join(", ")}${targets.length > 5 ? ` and ${targets.length - 5} more` : ""}`,
            });
          }
          const undecided = results.incomplete.map((r) => r.id);
          if (undecided.length) notes.push(`${kind} ${url} (${scheme}): axe could not decide ${undecided.join(", ")}`);
        }
        await page.close();
      }
    } finally {
      await context.close();
    }
    return { checked: `${pages.length} pages × ${COLOR_SCHEMES.length} colour schemes`, failures, notes };
  });
}
