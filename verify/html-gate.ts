/**
 * HTML gate: every HTML file of the built site (and its CSS) through the Nu Html Checker
 * (vnu-jar, the W3C validator) in a single Java run. Any error fails; warnings are noted.
 */
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { timed, type GateFailure, type GateResult } from "./gate-result.ts";

/** A validator error in one file. */
export interface HtmlFailure extends GateFailure {
  line?: number;
  column?: number;
  extract?: string;
}

interface VnuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** The validator's jar inside the vnu-jar package. */
export const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");

/**
 * Validates every `.html` and `.css` file below `dir`.
 * @example (await checkHtml("_site")).failures // [] when the site is valid
 */
export async function checkHtml(dir: string): Promise<GateResult<HtmlFailure>> {
  return timed("html", async () => {
    const files = await listFiles(dir);
    const html = files.filter((f) => f.endsWith(".html")).length;
    const css = files.filter((f) => f.endsWith(".css")).length;
    if (html === 0) return { checked: "0 HTML files", failures: [{ where: dir, message: "no HTML files to check" }], notes: [] };
    const messages = await runVnu(dir);
    const failures: HtmlFailure[] = [];
    const notes: string[] = [];
    for (const m of messages) {
      const where = m.url ? relative(dir, fileURLToPath(m.url)).split(sep).join("/") : dir;
      const position = m.lastLine !== undefined ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 0}` : "";
      if (m.type === "info") {
        if (m.subType === "warning") notes.push(`warning ${where}${position} ${m.message}`);
        continue;
      }
      failures.push({ where: `${where}${position}`, message: m.message, line: m.lastLine, column: m.firstColumn ?? m.lastColumn, extract: m.extract });
    }
    return { checked: `${html} HTML and ${css} CSS files`, failures, notes };
  });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function runVnu(dir: string): Promise<VnuMessage[]> {
  const args = ["-jar", VNU_JAR, "--format", "json", "--also-check-css", "--skip-non-html", dir];
  return new Promise((done, fail) => {
    // vnu exits 1 when it reports errors; its JSON report is on stderr either way.
    execFile("java", args, { maxBuffer: 256 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
        fail(new Error("java not found: install Java 17+ (`apt-get install -y default-jre-headless`) to run the Nu Html Checker."));
        return;
      }
      try {
        const report = JSON.parse(stderr) as { messages: VnuMessage[] };
        done(report.messages);
      } catch {
        fail(new Error(`The Nu Html Checker did not produce a JSON report (${error?.message ?? "no error"}):\n${stderr.slice(0, 2000)}`));
      }
    });
  });
}
