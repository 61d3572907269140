/**
 * A reader in real headless Chromium against `gazette preview` serving a site under /archive/:
 * front page → a section → an article, and the 404 page with status 404 for a missing address;
 * every page loads its stylesheet under the site's Content-Security-Policy with no violation,
 * console error or failed request. (The site has no search yet; a search step joins when it does.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../verify/browser.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/deploy/host-files.ts";
import { buildPrefixedSite } from "./prefixed-site.ts";
import { startPreviewCli, stopPreviews } from "./preview-process.ts";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let url: string;
let out: string;
const problems: string[] = [];

beforeAll(async () => {
  ({ out } = await buildPrefixedSite());
  ({ url } = await startPreviewCli(["--out", out, "--port", "0"]));
  browser = await launchBrowser();
  context = await browser.newContext();
  // Injected by the browser itself, so the page's own CSP (no scripts) does not block it.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()} (${page.url()})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stopPreviews();
});

/** The page's stylesheet is loaded and applied (its rules are readable and styles take effect). */
async function styled(current: Page): Promise<boolean> {
  return current.evaluate(() => document.styleSheets.length === 1 && document.styleSheets[0].cssRules.length > 10 && getComputedStyle(document.body).margin !== "8px");
}

describe("a reader on gazette preview under /archive/", () => {
  it("opens the front page, follows a section link, then an article", async () => {
    const front = await page.goto(url);
    expect(front?.status()).toBe(200);
    expect(front?.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(await styled(page)).toBe(true);

    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Politics", exact: true }).click();
    await page.waitForURL(`${url}politics/`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Politics");
    expect(await styled(page)).toBe(true);

    await page.getByRole("main").getByRole("link", { name: "Council approves the harbour budget" }).click();
    await page.waitForURL(`${url}2023/02/18/harbour-budget/`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Council approves the harbour budget");
    expect(await styled(page)).toBe(true);
    expect(problems).toEqual([]);
  });

  it("gets the site's 404 page with status 404 for a missing address", async () => {
    const address = `${url}2023/02/18/no-such-story/`;
    const missing = await page.goto(address);
    expect(missing?.status()).toBe(404);
    // Chromium logs the 404 of the document itself; that one is the point of this step.
    const logged = problems.findIndex((p) => p === `console: Failed to load resource: the server responded with a status of 404 (Not Found) (${address})`);
    expect(logged).toBeGreaterThanOrEqual(0);
    problems.splice(logged, 1);
    const expected = parse(readFileSync(join(out, "404.html"), "utf8")).querySelector("h1")?.textContent;
    expect(expected).toBeTruthy();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(expected);
    expect(await styled(page)).toBe(true);
    // Its links lead back into the site under the prefix.
    await page.getByRole("banner").getByRole("link", { name: "The Test Tribune" }).click();
    await page.waitForURL(url);
    expect(problems).toEqual([]);
  });

  it("reports a CSP violation when a page breaks the policy (the listener works)", async () => {
    const before = problems.length;
    await page.goto(url);
    await page.evaluate(() => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = "https://cdn.example.com/x.css";
      document.head.append(link);
    });
    await page.waitForTimeout(300);
    expect(problems.slice(before).join("\n")).toMatch(/CSP violation: style-src/);
    problems.splice(before);
  });
});
