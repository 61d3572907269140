/**
 * Article bodies: 500–900 words of newsroom prose with a dateline, `##` subheads, a blockquote,
 * links and the author's initials. Sentences are templates filled from the story, so a body stays
 * on topic, and each article shuffles its own deck of templates so that sentences rarely repeat
 * within one article.
 */
import { LINK_DOMAINS, LINK_TEXTS, LONG_QUOTES } from "./pools.ts";
import { compileAll, type Ctx, type ArticleMeta } from "./story.ts";
import type { SectionKit } from "./kits.ts";
import { countSpaces, type Sink, type Template, type WordCounter } from "./template.ts";
import { slugify } from "./text.ts";

// No standalone punctuation tokens in sentences (no " – "): then a sentence's word count is its
// number of spaces plus one, which templates track while rendering (see template.ts).
const GENERIC_SENTENCES = compileAll([
  "The {topic} has been the subject of intense debate in {place} for months.",
  "{person}, the {role}, said on {weekday} that the {topic} would go ahead {time}.",
  "Critics, including {group}, argue that the plan does too little to address {reason}.",
  "According to figures published by the {org}, about {pct} percent of those asked support the proposal.",
  "{surname} told reporters that the decision had not been taken lightly.",
  "The {org} declined to comment on the details but confirmed that talks were continuing.",
  "Officials estimate the cost at {money}, a figure that has risen since the first draft.",
  "In {place}, reactions were mixed.",
  "Some {group} welcomed the move, while others warned of {reason}.",
  "{second}, {secondRole}, described the outcome as {adj} but incomplete.",
  "It is the {ordinal} time this year that the {topic} has been revised.",
  "A final decision is expected {time}.",
  "The figures could not be independently verified.",
  "{surname} has faced growing pressure from {group} in recent weeks.",
  "Previous attempts to change course stalled in {year} amid {reason}.",
  "Asked whether the timetable was realistic, {surname} said: \"We are confident, but we are not naive.\"",
  "The {org} said it would publish a detailed assessment {time}.",
  "Neither side has ruled out further changes.",
  "For many {group}, the practical effects will only become clear {time}.",
  "The proposal would affect roughly {thousands} people, according to the {org}.",
  "{surname} rejected that characterisation.",
  "Talks are scheduled to resume on {weekday}.",
  "The {org} has previously warned that {reason} could delay the project by up to {n} months.",
  "Documents seen by this newspaper suggest that the plan was changed at a late stage.",
  "Several {group} said they had learned of the decision from the media.",
  "The mood in {place} on {weekday} evening was cautious.",
  "Whether the {topic} will survive a legal challenge remains unclear.",
  "{secondSurname} said the {org} had underestimated {reason}.",
  "The last comparable change came in {year}, when the {org} faced similar criticism.",
  "“The details will matter more than the headlines,” {secondSurname} said.",
  "Supporters of the {topic} point to similar arrangements elsewhere that have worked well.",
  "Opponents say those comparisons are misleading.",
  "{surname} is expected to present revised figures {time}.",
  "The {org} has set aside {money} for the first phase.",
  "A spokeswoman for the {org} said the process had been fair and transparent.",
  "That view is not shared by {group}, who have collected signatures against the plan.",
  "By {weekday} afternoon, more than {count} written objections had been submitted.",
  "{second} said the debate had become unusually personal.",
  "It remains to be seen whether the compromise will hold.",
  "The {topic} was first proposed in {year} and has been amended several times since.",
  "In a statement, the {org} called the outcome {adj}.",
  "The costs are expected to be shared between the state and the municipalities.",
]);

const LEADS = compileAll([
  "The {org} on {weekday} {actionPast} the {topic}, a step that {group} had long demanded.",
  "{person}, the {role}, {actionPast} the {topic} on {weekday}, setting the stage for {adj} months ahead.",
  "After weeks of talks, the {org} {actionPast} the {topic} on {weekday}.",
  "The {topic} dominated the agenda in {place} on {weekday}, as the {org} came under pressure from {group}.",
  "A long-running dispute over the {topic} took a new turn on {weekday}.",
]);

const GENERIC_SUBHEADS = ["What happens next", "Reactions in {place}", "The cost question", "Who is affected", "A long dispute", "The background"];

// The link goes between a rendered template and a fixed ending, so no text is searched and
// replaced afterwards.
const LINK_SENTENCES = [
  { before: "The {org} has published", after: "." },
  { before: "Readers can consult", after: " online." },
  { before: "Details are set out in", after: "." },
].map(({ before, after }) => ({ before: compileAll([before])[0] as Template<Ctx>, after, afterWords: countSpaces(after) }));

/** Per-kit compiled templates, built on first use. */
interface KitTemplates {
  sentences: Template<Ctx>[];
  subheads: Template<Ctx>[];
}
const kitCache = new Map<SectionKit, KitTemplates>();
function kitTemplates(kit: SectionKit): KitTemplates {
  let t = kitCache.get(kit);
  if (!t) {
    t = { sentences: compileAll(kit.sentences), subheads: compileAll([...kit.subheads, ...GENERIC_SUBHEADS]) };
    kitCache.set(kit, t);
  }
  return t;
}

// Words in a few per-article strings (quote, link text, dateline place); sentences are counted
// by their templates instead.
const spaceWords = (text: string): number => countSpaces(text) + 1;

/** Inputs beyond the story: who signs it and which earlier article it may point to. */
export interface BodyOptions {
  initials: string;
  earlier?: Pick<ArticleMeta, "title" | "url"> | undefined;
}

/**
 * Appends the Markdown body of one article (trailing newline included) to the file's sink.
 * @example emitBody({ story, rng }, { initials: "ab" }, out); out.text.includes(story.place.toUpperCase()) // true
 */
export function emitBody(ctx: Ctx, options: BodyOptions, out: Sink): void {
  const { rng, story } = ctx;
  const kit = kitTemplates(story.kit);
  const deck = rng.shuffle([...GENERIC_SENTENCES, ...kit.sentences]);
  let dealt = 0;
  const counter: WordCounter = { words: 0 };

  // Budget in words, including subheads and quote. Each part stops at its cumulative budget, so
  // at most one sentence (≈35 words) plus the sign-off overshoots: 550–820 lands in 550–860.
  const target = rng.int(550, 820);
  const parts = rng.int(2, 4) + 1; // the intro plus 2–4 subheaded parts
  const subheads = rng.sample(kit.subheads, parts - 1);
  const linkPart = rng.int(0, parts - 1);
  // Never in the last part, so the sign-off always ends a prose paragraph, not a quote.
  const quotePart = rng.int(1, parts - 2);
  const showEarlier = options.earlier !== undefined && rng.chance(0.6);

  // The dateline: its place counts as words, its dash does not.
  counter.words += spaceWords(story.place);
  out.text += `${story.place.toUpperCase()} – `;
  rng.pick(LEADS).emit(ctx, out, counter);
  let sentences = 1; // sentences in the open paragraph (the lead opens the first one)

  for (let part = 0; part < parts; part++) {
    const budget = Math.round((target * (part + 1)) / parts);
    if (part > 0) {
      out.text += "\n\n## ";
      (subheads[part - 1] as Template<Ctx>).emit(ctx, out, counter);
      sentences = 0;
    }
    let needLink = part === linkPart;
    let needQuote = part === quotePart;
    do {
      if (sentences === 0) out.text += "\n\n";
      const count = rng.int(2, 4);
      while (sentences < count && (sentences === 0 || counter.words < budget)) {
        if (sentences > 0) out.text += " ";
        (deck[dealt++ % deck.length] as Template<Ctx>).emit(ctx, out, counter);
        sentences++;
      }
      if (needLink) {
        out.text += " ";
        emitLinkSentence(ctx, out, counter);
        needLink = false;
      }
      sentences = 0;
      if (needQuote) {
        const quote = rng.chance(0.5)
          ? `“${rng.pick(LONG_QUOTES)},” said ${story.person}, the ${story.role}.`
          : `“${rng.pick(LONG_QUOTES)},” said ${story.second}, ${story.secondRole}.`;
        out.text += `\n\n> ${quote}`;
        counter.words += spaceWords(quote);
        needQuote = false;
      }
    } while (counter.words < budget);
    // "Earlier coverage" closes the intro, where news sites put related links.
    if (part === 0 && showEarlier && options.earlier) {
      const { title, url } = options.earlier;
      out.text += `\n\nEarlier coverage: [${title}](${url})`;
      counter.words += 2 + spaceWords(title);
    }
  }
  out.text += ` (${options.initials})\n`;
}

/**
 * The Markdown body of one article as a string (for tests and one-off use).
 * @example renderBody({ story, rng }, { initials: "ab" }).endsWith("(ab)\n") // true
 */
export function renderBody(ctx: Ctx, options: BodyOptions): string {
  const out: Sink = { text: "" };
  emitBody(ctx, options, out);
  return out.text;
}

// Topic slugs for link paths; topics come from fixed pools.
const topicSlugs = new Map<string, string>();

// An external source link on a reserved example domain, so link checkers can be benchmarked
// without touching real sites.
function emitLinkSentence(ctx: Ctx, out: Sink, counter: WordCounter): void {
  const { rng, story } = ctx;
  let topicSlug = topicSlugs.get(story.topic);
  if (topicSlug === undefined) topicSlugs.set(story.topic, (topicSlug = slugify(story.topic)));
  const href = `https://${rng.pick(LINK_DOMAINS)}/${topicSlug}/${story.year}-${rng.int(100, 999)}`;
  const text = rng.pick(LINK_TEXTS);
  const sentence = rng.pick(LINK_SENTENCES);
  sentence.before.emit(ctx, out, counter);
  out.text += ` [${text}](${href})${sentence.after}`;
  // The link text's words are words of the sentence; the href sticks to the last of them.
  counter.words += spaceWords(text) + sentence.afterWords;
}
