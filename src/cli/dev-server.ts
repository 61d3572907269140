/**
 * The dev server behind `gazette serve`: Eleventy's dev server (static files, live reload)
 * over the output folder, a watcher on the content folder and the stylesheet, and a dev
 * session (src/build/dev-session.ts) that previews each edit in memory at once and then runs
 * the real warm build.
 */
import { resolve } from "node:path";
import { buildThread } from "../build/build-thread.ts";
import { devSession } from "../build/dev-session.ts";
import { rebuildQueue } from "../build/rebuild-queue.ts";
import { STYLESHEET_FILE } from "../render/stylesheet.ts";
import { EXIT } from "./usage.ts";

/** Options of the dev server. */
export interface ServeOptions {
  content: string;
  out: string;
  drafts: boolean;
  port: number;
}

/** Changes gathered before they are previewed together (an editor's save can be several events). */
const PREVIEW_SETTLE_MS = 20;

/** How long the article preview waits for the listing previews, to reload the browser once for both. */
const LISTINGS_WAIT_MS = 250;

/**
 * Builds, serves on `port` and watches until the process is stopped.
 * @example await serveSite({ content: "content", out: "_site", drafts: false, port: 8080 })
 */
export async function serveSite(options: ServeOptions): Promise<number> {
  const content = resolve(options.content);
  const out = resolve(options.out);
  const thread = buildThread({ content, out, drafts: options.drafts, reportDir: false });
  const session = devSession({ content, out, drafts: options.drafts, build: () => thread.build(), listings: (files) => thread.previewListings(files) });
  // Imported here so that other commands start without loading the server.
  const { default: EleventyDevServer } = await import("@11ty/eleventy-dev-server");
  const { watch } = await import("@11ty/chokidar-with-glob-support");
  try {
    await session.start();
  } catch (error) {
    await thread.close();
    throw error;
  }

  const server = EleventyDevServer.getServer("gazette", out, {
    port: options.port,
    logger: { info: () => {}, log: () => {}, error: (message: string) => process.stderr.write(`gazette: ${message}\n`) },
    messageOnStart: ({ localhostUrl }: { localhostUrl: string }) => {
      process.stdout.write(`gazette: serving ${options.content} at ${localhostUrl} (Ctrl+C to stop)\n`);
      return false;
    },
    onRequest: { "/*": ({ url }: { url: URL }) => session.respond(url) },
  });
  server.serve(options.port);
  const reload = (files: string[]) => server.reload({ files });

  const queue = rebuildQueue(
    async (paths) => {
      await session.rebuild();
      reload(paths);
    },
    { settleMs: PREVIEW_SETTLE_MS * 2, onError: (error) => process.stderr.write(`gazette: the rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`) },
  );
  let previewTimer: NodeJS.Timeout | undefined;
  const preview = async () => {
    previewTimer = undefined;
    const article = session.preview();
    // The listing pages come from the build thread, between or during builds. One reload for
    // both when they come soon: a page that is reloading misses the message of a second one.
    const listings = session.previewListings().catch((error: unknown) => {
      process.stderr.write(`gazette: the listing preview failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return false;
    });
    const soon = await Promise.race([listings, new Promise<"late">((done) => setTimeout(done, LISTINGS_WAIT_MS, "late"))]);
    if (soon === "late") {
      if (article) reload([]);
      if (await listings) reload([]);
    } else if (article || soon) reload([]);
  };

  const watcher = watch([content, STYLESHEET_FILE], {
    ignoreInitial: true,
    // A file is read once the editor has finished writing it.
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
  });
  for (const event of ["add", "change", "unlink", "addDir", "unlinkDir"]) {
    watcher.on(event, (path: string) => {
      session.changed(path);
      previewTimer ??= setTimeout(() => void preview(), PREVIEW_SETTLE_MS);
      queue.add(path);
    });
  }

  return new Promise<number>((done) => {
    const stop = async () => {
      await watcher.close();
      await queue.idle();
      await server.close();
      await thread.close();
      done(EXIT.ok);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
