/**
 * Summary statistics for repeated runs. Pure. Medians rather than means because a shared
 * 2-core machine produces occasional outliers (another developer's test run) that a mean
 * would smear into every number.
 */

/** The smallest and largest value of a sample. */
export interface Spread {
  min: number;
  max: number;
}

/**
 * The median; the mean of the two middle values for an even count; NaN for an empty list.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Minimum and maximum; NaN for both on an empty list.
 * @example spread([3, 1, 2]) // { min: 1, max: 3 }
 */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { min: Number.NaN, max: Number.NaN };
  // A loop, not Math.min(...values): spreading a huge array can overflow the call stack.
  let min = values[0];
  let max = values[0];
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

/**
 * `a / b`, or undefined when either is missing or b is not positive (a failed baseline has no time).
 * @example ratio(10, 4) // 2.5
 */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return undefined;
  return a / b;
}
