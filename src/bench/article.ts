/** One article file: front matter (YAML) plus the Markdown body. */
import { renderBody } from "./body.ts";
import { AUTHORS, initials } from "./people.ts";
import { Random } from "./random.ts";
import { articleMeta, compileAll, type ArticleMeta, type Ctx } from "./story.ts";
import { pickTags } from "./tags.ts";
import { capitalize, yamlString } from "./text.ts";
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

/** Share of articles with updates, and of updates that are corrections. */
const UPDATED_SHARE = 0.3;
const CORRECTION_SHARE = 0.2;

/**
 * The file for article `index` of corpus `seed`: path and full text.
 * Depends only on (seed, index, timeline), never on previously generated articles.
 */
export function renderArticle(seed: number, index: number, timeline: Timeline): { path: string; content: string } {
  const meta = articleMeta(seed, index, timeline);
  // A separate stream for the body, so changing meta generation does not reshuffle every body.
  const rng = Random.derive(seed, index, 1);
  const ctx: Ctx = { story: meta.story, rng };

  const authors = rng.chance(0.7) ? [rng.pick(AUTHORS)] : rng.sample(AUTHORS, 2);
  const lines = ["---", `title: ${yamlString(meta.title)}`, `date: ${yamlString(meta.date.iso)}`, `section: ${yamlString(meta.story.sectionId)}`];
  if (rng.chance(0.9)) lines.push(`summary: ${yamlString(capitalize(rng.pick(SUMMARIES)(ctx)))}`);
  // Both accepted shapes of `authors`: a bare name for most single bylines, a list otherwise.
  if (authors.length === 1 && rng.chance(0.8)) lines.push(`authors: ${yamlString(authors[0] as string)}`);
  else lines.push("authors:", ...authors.map((a) => `  - ${yamlString(a)}`));
  lines.push("tags:", ...pickTags(rng, meta.story.topic, meta.story.place).map((t) => `  - ${yamlString(t)}`));
  if (rng.chance(UPDATED_SHARE)) lines.push("updates:", ...updateLines(ctx, meta, timeline));
  lines.push("---", "");

  const back = rng.int(1, 200);
  const earlier = index - back >= 0 ? articleMeta(seed, index - back, timeline) : undefined;
  const body = renderBody(ctx, { initials: initials(authors[0] as string), earlier });
  return { path: meta.path, content: lines.join("\n") + body };
}

// 1–3 updates, each strictly later than the one before (and the first later than publication),
// measured on the newsroom clock so they also fall in working hours.
function updateLines(ctx: Ctx, meta: ArticleMeta, timeline: Timeline): string[] {
  const { rng } = ctx;
  const lines: string[] = [];
  let minute = meta.minute;
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    minute += rng.int(10, 3 * 960);
    const correction = rng.chance(CORRECTION_SHARE);
    const text = rng.pick(correction ? CORRECTION_TEXTS : UPDATE_TEXTS)(ctx);
    lines.push(
      `  - at: ${yamlString(timeline.stamp(minute).iso)}`,
      `    kind: ${correction ? "correction" : "update"}`,
      `    text: ${yamlString(text)}`,
    );
  }
  return lines;
}
