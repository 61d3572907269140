/**
 * Reading a built site in tests: a page by its URL, parsed into a DOM that can be queried.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { tempDir } from "./temp-dirs.ts";
import { outputPathFor } from "../../src/archive/permalinks.ts";

/** A fresh temporary output folder path (not created), removed after the test file. */
export function tempOut(prefix = "gazette-out-"): string {
  return join(tempDir(prefix), "site");
}

/** True when the site has a file for `url`. */
export function hasPage(out: string, url: string): boolean {
  return existsSync(join(out, outputPathFor(url)));
}

/** The page at `url`, parsed. */
export function readPage(out: string, url: string): HTMLElement {
  return parse(readFileSync(join(out, outputPathFor(url)), "utf8"));
}

/** The visible text of an element, whitespace folded. */
export function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}
