/**
 * Per-section vocabulary. Headline, summary and body of one article draw from the same kit and the
 * same "story" (place, topic, organisation, people), so an article reads as being about one thing.
 * Topics are singular noun phrases without an article: templates write "the {topic}" and use
 * modal verbs, which keeps agreement right for every combination.
 */

/** The vocabulary of one top-level section. */
export interface SectionKit {
  topics: readonly string[];
  /** Organisations that take "the": "finance ministry" → "the finance ministry". */
  orgs: readonly string[];
  /** Job titles for the story's main person. */
  roles: readonly string[];
  /** [present, past] verb pairs: "{surname} approves …", "the ministry approved …". */
  actions: readonly (readonly [string, string])[];
  /** Headline templates; rendered text is capitalised. */
  headlines: readonly string[];
  /** Extra body sentences that only make sense in this section. */
  sentences: readonly string[];
  subheads: readonly string[];
}

const GENERIC_ACTIONS = [
  ["approves", "approved"], ["rejects", "rejected"], ["delays", "delayed"], ["backs", "backed"],
  ["revises", "revised"], ["unveils", "unveiled"], ["defends", "defended"], ["scraps", "scrapped"],
] as const;

/** Kits by top-level section id. */
export const KITS: Readonly<Record<string, SectionKit>> = {
  politics: {
    topics: ["pension reform", "budget bill", "coalition agreement", "migration law", "tax package", "election reform", "defence budget", "housing law", "climate law", "minimum wage increase", "digital strategy", "heating law"],
    orgs: ["finance ministry", "interior ministry", "coalition committee", "upper house", "constitutional court", "opposition party", "federal audit office"],
    roles: ["finance minister", "interior minister", "party leader", "parliamentary group leader", "state secretary", "government spokeswoman", "opposition leader"],
    actions: GENERIC_ACTIONS,
    headlines: [
      "Coalition {action} {topic} after late-night talks", "{surname} {action} {topic} despite {reason}",
      "Lawmakers clash over {topic}", "“{quote}”: {surname} defends {topic}", "Opposition calls {topic} \"{label}\"",
      "Vote on {topic} delayed until {time}", "What the {topic} means for {group}", "{org} to review {topic}",
    ],
    sentences: [
      "The coalition partners have struggled to agree on the {topic} since the last election.",
      "A vote in parliament is expected {time}, although the majority is narrow.",
      "The opposition has threatened to take the {topic} to the constitutional court.",
      "Party members will discuss the {topic} at a conference {time}.",
      "Polls suggest that about {pct} percent of voters consider the issue important.",
      "The {org} has asked for a written explanation of the costs.",
    ],
    subheads: ["Coalition under strain", "The numbers behind the deal", "What the opposition wants", "The road to the vote", "Pressure from the states"],
  },
  world: {
    topics: ["ceasefire agreement", "trade deal", "election result", "aid package", "border agreement", "climate pledge", "peace plan", "sanctions package", "water-sharing treaty", "refugee programme"],
    orgs: ["foreign ministry", "United Nations", "European Commission", "electoral commission", "national parliament", "presidential palace", "regional government"],
    roles: ["foreign minister", "prime minister", "president", "opposition leader", "UN envoy", "ambassador", "government spokesman"],
    actions: GENERIC_ACTIONS,
    headlines: [
      "{place} {action} {topic}", "Talks on {topic} resume in {place}", "Protests in {place} over {topic}",
      "“{quote}”, says {surname} as {topic} stalls", "{place} votes on {topic}", "Envoy calls {topic} \"{label}\"",
      "Crowds gather in {place} ahead of {topic} vote", "{surname} {action} {topic} after {reason}",
    ],
    sentences: [
      "Diplomats in {place} described the atmosphere as tense but constructive.",
      "Thousands of people gathered in the centre of {place} on {weekday}.",
      "The {topic} still has to be ratified by the national parliament.",
      "International observers are expected to publish their assessment {time}.",
      "Neighbouring countries have so far reacted cautiously.",
      "The {org} called on all sides to show restraint.",
    ],
    subheads: ["Reaction abroad", "A fragile agreement", "The view from {place}", "What comes next for the region", "A long history of disputes"],
  },
  business: {
    topics: ["quarterly forecast", "takeover bid", "restructuring plan", "dividend policy", "interest rate decision", "factory expansion", "price increase", "merger plan", "bond issue", "export forecast"],
    orgs: ["central bank", "supervisory board", "competition authority", "chamber of commerce", "stock exchange", "works council", "federal cartel office"],
    roles: ["chief executive", "chief financial officer", "central bank president", "market strategist", "works council chair", "economy minister"],
    actions: [["confirms", "confirmed"], ["raises", "raised"], ["cuts", "cut"], ["approves", "approved"], ["revises", "revised"], ["withdraws", "withdrew"], ["defends", "defended"]],
    headlines: [
      "{surname} {action} {topic} as shares slide", "Markets rally after {topic}", "{org} {action} {topic}",
      "Investors cautious ahead of {topic}", "Union calls {topic} \"{label}\"", "“{quote}”: {surname} on the {topic}",
      "Shares in {place} jump {change} percent on {topic}", "{place} firm {action} {topic} amid {reason}",
    ],
    sentences: [
      "Shares closed {change} percent lower in {place} on {weekday}.",
      "Analysts had expected a weaker result because of {reason}.",
      "The company employs about {thousands} people worldwide.",
      "The {org} is expected to examine the {topic} {time}.",
      "Revenue rose to {money} in the quarter, slightly above expectations.",
      "The benchmark index ended the session little changed.",
    ],
    subheads: ["Market reaction", "A difficult quarter", "What investors are watching", "Jobs at stake", "The outlook"],
  },
  science: {
    topics: ["climate study", "vaccine trial", "space mission", "fusion experiment", "glacier survey", "biodiversity report", "research grant", "telescope upgrade", "genome project", "drought study"],
    orgs: ["university hospital", "research institute", "space agency", "national academy of sciences", "ethics committee", "environment agency"],
    roles: ["lead author", "project leader", "professor of physics", "climate researcher", "biologist", "institute director"],
    actions: [["publishes", "published"], ["launches", "launched"], ["confirms", "confirmed"], ["questions", "questioned"], ["extends", "extended"], ["pauses", "paused"]],
    headlines: [
      "Team in {place} {action} {topic}", "{topic} raises new questions", "{org} {action} {topic}",
      "“{quote}”: {surname} on the {topic}", "What the {topic} tells us about {group}", "Scientists call {topic} \"{label}\"",
      "{topic} delayed by {reason}", "New data from the {topic} surprises {group}",
    ],
    sentences: [
      "The findings were published in a peer-reviewed journal on {weekday}.",
      "The team analysed data collected over {n} years.",
      "Independent experts cautioned that the sample was relatively small.",
      "The {org} said further measurements would be taken {time}.",
      "Funding for the project amounts to {money}.",
      "Similar studies elsewhere have produced mixed results.",
    ],
    subheads: ["How the study worked", "Caution from other experts", "The next phase", "Why it matters", "Open questions"],
  },
  culture: {
    topics: ["film festival", "museum reopening", "opera season", "book prize", "art exhibition", "theatre premiere", "concert series", "architecture award", "music festival", "library renovation"],
    orgs: ["city theatre", "national museum", "festival board", "culture ministry", "arts council", "state opera"],
    roles: ["festival director", "museum director", "conductor", "curator", "culture minister", "author"],
    actions: [["opens", "opened"], ["cancels", "cancelled"], ["celebrates", "celebrated"], ["announces", "announced"], ["postpones", "postponed"], ["defends", "defended"]],
    headlines: [
      "{place} {action} {topic}", "{surname} takes charge of {topic}", "Critics call {topic} \"{label}\"",
      "“{quote}”: {surname} looks back", "{topic} draws record crowds in {place}", "{org} {action} {topic} amid {reason}",
      "Inside the {topic}", "Why the {topic} matters to {group}",
    ],
    sentences: [
      "Tickets for the opening night sold out within hours.",
      "The programme includes {count} works that have never been shown in {place}.",
      "Reviews in the regional press were largely favourable.",
      "The {org} said it hoped to attract a younger audience.",
      "The renovation cost {money}, more than originally planned.",
      "The event runs until the end of the month.",
    ],
    subheads: ["On stage", "A difficult season", "The audience", "Behind the scenes", "What critics said"],
  },
  sport: {
    topics: ["title race", "transfer window", "stadium renovation", "youth academy", "relegation fight", "cup final", "doping case", "coaching change", "season opener", "marathon"],
    orgs: ["football association", "club board", "league committee", "anti-doping agency", "city sports office", "fan association"],
    roles: ["head coach", "team captain", "sporting director", "club president", "goalkeeper", "league official"],
    actions: [["wins", "won"], ["loses", "lost"], ["extends", "extended"], ["appeals", "appealed"], ["confirms", "confirmed"], ["postpones", "postponed"]],
    headlines: [
      "{place} edge rivals in {n}-goal thriller", "{surname} {action} {topic}", "Fans call {topic} \"{label}\"",
      "“{quote}”: {surname} after the {topic}", "{topic} goes down to the wire", "{org} to review {topic} after {reason}",
      "{place} prepare for {topic}", "What the {topic} means for {group}",
    ],
    sentences: [
      "The home side scored twice in the final {n} minutes.",
      "A crowd of about {thousands} watched the match in {place}.",
      "The {org} is expected to rule on the appeal {time}.",
      "The team has won only once in its last {n} games.",
      "Several players are still recovering from injuries.",
      "Supporters unfurled banners before kick-off.",
    ],
    subheads: ["Turning point", "The view from the dressing room", "What the coach said", "Looking ahead", "Table situation"],
  },
  local: {
    topics: ["tram line extension", "ferry timetable", "school renovation", "parking fee increase", "harbour redevelopment", "cycle path", "water price increase", "housing project", "swimming pool closure", "market square redesign"],
    orgs: ["city council", "transport authority", "district office", "public works department", "ferry company", "utilities board"],
    roles: ["mayor", "district councillor", "head of the transport authority", "city planner", "council spokeswoman", "head of the residents' association"],
    actions: GENERIC_ACTIONS,
    headlines: [
      "{place} council {action} {topic}", "{topic} delayed by {reason}", "Residents call {topic} \"{label}\"",
      "“{quote}”: {surname} on the {topic}", "What the {topic} means for {group}", "{org} {action} {topic}",
      "{place} votes on {topic}", "{surname} {action} {topic} in {place}",
    ],
    sentences: [
      "The council meeting on {weekday} lasted more than four hours.",
      "Residents will be able to comment on the plans at a public meeting {time}.",
      "The {topic} is expected to cost the town {money}.",
      "Work on the site is due to start {time}.",
      "The {org} has set up an information page for residents.",
      "About {count} people attended the meeting in the town hall.",
    ],
    subheads: ["What residents say", "The cost", "The timetable", "A long wait", "Questions for the council"],
  },
  opinion: {
    topics: ["pension reform", "tram line extension", "budget bill", "climate law", "school renovation", "rent cap", "four-day week", "speed limit", "heating law", "digital strategy"],
    orgs: ["city council", "federal government", "state government", "coalition committee", "editorial board"],
    roles: ["columnist", "guest author", "editor", "economist", "former mayor"],
    actions: GENERIC_ACTIONS,
    headlines: [
      "Why the {topic} deserves a second look", "The {topic} is {label}", "“{quote}” is not a policy",
      "The {topic} shows what {group} already knew", "Let’s be honest about the {topic}", "In defence of the {topic}",
      "The {topic} and the politics of \"{label}\"", "What {place} can learn from the {topic}",
    ],
    sentences: [
      "It is tempting to see the {topic} as a purely technical question.",
      "That argument deserves to be taken seriously, but it does not settle the matter.",
      "The honest answer is that nobody yet knows how the {topic} will work in practice.",
      "The {org} would do well to listen to {group}.",
      "There is a better way, and it is not complicated.",
      "The debate has been louder than it has been useful.",
    ],
    subheads: ["The wrong question", "A better approach", "What is really at stake", "The cost of doing nothing", "Where this leaves us"],
  },
};

/** Places by section id; nested world sections get their own region. */
export const PLACES: Readonly<Record<string, readonly string[]>> = {
  politics: ["Berlin", "Brussels", "Munich", "Stuttgart", "Düsseldorf", "Hamburg", "Dresden"],
  "world/europe": ["Zürich", "Łódź", "Kraków", "Lyon", "Göteborg", "Porto", "Málaga", "Tromsø", "Bergen", "Brno"],
  "world/americas": ["São Paulo", "Bogotá", "Montréal", "Québec", "Mexico City", "Valparaíso", "Asunción", "Chicago"],
  "world/asia": ["Osaka", "Hà Nội", "Bengaluru", "Seoul", "Jakarta", "Đà Nẵng", "Kyoto", "Manila"],
  business: ["Frankfurt", "Zürich", "Amsterdam", "Milan", "Vienna", "Wolfsburg", "Mannheim"],
  science: ["Heidelberg", "Göttingen", "Geneva", "Potsdam", "Jena", "Uppsala", "Grenoble"],
  culture: ["Salzburg", "Bayreuth", "Venice", "Weimar", "Leipzig", "Köln", "Bregenz"],
  sport: ["Dortmund", "Freiburg", "Mönchengladbach", "Bremen", "Augsburg", "Sankt Gallen", "Innsbruck"],
  local: ["Konstanz", "Überlingen", "Lindau", "Friedrichshafen", "Meersburg", "Radolfzell", "Bregenz"],
  opinion: ["Berlin", "Konstanz", "Brussels", "Hamburg", "Lindau"],
};

const ALL_WORLD: readonly string[] = [...(PLACES["world/europe"] ?? []), ...(PLACES["world/americas"] ?? []), ...(PLACES["world/asia"] ?? [])];

/**
 * Places for a section id: its own list, else (for `world`) every region, else its parent's.
 * @example placesFor("world/europe").includes("Łódź") // true
 */
export function placesFor(sectionId: string): readonly string[] {
  const direct = PLACES[sectionId];
  if (direct) return direct;
  if (sectionId === "world") return ALL_WORLD;
  return PLACES[sectionId.split("/")[0] as string] ?? ALL_WORLD;
}

/**
 * The kit for any (possibly nested) section id; nested sections share their parent's kit.
 * @example kitFor("business/markets") === KITS["business"] // true
 */
export function kitFor(sectionId: string): SectionKit {
  const kit = KITS[sectionId.split("/")[0] as string];
  if (!kit) throw new Error(`No word kit for section ${sectionId}`);
  return kit;
}
