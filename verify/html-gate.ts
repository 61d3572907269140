/**
 * HTML gate: every HTML file of the built site (and its CSS) through the Nu Html Checker
 * (vnu-jar, the W3C validator) in a single Java run. Any error fails; warnings are noted.
 */
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import type { GateFailure, GateResult } from "./gate-result.ts";

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
  return (await checkHtmlFolders([dir]))[0];
}

/**
 * Validates several built sites in one run of the checker (one Java start-up for all), with a
 * result per folder.
 * @example const [sample, generated] = await checkHtmlFolders(["/tmp/a", "/tmp/b"]);
 */
export async function checkHtmlFolders(dirs: readonly string[]): Promise<GateResult<HtmlFailure>[]> {
  const started = performance.now();
  const counts = await Promise.all(
    dirs.map(async (dir) => {
      const files = await listFiles(dir);
      return { html: files.filter((f) => f.endsWith(".html")).length, css: files.filter((f) => f.endsWith(".css")).length };
    }),
  );
  const messages = await runVnu(dirs.filter((_, i) => counts[i].html > 0));
  const ms = Math.round(performance.now() - started);
  return dirs.map((dir, i) => {
    const { html, css } = counts[i];
    if (html === 0) return { gate: "html", checked: "0 HTML files", failures: [{ where: dir, message: "no HTML files to check" }], notes: [], ms };
    const failures: HtmlFailure[] = [];
    const notes: string[] = [];
    for (const m of messages) {
      const file = m.url ? fileURLToPath(m.url) : undefined;
      if (file === undefined ? dirs.length > 1 : !isInside(dir, file)) continue;
      const where = file ? relative(dir, file).split(sep).join("/") : dir;
      const position = m.lastLine !== undefined ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 0}` : "";
      if (m.type === "info") {
        if (m.subType === "warning") notes.push(`warning ${where}${position} ${m.message}`);
        continue;
      }
      failures.push({ where: `${where}${position}`, message: m.message, line: m.lastLine, column: m.firstColumn ?? m.lastColumn, extract: m.extract });
    }
    return { gate: "html", checked: `${html} HTML and ${css} CSS files`, failures, notes, ms };
  });
}

function isInside(dir: string, file: string): boolean {
  const path = relative(resolve(dir), file);
  return path !== "" && !path.startsWith("..") && !isAbsolute(path);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function runVnu(dirs: readonly string[]): Promise<VnuMessage[]> {
  if (dirs.length === 0) return Promise.resolve([]);
  // Java writes into /tmp whatever TMPDIR says (perf data, temp files): keep it in the run's temp folder.
  const args = ["-XX:-UsePerfData", `-Djava.io.tmpdir=${tmpdir()}`, "-jar", VNU_JAR, "--format", "json", "--also-check-css", "--skip-non-html", ...dirs];
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
