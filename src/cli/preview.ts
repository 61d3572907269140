/**
 * `gazette preview`: serve a built folder exactly as a static host would, to check a build
 * before deploying it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { defineCommand } from "./command.ts";
import { OUT } from "./shared-options.ts";
import { EXIT, UsageError } from "./usage.ts";

/** The `preview` command. */
export const previewCommand = defineCommand({
  name: "preview",
  summary: "Serve a built site as a static host would (headers, redirects, 404, compression)",
  description: `Serves a built folder the way a static host does: index.html for folders and a redirect
from /path to /path/, the site's 404 page with status 404, the headers of _headers and the rules
of _redirects, ETags and gzip or brotli compression, never a directory listing nor a file outside
the folder. The site is served under the path of its url (read from the built front page), e.g.
http://127.0.0.1:8080/archive/. No rebuilds: run gazette build first.`,
  options: {
    out: { ...OUT, help: "The built folder to serve" },
    port: { type: "string", value: "N", default: "8080", help: "Port to serve on (0: any free port)" },
    host: { type: "string", value: "ADDR", default: "127.0.0.1", help: "Address to listen on; 0.0.0.0 lets other machines in" },
    "base-path": { type: "string", value: "PATH", help: "Serve under this path instead of the one in the built site's url, e.g. /archive" },
  },
  async run({ values }) {
    // Loaded when the command runs, not when the CLI starts: every other command, and --help, skips them.
    const { builtBasePath } = await import("../deploy/built-base-path.ts");
    const { startPreview } = await import("../deploy/preview-server.ts");
    const { contentIssue, formatIssue } = await import("../issues/content-issue.ts");
    const { reportIssues } = await import("./report-issues.ts");
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}".`, "preview");
    const basePath = values["base-path"] ?? builtBasePath(values.out);
    if (!/^(\/[^/?#\\]+)*\/?$/.test(basePath) && basePath !== "") throw new UsageError(`--base-path must be a path such as /archive, not "${values["base-path"]}".`, "preview");
    if (!existsSync(join(values.out, "index.html"))) {
      process.stderr.write(`${formatIssue(contentIssue("preview-folder-missing", { file: values.out }, `${values.out} holds no built site (no index.html).`))}\n`);
      return EXIT.contentErrors;
    }
    let preview;
    try {
      preview = await startPreview({ dir: values.out, basePath, host: values.host, port });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      process.stderr.write(`${formatIssue(contentIssue("preview-port-unavailable", { file: values.out }, `Cannot listen on ${values.host}:${port} (${reason}).`))}\n`);
      return EXIT.contentErrors;
    }
    // The handlers go in before the address is printed: a script that reads it and stops the
    // preview at once must find them there.
    const stopped = new Promise<number>((done) => {
      const stop = async () => {
        await preview.close();
        done(EXIT.ok);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    reportIssues(preview.issues, values.out);
    process.stdout.write(`gazette: previewing ${values.out} at ${preview.url} (Ctrl+C to stop)\n`);
    return stopped;
  },
});
