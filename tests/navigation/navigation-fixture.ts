/**
 * A small archive whose articles link each other: three politics stories in a row, one in
 * Europe sharing a tag, and a sport story whose body and update note link (and mislink) them.
 */
import { article } from "../helpers/fixture-archive.ts";

/** Front matter of one story. */
export const story = (title: string, date: string, section: string, tags: string[], extra: string[] = []) => [
  `title: ${title}`,
  `date: ${date}`,
  `section: ${section}`,
  ...(tags.length ? [`tags: [${tags.join(", ")}]`] : []),
  ...extra,
];

/** The sport story's body: line 9 of its file is the first line below (its broken links are on line 13). */
export const SPORT_BODY = [
  "The final ended level.",
  "",
  "See [the vote](../2023/council-vote.md) and [its correction](/2023/council-vote.md#correction-2).",
  "",
  "Broken: [gone](../2023/council-vte.md), [a page](/politcs/) and [an anchor](../2023/council-vote.md#update-9).",
  "",
  "Fine: [politics](/politics/), [the feed](/feed.xml), [top](#headline) and [elsewhere](https://example.org/x.md).",
  "",
].join("\n");

/** The files of the archive. */
export function navigationFiles(): Record<string, string> {
  return {
    "2023/budget-plan.md": article(story("Budget plan", "2023-02-10T10:00:00", "politics", ["budget"]), "Text. Read [the vote](council-vote.md#update-1) later.\n"),
    "2023/council-vote.md": article(
      story("Council vote", "2023-02-18T10:00:00", "politics", ["council", "budget"], [
        "updates:",
        "  - at: 2023-02-18T15:00:00",
        "    text: The mayor spoke.",
        "  - at: 2023-02-19T09:00:00",
        "    kind: correction",
        "    text: The vote was 7 to 2.",
      ]),
      "The council voted.\n",
    ),
    "2023/mayor.md": article(story("Mayor speaks", "2023-02-20T10:00:00", "politics", ["council"]), "The mayor spoke.\n"),
    "2023/europe.md": article(story("Europe watches", "2023-02-19T10:00:00", "world/europe", ["Council"]), "Abroad.\n"),
    "2024/sport.md": article(
      story("Final", "2024-01-02T10:00:00", "sport", [], ["updates:", "  - at: 2024-01-03T10:00:00", "    text: Compare [the budget](../2023/budget-plan.md) and [the mayor](../2023/mayr.md)."]),
      SPORT_BODY,
    ),
  };
}
