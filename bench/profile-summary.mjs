// Sums the self time of a V8 CPU profile (`node --cpu-prof`, one .cpuprofile per thread) per
// function, per package or per file, largest first:
//   node bench/profile-summary.mjs CPU.….cpuprofile [fn|pkg|file] [top]
import { readFileSync } from "node:fs";

const [file, mode = "pkg", top = "30"] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: node bench/profile-summary.mjs PROFILE.cpuprofile [fn|pkg|file] [top]\n");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8"));
const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const self = new Map();
for (const node of profile.nodes) {
  const ms = (sampled.get(node.id) ?? 0) / 1000;
  const { url, functionName, lineNumber } = node.callFrame;
  // Paths from the project root on; node_modules/<package> as "nm/<package>".
  const short = url.replace(/^file:\/\/.*?\/(dist\/|src\/|layouts\/)/, "$1").replace(/.*node_modules\//, "nm/");
  const pkg = short.startsWith("nm/") ? short.split("/").slice(0, short.split("/")[1].startsWith("@") ? 3 : 2).join("/") : short.split("/")[0] || functionName;
  const key = mode === "fn" ? `${functionName || "(anonymous)"} ${short}:${lineNumber}` : mode === "file" ? short || functionName : pkg;
  self.set(key, (self.get(key) ?? 0) + ms);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`total ${total.toFixed(0)} ms`);
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${ms.toFixed(1).padStart(9)} ms  ${key}`);
