/**
 * Reader journeys in real headless Chromium, finding their way by what a reader (or a screen
 * reader) sees — landmarks, link names and headings in the site's language — never by CSS class:
 *
 * - browse: front page → a section (through its sub-sections) → its page 2 → an article → the
 *   breadcrumb back to the article's section; a missing address shows the 404 page.
 * - follow a story: front page → the section of the article with the richest update history →
 *   page through until it is listed → open it → its update blocks are newest first, each time in
 *   the newsroom's zone (the browser itself is set to a far-away zone) → breadcrumb back.
 * - keyboard: on one page of every kind, Tab alone reaches every link, each with a visible focus
 *   ring (computed outline or box-shadow); the skip link comes first and moves focus to the main
 *   content.
 * - small screens: no page of any kind scrolls sideways at 360 px; screenshots at 360 px (light
 *   and dark) and 1280 px are written for a person to look at.
 *
 * Every page visited must load without console errors or failed requests.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { labelsFor, type Labels } from "../src/render/labels.ts";
import type { Archive, Section } from "../src/model.ts";
import type { SitePage } from "../src/archive/site-pages.ts";
import type { BuiltSite } from "./built-site.ts";
import { timed, type GateFailure, type GateResult } from "./gate-result.ts";
import { journeyArticle, type KindPage } from "./page-kinds.ts";
import { withoutRefresh } from "./browser.ts";

/** A step of a journey that did not go as a reader would expect. */
export interface JourneyFailure extends GateFailure {
  journey: "browse" | "follow-story" | "keyboard" | "small-screen" | "page-health";
  step: string;
}

/** Options of {@link runJourneys}. */
export interface JourneyOptions {
  /** Folder for screenshots (a sub-folder per site is made); none are taken when omitted. */
  screenshotsDir?: string;
}

/** A reader's zone far from any newsroom: the pages must not depend on it. */
const READER_TIME_ZONE = "Pacific/Kiritimati";
const SMALL = { width: 360, height: 740 };
const LARGE = { width: 1280, height: 900 };
/** Minimum outline width, in CSS pixels, that counts as a visible focus ring. */
const MIN_RING = 2;

/**
 * Runs every journey on a served site. `at` turns a site-relative URL into an absolute one.
 * @example await runJourneys(browser, server.at, site, representativePages(site).pages, { screenshotsDir })
 */
export async function runJourneys(
  browser: Browser,
  at: (url: string) => string,
  site: BuiltSite,
  pages: readonly KindPage[],
  options: JourneyOptions = {},
): Promise<GateResult<JourneyFailure>> {
  return timed("journeys", async () => {
    const run = new JourneyRun(browser, at, site);
    await run.browse(pages);
    await run.followStory();
    await run.keyboard(pages);
    await run.smallScreen(pages, options.screenshotsDir);
    return { checked: `2 reader journeys; keyboard and 360 px layout on ${pages.length} pages`, failures: run.failures, notes: run.notes };
  });
}

class JourneyRun {
  readonly failures: JourneyFailure[] = [];
  readonly notes: string[] = [];
  private readonly labels: Labels;

  constructor(
    private readonly browser: Browser,
    private readonly at: (url: string) => string,
    private readonly site: BuiltSite,
  ) {
    this.labels = labelsFor(site.archive.site.language);
  }

  private fail(journey: JourneyFailure["journey"], step: string, message: string): void {
    this.failures.push({ where: `${journey}: ${step}`, journey, step, message });
  }

  /** A fresh context and page that record console errors and failed requests as failures. */
  private async open(journey: JourneyFailure["journey"], viewport = LARGE, colorScheme: "light" | "dark" = "light"): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ viewport, colorScheme, timezoneId: READER_TIME_ZONE, locale: "en-US" });
    await withoutRefresh(context);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const where = () => page.url().replace(/^https?:\/\/[^/]+/, "");
    page.on("pageerror", (error) => this.fail("page-health", `${journey} on ${where()}`, `script error: ${error.message}`));
    page.on("console", (message) => {
      // A deliberate visit to a missing address logs its 404 like any browser does.
      if (message.type() === "error" && !this.expectingNotFound) this.fail("page-health", `${journey} on ${where()}`, `console error: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400 && !this.expectingNotFound) this.fail("page-health", `${journey} on ${where()}`, `${response.url()} answered HTTP ${response.status()}`);
    });
    return { context, page };
  }

  private expectingNotFound = false;

  /** Clicks a link and waits for the page it points to. */
  private async follow(page: Page, link: ReturnType<Page["getByRole"]>, what: string): Promise<void> {
    const count = await link.count();
    if (count === 0) throw new Error(`no link ${what} on ${page.url()}`);
    const href = await link.first().getAttribute("href");
    const target = new URL(href ?? "", page.url()).href;
    await Promise.all([page.waitForURL(target), link.first().click()]);
  }

  private async heading(page: Page): Promise<string> {
    const h1 = page.getByRole("heading", { level: 1 });
    if ((await h1.count()) !== 1) throw new Error(`${page.url()} has ${await h1.count()} level-1 headings, not one`);
    return ((await h1.textContent()) ?? "").replace(/\s+/g, " ").trim();
  }

  private async expectPage(page: Page, url: string, heading: string | RegExp): Promise<void> {
    if (page.url() !== this.at(url)) throw new Error(`expected to be on ${url}, but the browser is on ${page.url()}`);
    const actual = await this.heading(page);
    const ok = typeof heading === "string" ? actual === heading : heading.test(actual);
    if (!ok) throw new Error(`${url}: the heading is "${actual}", expected ${typeof heading === "string" ? `"${heading}"` : heading}`);
  }

  private section(id: string): Section {
    return this.site.archive.sections.get(id)!;
  }

  /** From the front page down a section's lineage by the masthead and the sub-section links. */
  private async goToSection(page: Page, section: Section): Promise<void> {
    const [top, ...rest] = section.lineage.map((id) => this.section(id));
    await this.follow(page, page.getByRole("navigation", { name: this.labels.sections, exact: true }).getByRole("link", { name: top.title, exact: true }), `"${top.title}" in the section navigation`);
    await this.expectPage(page, top.url, top.title);
    for (const child of rest) {
      await this.follow(page, page.getByRole("navigation", { name: this.labels.subsections, exact: true }).getByRole("link", { name: child.title, exact: true }), `"${child.title}" among the sub-sections`);
      await this.expectPage(page, child.url, child.title);
    }
  }

  private olderLink(page: Page) {
    return page.getByRole("navigation", { name: this.labels.pagination, exact: true }).getByRole("link", { name: this.labels.older, exact: true });
  }

  private async journey(name: JourneyFailure["journey"], run: (page: Page, step: (text: string) => void) => Promise<void>, viewport = LARGE): Promise<void> {
    const { context, page } = await this.open(name, viewport);
    let current = "start";
    try {
      await run(page, (text) => {
        current = text;
      });
    } catch (error) {
      this.fail(name, current, (error as Error).message.split("\n")[0]);
    } finally {
      await context.close();
    }
  }

  async browse(pages: readonly KindPage[]): Promise<void> {
    type SectionPage = Extract<SitePage, { kind: "section" }>;
    const sectionPageAt = (url: string | undefined) => this.site.pages.find((p): p is SectionPage => p.kind === "section" && p.url === url);
    const secondPage = sectionPageAt(pages.find((p) => p.kind === "section-page-2")?.url);
    const section = (secondPage ?? sectionPageAt(pages.find((p) => p.kind === "section")?.url))?.section;
    await this.journey("browse", async (page, step) => {
      step("open the front page");
      await page.goto(this.at("/"));
      await this.heading(page);
      if (!section) throw new Error("the site has no section page to go to");
      step(`go to the section "${section.title}"`);
      await this.goToSection(page, section);
      if (secondPage) {
        step("page through to page 2");
        await this.follow(page, this.olderLink(page), `"${this.labels.older}" in the pager`);
        await this.expectPage(page, secondPage.url, new RegExp(escapeRegExp(this.labels.pageOf(2, secondPage.page.total))));
      } else {
        this.notes.push(`browse: no section of this site has a second page, so paging was not walked`);
      }
      step("open the first article listed");
      const headline = page.getByRole("main").getByRole("heading").getByRole("link");
      const title = ((await headline.first().textContent()) ?? "").trim();
      const article = this.site.archive.articles.find((a) => a.title === title);
      if (!article) throw new Error(`the first headline on ${page.url()}, "${title}", is no article of the archive`);
      await this.follow(page, headline, `to an article`);
      await this.expectPage(page, article.url, article.title);
      step("follow the breadcrumb back to the article's section");
      const home = this.section(article.sectionId);
      await this.follow(page, page.getByRole("navigation", { name: this.labels.breadcrumb, exact: true }).getByRole("link", { name: home.title, exact: true }), `"${home.title}" in the breadcrumb`);
      await this.expectPage(page, home.url, home.title);
      step("a missing address shows the not-found page");
      this.expectingNotFound = true;
      try {
        const response = await page.goto(this.at("/no-such-page-here/"));
        if (response?.status() !== 404) throw new Error(`a missing address answered HTTP ${response?.status()}, not 404`);
        const heading = await this.heading(page);
        if (heading !== this.labels.notFoundTitle) throw new Error(`a missing address shows "${heading}", not "${this.labels.notFoundTitle}"`);
      } finally {
        this.expectingNotFound = false;
      }
      step("the not-found page leads home");
      await this.follow(page, page.getByRole("main").getByRole("link", { name: this.labels.home, exact: true }), `"${this.labels.home}" on the not-found page`);
      if (page.url() !== this.at("/")) throw new Error(`the home link leads to ${page.url()}`);
    });
  }

  async followStory(): Promise<void> {
    const article = journeyArticle(this.site);
    if (!article) {
      this.notes.push("follow-story: the archive has no articles");
      return;
    }
    if (!article.updates.length) this.notes.push("follow-story: no article of this site has updates, so update blocks were not checked");
    const section = this.section(article.sectionId);
    await this.journey("follow-story", async (page, step) => {
      step("open the front page");
      await page.goto(this.at("/"));
      step(`go to the section "${section.title}"`);
      await this.goToSection(page, section);
      step(`page through "${section.title}" until "${article.title}" is listed`);
      const link = () => page.getByRole("main").getByRole("heading").getByRole("link", { name: article.title, exact: true });
      for (let pages = 1; (await link().count()) === 0; pages++) {
        if ((await this.olderLink(page).count()) === 0) throw new Error(`"${article.title}" is on no page of ${section.url} (${pages} pages)`);
        await this.follow(page, this.olderLink(page), `"${this.labels.older}"`);
      }
      step(`open "${article.title}"`);
      await this.follow(page, link(), `to "${article.title}"`);
      await this.expectPage(page, article.url, article.title);
      if (article.updates.length) {
        step("read the update blocks");
        await this.checkUpdates(page, article);
      }
      step("follow the breadcrumb back");
      await this.follow(page, page.getByRole("navigation", { name: this.labels.breadcrumb, exact: true }).getByRole("link", { name: section.title, exact: true }), `"${section.title}" in the breadcrumb`);
      await this.expectPage(page, section.url, section.title);
    });
  }

  /** The blocks are newest first, one per update, labelled by kind, each time in the newsroom's zone. */
  private async checkUpdates(page: Page, article: Archive["articles"][number]): Promise<void> {
    const region = page.getByRole("region", { name: this.labels.updatesHeading, exact: true });
    if ((await region.count()) !== 1) throw new Error(`no region "${this.labels.updatesHeading}" on the article`);
    const blocks = await region.evaluate((element) =>
      [...element.children].map((block) => {
        const time = block.querySelector("time[datetime]");
        return { text: (block.textContent ?? "").replace(/\s+/g, " ").trim(), datetime: time?.getAttribute("datetime") ?? "", shown: (time?.textContent ?? "").trim() };
      }),
    );
    if (blocks.length !== article.updates.length) throw new Error(`${blocks.length} update blocks shown, the article has ${article.updates.length} updates`);
    const zone = this.site.archive.site.timeZone;
    let previous: DateTime | undefined;
    blocks.forEach((block, i) => {
      const label = `block ${i + 1} ("${block.text.slice(0, 60)}…")`;
      const written = DateTime.fromISO(block.datetime, { setZone: true });
      if (!written.isValid) {
        this.fail("follow-story", "read the update blocks", `${label} has no valid datetime ("${block.datetime}")`);
        return;
      }
      if (previous && written.toMillis() >= previous.toMillis()) this.fail("follow-story", "read the update blocks", `${label} (${block.datetime}) is not older than the block above it: updates must be newest first`);
      previous = written;
      const expected = article.updates.find((u) => u.at.toMillis() === written.toMillis());
      if (!expected) {
        this.fail("follow-story", "read the update blocks", `${label} is dated ${block.datetime}, which is the time of no update of the article`);
        return;
      }
      const word = expected.kind === "correction" ? this.labels.correction : this.labels.update;
      if (!block.text.startsWith(word)) this.fail("follow-story", "read the update blocks", `${label} should begin with "${word}"`);
      const local = written.setZone(zone);
      if (written.offset !== local.offset) this.fail("follow-story", "read the update blocks", `${label}: datetime ${block.datetime} does not carry ${zone}'s offset (${local.toFormat("ZZ")})`);
      const clock = block.shown.match(/(\d{1,2})[:.h](\d{2})/);
      if (!clock || Number(clock[1]) % 12 !== local.hour % 12 || Number(clock[2]) !== local.minute) {
        this.fail("follow-story", "read the update blocks", `${label} shows "${block.shown}", not the time in ${zone} (${local.toFormat("HH:mm")})`);
      }
    });
  }

  async keyboard(pages: readonly KindPage[]): Promise<void> {
    const { context, page } = await this.open("keyboard");
    try {
      for (const kindPage of pages) await this.tabThrough(page, kindPage).catch((error: Error) => this.fail("keyboard", `Tab through ${kindPage.kind} ${kindPage.url}`, error.message.split("\n")[0]));
    } finally {
      await context.close();
    }
  }

  private async tabThrough(page: Page, kindPage: KindPage): Promise<void> {
    const step = `Tab through ${kindPage.kind} ${kindPage.url}`;
    await page.goto(this.at(kindPage.url));
    // Number the links and record, as each element gains focus, how its focus is drawn.
    const links = await page.evaluate((minRing) => {
      const all = [...document.querySelectorAll<HTMLAnchorElement>("a[href]")];
      all.forEach((a, i) => a.setAttribute("data-verify-link", String(i)));
      const log: unknown[] = [];
      (window as unknown as { verifyFocusLog: unknown[] }).verifyFocusLog = log;
      document.addEventListener("focusin", (event) => {
        const el = event.target as HTMLElement;
        const style = getComputedStyle(el);
        const transparent = /rgba\([^)]*,\s*0\)$|transparent/.test(style.outlineColor);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= minRing && !transparent;
        const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
        const box = el.getBoundingClientRect();
        const inView = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
        log.push({
          index: el.getAttribute("data-verify-link"),
          text: (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60),
          ring: outline || shadow,
          inView,
          outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        });
      });
      // Form controls (the masthead's search box, the search page's form) are Tab stops too.
      const controls = [...document.querySelectorAll<HTMLElement>("input, select, textarea, button")].filter((c) => c.checkVisibility({ visibilityProperty: true })).length;
      return { controls, links: all.map((a, i) => ({ i, text: (a.textContent ?? "").replace(/\s+/g, " ").trim(), shown: a.checkVisibility({ visibilityProperty: true }) })) };
    }, MIN_RING);
    const expected = links.links.filter((l) => l.shown);
    await pressTab(page, expected.length + links.controls + 2);
    type Focus = { index: string | null; text: string; ring: boolean; inView: boolean; outline: string };
    const log = await page.evaluate(() => (window as unknown as { verifyFocusLog: Focus[] }).verifyFocusLog);
    const reached = new Set<number>();
    log.forEach((focused, order) => {
      if (focused.index === null) return; // a focusable element that is not a link (a form control)
      const index = Number(focused.index);
      if (reached.has(index)) return; // focus went round
      reached.add(index);
      if (order === 0 && focused.text !== this.labels.skipToContent) this.fail("keyboard", step, `the first Tab reaches "${focused.text}", not the skip link "${this.labels.skipToContent}"`);
      if (!focused.ring) this.fail("keyboard", step, `link "${focused.text}" has no visible focus ring (outline: ${focused.outline})`);
      else if (!focused.inView) this.fail("keyboard", step, `link "${focused.text}" is focused outside the viewport`);
    });
    if (log.length === 0) this.fail("keyboard", step, "Tab focuses nothing");
    const missed = expected.filter((l) => !reached.has(l.i));
    if (missed.length) {
      this.fail("keyboard", step, `${missed.length} of ${expected.length} links cannot be reached with Tab: ${missed.slice(0, 5).map((l) => `"${l.text}"`).join(", ")}${missed.length > 5 ? " …" : ""}`);
    }
    // The skip link moves focus to the main content.
    await page.goto(this.at(kindPage.url));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const target = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? "");
    if (target !== "main") this.fail("keyboard", step, `the skip link moves focus to <${target}>, not to the main content`);
  }

  async smallScreen(pages: readonly KindPage[], screenshotsDir?: string): Promise<void> {
    const folder = screenshotsDir ? join(screenshotsDir, this.site.name) : undefined;
    if (folder) await mkdir(folder, { recursive: true });
    const { context, page } = await this.open("small-screen", SMALL);
    try {
      for (const kindPage of pages) {
        const step = `${kindPage.kind} ${kindPage.url} at ${SMALL.width} px`;
        try {
          await page.setViewportSize(SMALL);
          await page.emulateMedia({ colorScheme: "light" });
          await page.goto(this.at(kindPage.url));
          const overflow = await page.evaluate(() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return null;
            const wide = [...document.body.querySelectorAll<HTMLElement>("*")]
              .filter((el) => el.getBoundingClientRect().right > width + 0.5)
              .slice(0, 5)
              .map((el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}>`);
            return { scrollWidth: document.documentElement.scrollWidth, width, wide };
          });
          if (overflow) this.fail("small-screen", step, `the page scrolls sideways: ${overflow.scrollWidth} px of content in ${overflow.width} px (${overflow.wide.join(", ")})`);
          if (!folder) continue;
          await page.screenshot({ path: join(folder, `${kindPage.kind}-360.png`), fullPage: true });
          await page.emulateMedia({ colorScheme: "dark" });
          await page.screenshot({ path: join(folder, `${kindPage.kind}-360-dark.png`), fullPage: true });
          await page.emulateMedia({ colorScheme: "light" });
          await page.setViewportSize(LARGE);
          await page.screenshot({ path: join(folder, `${kindPage.kind}-1280.png`), fullPage: true });
        } catch (error) {
          this.fail("small-screen", step, (error as Error).message.split("\n")[0]);
        }
      }
    } finally {
      await context.close();
    }
  }
}

/**
 * Presses Tab `times` times as real key events, sent down the DevTools protocol in one batch:
 * the browser handles them in order, as from a keyboard, without a round trip per key.
 */
async function pressTab(page: Page, times: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const key = { key: "Tab", code: "Tab", windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
    const events = Array.from({ length: times }, () => [
      cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...key }),
      cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...key }),
    ]);
    await Promise.all(events.flat());
  } finally {
    await cdp.detach();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
