/**
 * Splitting a list into numbered pages. Pure; URLs come from the caller.
 */

/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  url: string;
  previousUrl?: string;
  nextUrl?: string;
}

/**
 * Splits `items` into pages of `size`; an empty list still has one (empty) page, so every
 * section has an index.
 * @example paginate([1, 2, 3], 2, (n) => `/p/${n}/`).map((p) => p.items) // [[1, 2], [3]]
 */
export function paginate<T>(items: readonly T[], size: number, urlFor: (page: number) => string): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    total,
    items: items.slice(i * size, (i + 1) * size),
    url: urlFor(i + 1),
    previousUrl: i > 0 ? urlFor(i) : undefined,
    nextUrl: i + 1 < total ? urlFor(i + 2) : undefined,
  }));
}
