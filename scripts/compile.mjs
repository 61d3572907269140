#!/usr/bin/env node
// `npm run compile`: compiles src/, layouts/ and .eleventy.ts into dist/ afresh, then stamps
// it. bin/gazette.mjs runs dist/ only while the stamp is newer than every source file, so an
// edited source is never run stale: it falls back to the sources (through tsx) until the
// next compile.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
rmSync(join(root, "dist"), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(join(root, "dist", ".compiled"), "Written by scripts/compile.mjs after a successful compile; its mtime dates the compiled code.\n");
