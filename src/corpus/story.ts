/**
 * The "story" behind one article: who, where and what it is about, plus everything needed to
 * address it (title, slug, path, URL, date). It depends only on (seed, index, timeline), so a
 * later article can recompute an earlier one to link to it without keeping it in memory.
 */
import { kitFor, placesFor, type SectionKit } from "./kits.ts";
import { ADJECTIVES, FIRST_NAMES, GROUPS, LABELS, LAST_NAMES, REASONS, SHORT_QUOTES, TIMES, WEEKDAYS } from "./pools.ts";
import { Random } from "./random.ts";
import { BENCH_SECTIONS } from "./sections.ts";
import { compileTemplate, countSpaces, fixedSlot, poolSlot, type SlotFiller, type Template } from "./template.ts";
import { slugify } from "./text.ts";
import type { Stamp, Timeline } from "./timeline.ts";

/** The facts one article is about. */
export interface Story {
  sectionId: string;
  kit: SectionKit;
  place: string;
  topic: string;
  org: string;
  person: string;
  surname: string;
  role: string;
  /** A second voice: critic, expert or bystander. */
  second: string;
  secondSurname: string;
  /** With its article, e.g. "an independent analyst". */
  secondRole: string;
  /** Present and past of the story's verb: "approves", "approved". */
  action: string;
  actionPast: string;
  /** A small number (3–9), a percentage and an earlier year the story can refer to. */
  n: number;
  pct: number;
  year: number;
  /** Spaces in each text field, so templates can count words without scanning their output. */
  spaces: Readonly<Record<StoryText, number>>;
}

/** The story's text fields, usable as template slots. */
type StoryText = "place" | "topic" | "org" | "person" | "surname" | "role" | "second" | "secondSurname" | "secondRole" | "action" | "actionPast";

/** What every template sees: the story and the article's random stream. */
export interface Ctx {
  story: Story;
  rng: Random;
}

/** Everything needed to address an article. */
export interface ArticleMeta {
  index: number;
  story: Story;
  title: string;
  slug: string;
  /** Relative to the content folder, e.g. "2014/03/ferry-fares-rise-4821.md". */
  path: string;
  /** e.g. "/2014/03/02/ferry-fares-rise-4821/". */
  url: string;
  date: Stamp;
  /** Position on the timeline's newsroom clock; updates are placed after it. */
  minute: number;
}

const SECOND_ROLES = [
  "an independent analyst", "a local resident", "a former official", "a political scientist", "a consultant",
  "a spokeswoman for the opposition", "a union representative", "an economist", "a long-time critic of the plan",
];
const ORDINALS = ["second", "third", "fourth", "fifth"];

// "12,400" for 1,200–95,000 without Intl or a regex: faster, and independent of ICU data.
const thousands = (n: number): string => `${Math.floor(n / 1000)},${String(n % 1000).padStart(3, "0")}`;

// Slots that read a story field, with the field's spaces measured once per story.
const storySlot =
  (key: StoryText): SlotFiller<Ctx> =>
  (c, counter) => {
    if (counter) counter.words += c.story.spaces[key];
    return c.story[key];
  };

/** Every `{slot}` the templates may use. */
export const SLOTS: Readonly<Record<string, SlotFiller<Ctx>>> = {
  place: storySlot("place"),
  topic: storySlot("topic"),
  org: storySlot("org"),
  person: storySlot("person"),
  surname: storySlot("surname"),
  role: storySlot("role"),
  second: storySlot("second"),
  secondSurname: storySlot("secondSurname"),
  secondRole: storySlot("secondRole"),
  action: storySlot("action"),
  actionPast: storySlot("actionPast"),
  n: fixedSlot((c) => String(c.story.n)),
  pct: fixedSlot((c) => String(c.story.pct)),
  year: fixedSlot((c) => String(c.story.year)),
  weekday: poolSlot(WEEKDAYS),
  time: poolSlot(TIMES),
  group: poolSlot(GROUPS),
  reason: poolSlot(REASONS),
  adj: poolSlot(ADJECTIVES),
  quote: poolSlot(SHORT_QUOTES),
  label: poolSlot(LABELS),
  ordinal: poolSlot(ORDINALS),
  change: fixedSlot((c) => `${c.rng.int(0, 9)}.${c.rng.int(1, 9)}`),
  count: fixedSlot((c) => String(c.rng.int(40, 400))),
  thousands: fixedSlot((c) => thousands(c.rng.int(12, 950) * 100)),
  money: fixedSlot((c) => `€${c.rng.int(2, 480)} million`, 1),
};

/**
 * Compiles a list of templates against SLOTS.
 * @example compileAll(["in {place}."])[0]?.(ctx) // "In Zürich."
 */
export function compileAll(sources: readonly string[]): Template<Ctx>[] {
  return sources.map((s) => compileTemplate(s, SLOTS));
}

// Everything an article needs from its section, resolved and compiled once per section.
const SECTION_PLANS = BENCH_SECTIONS.map((s) => {
  const kit = kitFor(s.id);
  return { id: s.id, kit, places: placesFor(s.id), headlines: compileAll(kit.headlines) };
});
const SECTION_WEIGHTS = BENCH_SECTIONS.map((s) => s.weight);

// Spaces in pool strings, measured once per distinct string (pools are small and fixed).
const poolSpaces = new Map<string, number>();
function spacesOf(text: string): number {
  let n = poolSpaces.get(text);
  if (n === undefined) poolSpaces.set(text, (n = countSpaces(text)));
  return n;
}

/**
 * The story and address of article `index`. Uses its own random stream (seed, index, 0), so the
 * result is the same whether or not other articles were generated first.
 * @example articleMeta(1, 4821, timeline).url // e.g. "/2014/03/02/ferry-timetable-delayed-by-bad-weather-4821/"
 */
export function articleMeta(seed: number, index: number, timeline: Timeline): ArticleMeta {
  const rng = Random.derive(seed, index, 0);
  const minute = timeline.minuteOf(index, rng.float());
  const date = timeline.stamp(minute);
  const plan = rng.weighted(SECTION_PLANS, SECTION_WEIGHTS);
  const kit = plan.kit;
  const surname = rng.pick(LAST_NAMES);
  let secondSurname = rng.pick(LAST_NAMES);
  // Two people with the same surname would make "Müller rejected that" ambiguous.
  while (secondSurname === surname) secondSurname = rng.pick(LAST_NAMES);
  const [action, actionPast] = rng.pick(kit.actions);
  const first = rng.pick(FIRST_NAMES);
  const secondFirst = rng.pick(FIRST_NAMES);
  const place = rng.pick(plan.places);
  const topic = rng.pick(kit.topics);
  const org = rng.pick(kit.orgs);
  const role = rng.pick(kit.roles);
  const secondRole = rng.pick(SECOND_ROLES);
  const story: Story = {
    sectionId: plan.id,
    kit,
    place,
    topic,
    org,
    person: `${first} ${surname}`,
    surname,
    role,
    second: `${secondFirst} ${secondSurname}`,
    secondSurname,
    secondRole,
    action,
    actionPast,
    n: rng.int(3, 9),
    pct: rng.int(12, 68),
    year: Number(date.year) - rng.int(2, 9),
    spaces: {
      place: spacesOf(place),
      topic: spacesOf(topic),
      org: spacesOf(org),
      person: spacesOf(first) + 1 + spacesOf(surname),
      surname: spacesOf(surname),
      role: spacesOf(role),
      second: spacesOf(secondFirst) + 1 + spacesOf(secondSurname),
      secondSurname: spacesOf(secondSurname),
      secondRole: spacesOf(secondRole),
      action: spacesOf(action),
      actionPast: spacesOf(actionPast),
    },
  };
  const title = rng.pick(plan.headlines)({ story, rng });
  // The index suffix makes every file name, and so every URL, unique across the whole corpus.
  const slug = `${slugify(title) || "article"}-${index}`;
  return {
    index,
    story,
    title,
    slug,
    path: `${date.year}/${date.month}/${slug}.md`,
    url: `/${date.year}/${date.month}/${date.day}/${slug}/`,
    date,
    minute,
  };
}
