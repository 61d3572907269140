/**
 * The deploy recipes in the repository, run for real: the GitHub Actions workflow's build step,
 * Netlify's build commands, and the S3 sync script (against a stand-in `aws` on PATH that records
 * its arguments, so the test checks our script's commands, not Amazon).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseHtml } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { IMMUTABLE, SHORT } from "../../src/deploy/host-files.ts";
import { tempOut } from "../helpers/built-site.ts";
import { tempDir } from "../helpers/temp-dirs.ts";
import { buildPrefixedSite } from "./prefixed-site.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function shell(command: string, env: Record<string, string> = {}, cwd = ROOT) {
  const run = spawnSync("sh", ["-c", command], { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function canonical(out: string): string | undefined {
  return parseHtml(readFileSync(join(out, "index.html"), "utf8")).querySelector('link[rel="canonical"]')?.getAttribute("href");
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("the GitHub Pages workflow", () => {
  type Step = { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, string> };
  const workflow = parseYaml(readFileSync(join(ROOT, ".github/workflows/pages.yml"), "utf8")) as {
    on: { push: { branches: string[] } };
    permissions: Record<string, string>;
    jobs: { build: { steps: Step[] }; deploy: { needs: string; steps: Step[] } };
  };
  const steps = workflow.jobs.build.steps;
  const build = steps.find((s) => s.run?.includes("gazette build"));

  it("runs on pushes to main with the permissions Pages deployment needs", () => {
    expect(workflow.on.push.branches).toContain("main");
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    expect(steps.map((s) => s.uses?.split("@")[0]).filter(Boolean)).toEqual(["actions/checkout", "actions/setup-node", "actions/configure-pages", "actions/upload-pages-artifact"]);
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node"))?.with?.["node-version"]).toBe(20);
    expect(workflow.jobs.deploy.needs).toBe("build");
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it("builds for the address configure-pages reports, into the folder it uploads", () => {
    expect(build?.run).toContain("${{ steps.pages.outputs.base_url }}");
    expect(steps.find((s) => s.uses?.startsWith("actions/configure-pages"))?.id).toBe("pages");
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))?.with?.path;
    expect(build?.run).toContain(`--out ${upload}`);
  });

  it("gives a built project site under /archive/ when its build step's command runs", () => {
    const out = tempOut();
    // What Actions would substitute for a project site at https://org.github.io/archive/.
    const command = build!.run!.replace("${{ steps.pages.outputs.base_url }}", "https://org.github.io/archive").replace(/--out \S+/, `--out ${out}`);
    const run = shell(command);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^gazette: built \d+ articles into \d+ pages/);
    expect(canonical(out)).toBe("https://org.github.io/archive/");
    const front = parseHtml(readFileSync(join(out, "index.html"), "utf8"));
    for (const a of front.querySelectorAll("a[href]")) expect(a.getAttribute("href")).toMatch(/^(\/archive\/|#)/);
    expect(existsSync(join(out, ".nojekyll"))).toBe(true);
    expect(existsSync(join(out, "404.html"))).toBe(true);
  });
});

describe("netlify.toml", () => {
  const text = readFileSync(join(ROOT, "netlify.toml"), "utf8");
  // TOML basic strings: the only escape the file uses is \".
  const commands = [...text.matchAll(/^\s*command = "((?:[^"\\]|\\.)*)"$/gm)].map((m) => m[1].replace(/\\"/g, '"'));
  const publish = /^\s*publish = "([^"]+)"$/m.exec(text)?.[1];

  it("publishes the folder its commands build into, on Node 20", () => {
    expect(commands.length).toBe(3);
    for (const command of commands) expect(command).toContain(`--out ${publish}`);
    expect(text).toMatch(/NODE_VERSION = "20"/);
  });

  it.each([
    ["production", 0, undefined, "https://tribune.example.org/"],
    ["a deploy preview", 1, "https://deploy-preview-12--archive.netlify.app", "https://deploy-preview-12--archive.netlify.app/"],
  ])("builds %s for the right address", (_, index, prime, expected) => {
    const content = join(tempDir("gazette-netlify-"), "content");
    // The commands build ./content; here it is the test archive, at the root of its site.
    const site = shell(`mkdir -p ${content} && cp -r ${ROOT}content/. ${content}/ && sed -i 's#^url: .*#url: https://tribune.example.org#' ${content}/site.yml`);
    expect(site.status).toBe(0);
    const out = tempOut();
    const command = commands[index].replace("--content content", `--content ${content}`).replace(`--out ${publish}`, `--out ${out}`);
    const run = shell(command, prime ? { DEPLOY_PRIME_URL: prime } : {});
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(canonical(out)).toBe(expected);
    expect(readFileSync(join(out, "_headers"), "utf8")).toMatch(/^\/\*\n/);
  });
});

describe("the Cloudflare Pages settings in the README", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Cloudflare Pages"), readme.indexOf("### S3-style buckets"));
  const plain = /\| Build command \| `([^`]+)` \|/.exec(section)?.[1];
  const previews = /use the\s+build command `([^`]+)`/.exec(section)?.[1];
  const output = /\| Build output directory \| `([^`]+)` \|/.exec(section)?.[1];

  it("name a build command, an output folder it builds into, and Node 20", () => {
    expect(plain).toContain(`--out ${output}`);
    expect(previews).toContain(`--out ${output}`);
    expect(section).toMatch(/`NODE_VERSION` = `20`/);
  });

  it.each([
    ["the production branch", "main", "https://tribune.example.org/"],
    ["a preview branch", "fix-typo", "https://fix-typo.archive.pages.dev/"],
  ])("build %s for its address", (_, branch, expected) => {
    const content = join(tempDir("gazette-cloudflare-"), "content");
    expect(shell(`mkdir -p ${content} && cp -r ${ROOT}content/. ${content}/ && sed -i 's#^url: .*#url: https://tribune.example.org#' ${content}/site.yml`).status).toBe(0);
    const out = tempOut();
    const run = shell(previews!.replace("--content content", `--content ${content}`).replace(`--out ${output}`, `--out ${out}`), { CF_PAGES_BRANCH: branch, CF_PAGES_URL: "https://fix-typo.archive.pages.dev" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(canonical(out)).toBe(expected);
  });
});

describe("deploy/s3-sync.sh", () => {
  let out: string;
  beforeAll(async () => {
    ({ out } = await buildPrefixedSite());
  });

  /** Runs the script with a stand-in `aws` that records each call's arguments. */
  function sync(args: string[]): { status: number | null; stderr: string; calls: string[][] } {
    const bin = tempDir("gazette-fake-aws-");
    const log = join(bin, "calls.jsonl");
    writeFileSync(join(bin, "aws"), `#!${process.execPath}\nrequire("node:fs").appendFileSync(process.env.AWS_CALLS, JSON.stringify(process.argv.slice(2)) + "\\n");\n`);
    chmodSync(join(bin, "aws"), 0o755);
    const run = spawnSync("sh", [join(ROOT, "deploy/s3-sync.sh"), ...args], { encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, AWS_CALLS: log } });
    const calls = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l) as string[]) : [];
    return { status: run.status, stderr: run.stderr, calls };
  }

  /** Does `aws s3 sync` upload `file` with these arguments? Later filters win; `*` crosses `/`. */
  function included(call: string[], file: string): boolean {
    let take = true;
    for (let i = 0; i < call.length - 1; i++) {
      if (call[i] !== "--exclude" && call[i] !== "--include") continue;
      const pattern = new RegExp(`^${call[i + 1].replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
      if (pattern.test(file)) take = call[i] === "--include";
    }
    return take;
  }

  it("uploads assets first as immutable, then everything else with short caching and --delete", () => {
    const run = sync([out, "s3://news-archive/archive/"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.calls.map((c) => c.slice(0, 4))).toEqual([
      ["s3", "sync", out, "s3://news-archive/archive"],
      ["s3", "sync", out, "s3://news-archive/archive"],
    ]);
    expect(run.calls[0]).not.toContain("--delete");
    expect(run.calls[1]).toContain("--delete");
    const cacheOf = (call: string[]) => call[call.indexOf("--cache-control") + 1];
    expect(cacheOf(run.calls[0])).toBe(IMMUTABLE);
    expect(cacheOf(run.calls[1])).toBe(SHORT);
  });

  it("gives every file of the site exactly one upload with its cache header, and skips the host files", () => {
    const { calls } = sync([out, "s3://news-archive/archive"]);
    const expected = (file: string) => (/^(_headers|_redirects|\.nojekyll|\.gazette-site\.json)$/.test(file) ? [] : file.startsWith("assets/") ? [IMMUTABLE] : [SHORT]);
    for (const file of filesBelow(out)) {
      const uploads = calls.filter((call) => included(call, file)).map((call) => call[call.indexOf("--cache-control") + 1]);
      expect(uploads, file).toEqual(expected(file));
    }
    expect(filesBelow(out).some((f) => f.startsWith("assets/gazette."))).toBe(true);
  });

  it("passes extra options to every call", () => {
    const { calls } = sync([out, "s3://b", "--endpoint-url", "https://s3.example.net", "--dryrun"]);
    for (const call of calls) expect(call.slice(-3)).toEqual(["--endpoint-url", "https://s3.example.net", "--dryrun"]);
  });

  it.each([
    ["no arguments", [], 2, /usage:/],
    ["a folder without a built site", ["/nonexistent/site", "s3://b"], 1, /holds no built site/],
    ["a target that is not s3://", ["SITE", "/tmp/x"], 2, /must be an s3:\/\/ address/],
  ])("refuses %s without calling aws", (_, args, status, message) => {
    const run = sync(args.map((a) => (a === "SITE" ? out : a)));
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(message);
    expect(run.calls).toEqual([]);
  });
});
