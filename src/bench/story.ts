/**
 * The "story" behind one article: who, where and what it is about, plus everything needed to
 * address it (title, slug, path, URL, date). It depends only on (seed, index, timeline), so a
 * later article can recompute an earlier one to link to it without keeping it in memory.
 */
import { kitFor, placesFor, type SectionKit } from "./kits.ts";
import { ADJECTIVES, FIRST_NAMES, GROUPS, LABELS, LAST_NAMES, REASONS, SHORT_QUOTES, TIMES, WEEKDAYS } from "./pools.ts";
import { Random } from "./random.ts";
import { BENCH_SECTIONS } from "./sections.ts";
import { compileTemplate, type Template } from "./template.ts";
import { capitalize, slugify } from "./text.ts";
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
  action: readonly [string, string];
  /** A small number (3–9), a percentage and an earlier year the story can refer to. */
  n: number;
  pct: number;
  year: number;
}

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

// Groups digits like "12,400" without Intl: faster, and independent of the runtime's ICU data.
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** Every `{slot}` the templates may use. */
export const SLOTS: Readonly<Record<string, (ctx: Ctx) => string>> = {
  place: (c) => c.story.place,
  topic: (c) => c.story.topic,
  org: (c) => c.story.org,
  person: (c) => c.story.person,
  surname: (c) => c.story.surname,
  role: (c) => c.story.role,
  second: (c) => c.story.second,
  secondSurname: (c) => c.story.secondSurname,
  secondRole: (c) => c.story.secondRole,
  action: (c) => c.story.action[0],
  actionPast: (c) => c.story.action[1],
  n: (c) => String(c.story.n),
  pct: (c) => String(c.story.pct),
  year: (c) => String(c.story.year),
  weekday: (c) => c.rng.pick(WEEKDAYS),
  time: (c) => c.rng.pick(TIMES),
  group: (c) => c.rng.pick(GROUPS),
  reason: (c) => c.rng.pick(REASONS),
  adj: (c) => c.rng.pick(ADJECTIVES),
  quote: (c) => c.rng.pick(SHORT_QUOTES),
  label: (c) => c.rng.pick(LABELS),
  ordinal: (c) => c.rng.pick(ORDINALS),
  change: (c) => `${c.rng.int(0, 9)}.${c.rng.int(1, 9)}`,
  count: (c) => String(c.rng.int(40, 400)),
  thousands: (c) => grouped(c.rng.int(12, 950) * 100),
  money: (c) => `€${c.rng.int(2, 480)} million`,
};

/**
 * Compiles a list of templates against SLOTS.
 * @example compileAll(["In {place}."])[0]
 */
export function compileAll(sources: readonly string[]): Template<Ctx>[] {
  return sources.map((s) => compileTemplate(s, SLOTS));
}

// Compiled once per kit (kits are shared by nested sections, hence the cache by object).
const headlineCache = new Map<SectionKit, Template<Ctx>[]>();
function headlines(kit: SectionKit): Template<Ctx>[] {
  let compiled = headlineCache.get(kit);
  if (!compiled) headlineCache.set(kit, (compiled = compileAll(kit.headlines)));
  return compiled;
}

const SECTION_IDS = BENCH_SECTIONS.map((s) => s.id);
const SECTION_WEIGHTS = BENCH_SECTIONS.map((s) => s.weight);

/**
 * The story and address of article `index`. Uses its own random stream (seed, index, 0), so the
 * result is the same whether or not other articles were generated first.
 */
export function articleMeta(seed: number, index: number, timeline: Timeline): ArticleMeta {
  const rng = Random.derive(seed, index, 0);
  const minute = timeline.minuteOf(index, rng.float());
  const date = timeline.stamp(minute);
  const sectionId = rng.weighted(SECTION_IDS, SECTION_WEIGHTS);
  const kit = kitFor(sectionId);
  const surname = rng.pick(LAST_NAMES);
  let secondSurname = rng.pick(LAST_NAMES);
  // Two people with the same surname would make "Müller rejected that" ambiguous.
  while (secondSurname === surname) secondSurname = rng.pick(LAST_NAMES);
  const story: Story = {
    sectionId,
    kit,
    place: rng.pick(placesFor(sectionId)),
    topic: rng.pick(kit.topics),
    org: rng.pick(kit.orgs),
    person: `${rng.pick(FIRST_NAMES)} ${surname}`,
    surname,
    role: rng.pick(kit.roles),
    second: `${rng.pick(FIRST_NAMES)} ${secondSurname}`,
    secondSurname,
    secondRole: rng.pick(SECOND_ROLES),
    action: rng.pick(kit.actions),
    n: rng.int(3, 9),
    pct: rng.int(12, 68),
    year: Number(date.year) - rng.int(2, 9),
  };
  const title = capitalize(rng.pick(headlines(kit))({ story, rng }));
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
