/**
 * The dev server behind `gazette serve`: Eleventy's dev server (static files, live reload)
 * over the output folder, a watcher on the content folder and the stylesheet, and a dev
 * session (src/serve/dev-session.ts) that previews each edit in memory at once and then runs
 * the real warm build.
 */
import { resolve } from "node:path";
import { buildThread } from "../serve/build-thread.ts";
import { devSession } from "../serve/dev-session.ts";
import { rebuildQueue } from "../serve/rebuild-queue.ts";
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
  const session = devSession({ content, out, drafts: options.drafts, build: () => thread.build(), listings: (records) => thread.previewListings(records) });
  // Imported here so that other commands start without loading the server.
  const { default: EleventyDevServer } = await import("@11ty/eleventy-dev-server");
  const { watch } = await import("@11ty/chokidar-with-glob-support");
  // The watcher starts first: its scan of the archive runs while the first build works on
  // its own thread. What changes meanwhile is rebuilt once the first build is done.
  let early: string[] | undefined = [];
  let onChange: (path: string) => void = () => {};
  const watcher = watch([content, STYLESHEET_FILE], {
    ignoreInitial: true,
    // A file is read once the editor has finished writing it.
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
  });
  for (const event of ["add", "change", "unlink", "addDir", "unlinkDir"]) watcher.on(event, (path: string) => (early ? early.push(path) : onChange(path)));
  try {
    await session.start();
  } catch (error) {
    await watcher.close();
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
    let article = false;
    try {
      article = session.preview();
    } catch (error) {
      // A preview is a shortcut: the build after it shows the edit all the same.
      process.stderr.write(`gazette: the preview failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
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
  onChange = (path: string) => {
    session.changed(path);
    previewTimer ??= setTimeout(() => void preview(), PREVIEW_SETTLE_MS);
    queue.add(path);
  };

  for (const path of early) onChange(path);
  early = undefined;

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = async () => {
      // A second Ctrl+C stops at once; the first lets a running build finish, so that it
      // leaves no helper process (Pagefind) behind.
      // (130: the shell's code for a command stopped by Ctrl+C.)
      if (stopping) process.exit(130);
      stopping = true;
      await watcher.close();
      const idle = queue.idle();
      const waited = await Promise.race([idle.then(() => false), new Promise<boolean>((r) => setTimeout(r, 200, true))]);
      if (waited) process.stderr.write("gazette: stopping once the build in progress is done (Ctrl+C again to stop now).\n");
      await idle;
      await server.close();
      await thread.close();
      done(EXIT.ok);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
