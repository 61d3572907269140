/**
 * `gazette serve`: build, serve with live reload, rebuild on every change.
 */
import { defineCommand } from "./command.ts";
import { CONTENT, DRAFTS, OUT } from "./shared-options.ts";
import { UsageError } from "./usage.ts";

/** The `serve` command. */
export const serveCommand = defineCommand({
  name: "serve",
  summary: "Build, serve the site with live reload, and rebuild when content changes",
  description: `Builds the archive, serves it at http://localhost:PORT/ with live reload, and rebuilds when an
article, site.yml or the stylesheet changes. An edited article's page is shown at once, rendered
in memory against the last build, and so is a new headline or summary on the listing pages
that show it; the full rebuild (on a thread of its own, with the build cache) then updates
every page the edit touches, exactly as \`gazette build\` would. A content
error prints the report once and shows it in the browser in place of every page (file, line,
hint) until the files are fixed; the last good pages stay in the output folder.`,
  options: {
    content: CONTENT,
    out: OUT,
    drafts: DRAFTS,
    port: { type: "string", value: "N", default: "8080", help: "Port to serve on" },
  },
  async run({ values }) {
    // Loaded when the command runs, not when the CLI starts: every other command, and --help, skips them.
    const { serveSite } = await import("./dev-server.ts");
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}".`, "serve");
    return serveSite({ content: values.content, out: values.out, drafts: values.drafts, port });
  },
});
