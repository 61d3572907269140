/**
 * Every Atom feed a build writes is valid against RFC 4287's RELAX NG schema (kept in
 * tests/fixtures/schemas/atom.rng), checked with xmllint; and the check is real: a feed with
 * an entry missing its id, or a date that is not one, is refused.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, readOut } from "./syndication-fixture.ts";
import { tempDir } from "../helpers/temp-dirs.ts";

const ATOM_RNG = fileURLToPath(new URL("../fixtures/schemas/atom.rng", import.meta.url));
const relaxng = (file: string) => execFileSync("xmllint", ["--noout", "--relaxng", ATOM_RNG, file], { stdio: ["ignore", "pipe", "pipe"] });

let out: string;
beforeAll(async () => {
  out = await buildFixture();
});

describe("Atom feeds against RFC 4287's RELAX NG schema", () => {
  it.each(["feed.xml", "politics/feed.xml", "world/feed.xml", "world/europe/feed.xml", "sport/feed.xml", "updates.xml"])("%s is valid", (path) => {
    expect(() => relaxng(join(out, path))).not.toThrow();
  });

  it.each([
    ["an entry without its id", (xml: string) => xml.replace(/(<entry>[\s\S]*?)<id>[^<]*<\/id>/, "$1")],
    ["an updated that is not a date", (xml: string) => xml.replace(/<updated>[^<]*<\/updated>/, "<updated>yesterday</updated>")],
  ])("refuses %s", (_, breakIt) => {
    const file = join(tempDir("gazette-atom-"), "feed.xml");
    writeFileSync(file, breakIt(readOut(out, "feed.xml")));
    expect(() => relaxng(file)).toThrow();
  });
});
