/**
 * The one way the gates start a browser: Debian's Chromium, headless, with the flags that work on
 * this kind of machine. No tool is ever allowed to download a browser of its own, and a missing
 * browser is an error, never a reason to skip.
 */
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

/** Where Debian installs Chromium; `GAZETTE_CHROMIUM` points elsewhere. */
export const CHROMIUM_PATH = process.env.GAZETTE_CHROMIUM ?? "/usr/bin/chromium";

/** Flags for headless Chromium on a CI machine without a display, sandbox or network. */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Throws a message that says how to fix it when Chromium is not installed.
 * @example assertChromium() // throws "Chromium not found at /usr/bin/chromium …" on a bare machine
 */
export function assertChromium(path = CHROMIUM_PATH): string {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`Chromium not found at ${path}: install it with \`apt-get install -y chromium\` (or set GAZETTE_CHROMIUM). The browser gates never skip.`);
  }
  return path;
}

/**
 * A private temp folder for one browser, and the environment that points Chromium at it.
 * Chromium leaves folders of its own in the temp folder (`org.chromium.Chromium.*`) that it
 * never removes; in a folder of its own they go when `remove` is called after the browser exits.
 * @example const temp = browserTemp(); launch({ env: temp.env }); …; temp.remove();
 */
export function browserTemp(): { dir: string; env: Record<string, string>; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "gazette-chromium-"));
  const env = { ...(process.env as Record<string, string>), TMPDIR: dir };
  return { dir, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Launches headless Chromium. Close it when done: its temp folder goes with it.
 * @example const browser = await launchBrowser(); …; await browser.close();
 */
export async function launchBrowser(): Promise<Browser> {
  const temp = browserTemp();
  try {
    const browser = await chromium.launch({ executablePath: assertChromium(), args: [...CHROMIUM_FLAGS], headless: true, env: temp.env });
    browser.on("disconnected", temp.remove);
    return browser;
  } catch (error) {
    temp.remove();
    throw error;
  }
}

/**
 * Serves every page to `context` without its `<meta http-equiv="refresh">`, so that a gate
 * checks a redirect page (an alias) itself rather than racing the article it moves on to.
 * The refresh element is still in the file: the HTML gate and the build tests check it.
 * @example const context = await browser.newContext(); await withoutRefresh(context);
 */
export async function withoutRefresh(context: BrowserContext): Promise<void> {
  await context.route("**/*", async (route, request) => {
    if (request.resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    const body = await response.text();
    const held = body.replace(/<meta http-equiv="refresh"[^>]*>\n?/i, "");
    return held === body ? route.fulfill({ response }) : route.fulfill({ response, body: held });
  });
}
