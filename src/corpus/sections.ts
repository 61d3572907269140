/** The benchmark site's sections and its site.yml. */

/** A section of the benchmark site, with how often articles land in it. */
export interface BenchSection {
  id: string;
  title: string;
  /** Relative share of articles; uneven on purpose, like a real archive. */
  weight: number;
}

/** The 12 sections, parents before children (the site loader requires declared parents). */
export const BENCH_SECTIONS: readonly BenchSection[] = [
  { id: "politics", title: "Politics", weight: 14 },
  { id: "world", title: "World", weight: 5 },
  { id: "world/europe", title: "Europe", weight: 9 },
  { id: "world/americas", title: "Americas", weight: 5 },
  { id: "world/asia", title: "Asia", weight: 5 },
  { id: "business", title: "Business", weight: 8 },
  { id: "business/markets", title: "Markets", weight: 6 },
  { id: "science", title: "Science", weight: 6 },
  { id: "culture", title: "Culture", weight: 8 },
  { id: "sport", title: "Sport", weight: 12 },
  { id: "local", title: "Local", weight: 16 },
  { id: "opinion", title: "Opinion", weight: 6 },
];

/** The site's zone; article dates carry this zone's offset. */
export const BENCH_TIME_ZONE = "Europe/Berlin";

/**
 * The text of site.yml for the benchmark archive.
 * @example benchSiteYaml().startsWith("title: The Benchmark Bugle") // true
 */
export function benchSiteYaml(): string {
  const lines = [
    "title: The Benchmark Bugle",
    "url: https://bench.example.org",
    "language: en",
    `timeZone: ${BENCH_TIME_ZONE}`,
    "description: A generated archive for benchmarking gazette. Every story in it is fictional.",
    "sections:",
  ];
  for (const s of BENCH_SECTIONS) lines.push(`  - id: ${s.id}`, `    title: ${s.title}`);
  return lines.join("\n") + "\n";
}
