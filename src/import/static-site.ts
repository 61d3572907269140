/**
 * What Jekyll and Hugo imports share: finding the site's config for a new site.yml, and
 * turning a list of converted posts into a plan.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import type { NewSiteFacts } from "./site-file.ts";

/**
 * The first config file of `names` in `dir`, read as TOML or YAML by its extension; {} when none is readable.
 * @example readConfig("blog", ["_config.yml"]).title // "The Harbour Herald"
 */
export function readConfig(dir: string, names: readonly string[]): Record<string, unknown> {
  for (const name of names) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    try {
      const text = readFileSync(path, "utf8");
      const data = name.endsWith(".toml") ? parseToml(text) : parseYaml(text, { version: "1.2" });
      return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return {};
}

/**
 * Facts for a new site.yml from a config's fields, with `--time-zone` winning over the config's zone.
 * @example siteFacts({ title: "T", timezone: "Europe/Berlin" }, { title: "title", zone: "timezone" }, undefined).timeZone // "Europe/Berlin"
 */
export function siteFacts(config: Record<string, unknown>, keys: { title: string; url: string; language: string; zone: string }, timeZone: string | undefined): NewSiteFacts {
  const text = (key: string) => (typeof config[key] === "string" ? (config[key] as string) : undefined);
  return { title: text(keys.title), url: text(keys.url), language: text(keys.language), timeZone: timeZone ?? text(keys.zone) };
}

/**
 * Every file below `dir` (paths relative to it, forward slashes, sorted), skipping names that start with a dot.
 * @example filesBelow("blog/_posts") // ["2023-02-18-a.md"]
 */
export function filesBelow(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path).split("\\").join("/"));
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.sort();
}
