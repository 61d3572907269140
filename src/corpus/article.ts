/** One article file: front matter (YAML) plus the Markdown body. */
import { emitBody } from "./body.ts";
import { AUTHORS, authorInitials } from "./people.ts";
import { Random } from "./random.ts";
import { articleMeta, compileAll, type ArticleMeta, type Ctx } from "./story.ts";
import { pickTags } from "./tags.ts";
import { yamlString } from "./text.ts";
import type { Sink } from "./template.ts";
import type { Timeline } from "./timeline.ts";

const SUMMARIES = compileAll([
  "The {org} {actionPast} the {topic} on {weekday}, but {group} remain sceptical.",
  "{person}, the {role}, says the {topic} will go ahead {time} despite {reason}.",
  "A decision on the {topic} has been delayed amid {reason}.",
  "The {topic} has divided {group} in {place}, and the dispute is far from over.",
  "After months of debate, the {org} {actionPast} the {topic}.",
]);

const UPDATE_TEXTS = compileAll([
  "Adds comment from the {org}.",
  "Updated with reaction from {group}.",
  "Updated with the result of the vote on {weekday}.",
  "Adds the revised cost estimate of {money}.",
  "Adds details of the timetable published by the {org}.",
]);

const CORRECTION_TEXTS = compileAll([
  "An earlier version of this article misspelled the name of {second}.",
  "An earlier version of this article gave the wrong figure for the cost. It is {money}.",
  "Corrects the title of {person}, who is the {role}.",
  "An earlier version of this article misstated the date of the next meeting.",
]);

// Quoted forms of pool values (sections, authors, tags), computed once per distinct value.
// ISO dates need no escaping at all and are quoted directly.
const quotedPool = new Map<string, string>();
function pooled(value: string): string {
  let quoted = quotedPool.get(value);
  if (quoted === undefined) quotedPool.set(value, (quoted = yamlString(value)));
  return quoted;
}

/** Share of articles with updates, and of updates that are corrections. */
const UPDATED_SHARE = 0.3;
const CORRECTION_SHARE = 0.2;

/** How far back an "earlier coverage" link may reach. */
const LOOKBACK = 200;

/** Title and URL of an article, enough to link to it. */
export type Address = Pick<ArticleMeta, "title" | "url">;

/**
 * The file for article `index` of corpus `seed`: path and full text. Depends only on
 * (seed, index, timeline); `recent` merely caches addresses of the last articles (the generator
 * passes one map along) so that linking back does not recompute them.
 * @example renderArticle(1, 0, new Timeline(2010, 15, 10, "Europe/Berlin")).content.startsWith("---\ntitle: ") // true
 */
export function renderArticle(seed: number, index: number, timeline: Timeline, recent = new Map<number, Address>()): { path: string; content: string } {
  const meta = articleMeta(seed, index, timeline);
  recent.set(index, meta);
  recent.delete(index - LOOKBACK - 1);
  // A separate stream for the body, so changing meta generation does not reshuffle every body.
  const rng = Random.derive(seed, index, 1);
  const ctx: Ctx = { story: meta.story, rng };

  const authors = rng.chance(0.7) ? [rng.pick(AUTHORS)] : rng.sample(AUTHORS, 2);
  // One growing string for the whole file (see Sink in template.ts).
  const out: Sink = { text: `---\ntitle: ${yamlString(meta.title)}\ndate: "${meta.date.iso}"\nsection: ${pooled(meta.story.sectionId)}\n` };
  if (rng.chance(0.9)) out.text += `summary: ${yamlString(rng.pick(SUMMARIES)(ctx))}\n`;
  // Both accepted shapes of `authors`: a bare name for most single bylines, a list otherwise.
  if (authors.length === 1 && rng.chance(0.8)) out.text += `authors: ${pooled(authors[0] as string)}\n`;
  else {
    out.text += "authors:\n";
    for (const author of authors) out.text += `  - ${pooled(author)}\n`;
  }
  out.text += "tags:\n";
  for (const tag of pickTags(rng, meta.story.topic, meta.story.place)) out.text += `  - ${pooled(tag)}\n`;
  if (rng.chance(UPDATED_SHARE)) emitUpdates(ctx, meta, timeline, out);
  out.text += "---\n";

  const target = index - rng.int(1, LOOKBACK);
  const earlier = target >= 0 ? (recent.get(target) ?? articleMeta(seed, target, timeline)) : undefined;
  emitBody(ctx, { initials: authorInitials(authors[0] as string), earlier }, out);
  return { path: meta.path, content: out.text };
}

// 1–3 updates, each strictly later than the one before (and the first later than publication),
// measured on the newsroom clock so they also fall in working hours.
function emitUpdates(ctx: Ctx, meta: ArticleMeta, timeline: Timeline, out: Sink): void {
  const { rng } = ctx;
  out.text += "updates:\n";
  let minute = meta.minute;
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    minute += rng.int(10, 3 * 960);
    const correction = rng.chance(CORRECTION_SHARE);
    const text = rng.pick(correction ? CORRECTION_TEXTS : UPDATE_TEXTS)(ctx);
    out.text += `  - at: "${timeline.stamp(minute).iso}"\n`;
    out.text += `    kind: ${correction ? "correction" : "update"}\n`;
    out.text += `    text: ${yamlString(text)}\n`;
  }
}
