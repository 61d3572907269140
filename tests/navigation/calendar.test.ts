import { describe, expect, it } from "vitest";
import { daysInMonth, monthGrid, weekdayOrder, weekStart } from "../../src/navigation/calendar.ts";

describe("weekStart: the locale's first day of the week (ISO: 1 Monday … 7 Sunday)", () => {
  it.each([
    ["de", 1],
    ["de-AT", 1],
    ["en-GB", 1],
    ["en-US", 7],
    ["en", 7],
    ["fr-CA", 7],
    ["fr", 1],
  ])("%s starts on %i", (locale, first) => {
    expect(weekStart(locale)).toBe(first);
  });
});

describe("weekdayOrder", () => {
  it.each([
    [1, [1, 2, 3, 4, 5, 6, 7]],
    [7, [7, 1, 2, 3, 4, 5, 6]],
    [6, [6, 7, 1, 2, 3, 4, 5]],
  ] as const)("a week starting on %i", (first, order) => {
    expect(weekdayOrder(first)).toEqual(order);
  });
});

describe("monthGrid: blank days before the 1st, rows of seven", () => {
  // 1 February 2023 was a Wednesday; 1 October 2023 a Sunday; 1 January 2024 a Monday.
  it.each([
    { year: 2023, month: 2, first: 1, leading: 2, rows: 5 },
    { year: 2023, month: 2, first: 7, leading: 3, rows: 5 },
    { year: 2023, month: 10, first: 1, leading: 6, rows: 6 },
    { year: 2023, month: 10, first: 7, leading: 0, rows: 5 },
    { year: 2024, month: 1, first: 1, leading: 0, rows: 5 },
    { year: 2024, month: 1, first: 7, leading: 1, rows: 5 },
  ] as const)("$year-$month starting on weekday $first: $leading blank(s), $rows rows", ({ year, month, first, leading, rows }) => {
    const grid = monthGrid(year, month, first);
    expect(grid).toHaveLength(rows);
    expect(grid.every((week) => week.length === 7)).toBe(true);
    const cells = grid.flat();
    expect(cells.findIndex((c) => c !== null)).toBe(leading);
    expect(cells.filter((c) => c !== null)).toEqual(Array.from({ length: daysInMonth(year, month) }, (_, i) => i + 1));
  });

  it.each([
    [2023, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2023, 12, 31],
    [2023, 4, 30],
  ])("%i-%i has %i days", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});
