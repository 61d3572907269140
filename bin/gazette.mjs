#!/usr/bin/env node
// The `gazette` command. tsx is registered first so the TypeScript sources (and Eleventy's
// .eleventy.ts) load without a compile step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
