#!/usr/bin/env node
// The `gazette` command. It runs the JavaScript compiled into dist/ (`npm run compile`, run by
// npm install, npm start and npm test): nothing is transpiled at start-up. When a source file
// is newer than the compiled code (someone is editing the generator), or with
// GAZETTE_FROM_SOURCE=1, it runs the TypeScript sources through tsx instead, so a stale dist/
// is never what runs.
import { fileURLToPath } from "node:url";
import { compiledIsCurrent } from "./compiled.mjs";

let main;
if (process.env.GAZETTE_FROM_SOURCE !== "1" && compiledIsCurrent(fileURLToPath(new URL("..", import.meta.url)))) {
  // A computed specifier: the type checker must not follow it into dist/.
  ({ main } = await import(new URL("../dist/src/cli/main.js", import.meta.url).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
