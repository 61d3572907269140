/**
 * The dev server behind `gazette serve`: Eleventy's server with live reload over the archive. Every rebuild runs
 * the article stage (with the build cache, so only changed articles are read again); a
 * rebuild with content errors prints the report once (no stack trace) and the browser shows it
 * as a page (the plugin's request handler) until a rebuild succeeds.
 */
import { resolve } from "node:path";
import { ELEVENTY_CONFIG, ELEVENTY_INPUT } from "../build/build-site.ts";
import { EXIT } from "./usage.ts";

/** Options of the dev server. */
export interface ServeOptions {
  content: string;
  out: string;
  drafts: boolean;
  port: number;
}

/**
 * Builds, serves on `port` and watches until the process is stopped.
 * @example await serveSite({ content: "content", out: "_site", drafts: false, port: 8080 })
 */
export async function serveSite(options: ServeOptions): Promise<number> {
  process.env.GAZETTE_CONTENT = resolve(options.content);
  if (options.drafts) process.env.GAZETTE_DRAFTS = "1";
  // Imported here so that other commands start without loading Eleventy.
  const { default: Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy(ELEVENTY_INPUT, resolve(options.out), {
    configPath: ELEVENTY_CONFIG,
    runMode: "serve",
    quietMode: true,
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port);
  process.stdout.write(`gazette: serving ${options.content} at http://localhost:${options.port}/ (Ctrl+C to stop)\n`);
  return new Promise<number>((done) => {
    const stop = async () => {
      await eleventy.stopWatch?.();
      done(EXIT.ok);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
