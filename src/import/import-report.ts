/**
 * The report every import prints: what was imported, what was skipped and why, and how every
 * field of the source was mapped, kept or dropped.
 */
import type { ImportOutcome, ImportPlan } from "./import-plan.ts";

/**
 * The report as lines of text.
 * @example importReport(plan, outcome).split("\n")[0] // "gazette import wire: 1 article written, 0 unchanged, 0 kept, 0 skipped"
 */
export function importReport(plan: ImportPlan, outcome: ImportOutcome, content: string): string {
  const lines = [
    `gazette import ${plan.kind}: ${count(outcome.written.length, "article")} written, ${outcome.unchanged.length} unchanged, ${outcome.kept.length} kept, ${plan.skipped.length} skipped`,
  ];
  const bySource = new Map(plan.articles.map((a) => [a.path, a.source]));
  for (const path of outcome.written) lines.push(`  written    ${content}/${path}  (from ${bySource.get(path)})`);
  for (const path of outcome.unchanged) lines.push(`  unchanged  ${content}/${path}  (from ${bySource.get(path)})`);
  for (const path of outcome.kept) lines.push(`  kept       ${content}/${path}  (exists with other text; --force overwrites it)`);
  for (const item of plan.skipped) lines.push(`  skipped    ${item.source}: ${item.reason}`);
  if (outcome.siteCreated) lines.push(`  site.yml   created in ${content}`);
  for (const section of outcome.sectionsAdded) lines.push(`  section    ${section.id} (${section.title}) added to site.yml`);
  lines.push("Fields:");
  for (const line of plan.mapping) lines.push(`  ${line}`);
  return `${lines.join("\n")}\n`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
