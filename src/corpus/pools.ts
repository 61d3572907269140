/**
 * Section-independent word pools. Names deliberately mix scripts and diacritics (Müller, Łukasz,
 * São) so that the benchmark also exercises Unicode slugging, sorting and escaping.
 */

/** Given names for people in stories and for the author pool. */
export const FIRST_NAMES: readonly string[] = [
  "Anna", "Jürgen", "Mara", "Łukasz", "Sophie", "José", "Ingrid", "Tomás", "Chloé", "Björn",
  "Aylin", "Matteo", "Zoë", "Henrik", "Małgorzata", "Amélie", "Felix", "Søren", "Leonie", "Rafael",
  "Hana", "Jonas", "Elif", "Mikael", "Clara", "Dmitri", "Nadia", "Oskar", "Inês", "Paul",
  "Yuki", "Lena", "Samuel", "Agnieszka", "Noah", "Francesca", "Emil", "Priya", "Kai", "Marta",
];

/** Family names, same mix. */
export const LAST_NAMES: readonly string[] = [
  "Müller", "Keller", "Nowak", "Schröder", "Silva", "Lindqvist", "Fischer", "García", "Weiß", "Dubois",
  "Kowalczyk", "Rossi", "Yılmaz", "Brandt", "Jensen", "Hoffmann", "Łęcka", "Novák", "Berger", "Costa",
  "Okafor", "Petrović", "Larsen", "Meier", "Sørensen", "Huber", "Conceição", "Wagner", "Tanaka", "Lefèvre",
  "Vogel", "Åberg", "Kaya", "Richter", "Moreau", "Szabó", "Fontaine", "Haas", "Ibáñez", "Krüger",
];

/** Groups who react to news. Plural, so "Some {group} said" reads well. */
export const GROUPS: readonly string[] = [
  "residents", "economists", "union leaders", "opposition lawmakers", "local businesses",
  "environmental groups", "parents", "commuters", "small-business owners", "legal experts",
  "pensioners", "students", "farmers", "landlords", "tenants' associations", "researchers",
  "hospital staff", "teachers", "shop owners", "fans", "analysts", "district councillors",
];

/** Things that go wrong, usable after "amid", "because of" and "warned of". */
export const REASONS: readonly string[] = [
  "rising costs", "staff shortages", "delays in planning approval", "a legal challenge",
  "falling tax revenue", "supply problems", "a dispute over funding", "procedural errors",
  "higher interest rates", "a shortage of skilled workers", "unexpected technical problems",
  "concerns about transparency", "a lack of public consultation", "weaker demand",
  "bad weather", "disagreement within the coalition",
];

/** Moments in the future, usable at the end of a clause. */
export const TIMES: readonly string[] = [
  "next spring", "by the end of the year", "within weeks", "before the summer break",
  "early next year", "in the coming months", "by the autumn", "later this month",
  "after the holidays", "no earlier than next year",
];

/** Days for "on {weekday}". */
export const WEEKDAYS: readonly string[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Judgements for "described the outcome as {adj}". */
export const ADJECTIVES: readonly string[] = [
  "significant", "modest", "long overdue", "disappointing", "encouraging", "premature",
  "historic", "cautious", "pragmatic", "surprising", "ambitious", "unrealistic",
];

/** Short quotes for headlines (used inside curly quotes). */
export const SHORT_QUOTES: readonly string[] = [
  "We will not back down", "This is only the beginning", "The numbers speak for themselves",
  "Nobody wins like this", "It is time to act", "We were not consulted", "A good day for the city",
  "We need more time", "This changes everything", "Nothing has been decided",
];

/** Labels for headlines like `Union calls plan "unworkable"` (used inside straight quotes). */
export const LABELS: readonly string[] = [
  "unworkable", "a mistake", "reckless", "overdue", "a good start", "unfair", "a missed chance", "bold",
];

/** Longer quotes for the blockquote; no final punctuation, the template adds it. */
export const LONG_QUOTES: readonly string[] = [
  "We have listened carefully, and we believe this is the fairest solution available to us",
  "Nobody in this building thinks the problem is solved, but we have finally made a start",
  "People were promised answers years ago, and they are still waiting for them",
  "We will look at every figure again, and if we got something wrong we will say so",
  "This is not the end of the discussion, it is the beginning of a much harder one",
  "The details matter, and at the moment too many of them are still missing",
  "I understand the frustration, and I share it, but there was no easier way",
  "Every month we lose now will cost us twice as much later",
];

/** Link texts for the external "source" link in each article. */
export const LINK_TEXTS: readonly string[] = [
  "the full report", "the published figures", "the official statement", "the draft document",
  "the court filing", "the study", "the minutes of the meeting", "the consultation paper",
];

/** Reserved example domains (RFC 2606), so the corpus never links a real site. */
export const LINK_DOMAINS: readonly string[] = ["example.com", "example.net", "example.org", "www.example.org", "data.example.com"];
