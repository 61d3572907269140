/**
 * A small archive whose articles span three years (three search shards, the newest year split
 * further with a small shard size), for the search tests.
 */
import { article, fixtureArchive } from "../helpers/fixture-archive.ts";

/** Article files of the fixture; the unique word "xylophonist" is only in the 2021 story. */
export const SEARCH_FILES: Record<string, string> = {
  "2023/council-budget.md": article(["title: Council approves harbour budget", "date: 2023-06-10 09:00", "section: politics", "authors: [Ann Lee]", "summary: The harbour budget passes after a long night."], "The council approved the harbour budget for next year.\n\nThe budget funds new piers.\n"),
  "2023/dock-strike.md": article(["title: Dock workers strike at the harbour", "date: 2023-03-02 11:00", "section: world/europe", "authors: [Ben Ode]"], "Dock workers at the harbour walked out on Thursday.\n"),
  "2023/regatta.md": article(["title: Regatta postponed by storm", "date: 2023-01-15 15:00", "section: sport", "authors: [Cleo Park]"], "The harbour regatta is postponed because of the storm.\n"),
  "2023/mayor.md": article(["title: Mayor names new harbour master", "date: 2023-09-01 10:00", "section: politics", "authors: [Ben Ode]"], "The mayor named a harbour master on Friday.\n"),
  "2022/harbour-plan.md": article(["title: Harbour plan first drafted", "date: 2022-05-05 08:00", "section: politics", "authors: [Ann Lee]"], "A first plan for the harbour was drafted in the town hall.\n"),
  "2022/harbour-fc.md": article(["title: Harbour FC wins the cup", "date: 2022-11-20 20:00", "section: sport", "authors: [Cleo Park]"], "Harbour FC won the cup in extra time.\n"),
  "2021/concert.md": article(["title: A concert on the pier", "date: 2021-04-01 19:00", "section: world", "authors: [Dana Roe]"], "A xylophonist played on the pier until midnight.\n"),
  "2021/marathon.md": article(["title: Marathon along the coast", "date: 2021-08-08 07:00", "section: sport", "authors: [Dana Roe]"], "Runners followed the coast road past the harbour.\n"),
};

/** A content folder with {@link SEARCH_FILES} (removed after the test file). */
export function searchFixture(): string {
  return fixtureArchive(SEARCH_FILES, "gazette-search-");
}

/** Shard size for the fixture: 2023's four articles split into runs of months. */
export const FIXTURE_SHARD_PAGES = 2;
