/**
 * Confidence intervals for proportions and their differences, closed form, so
 * every published interval can be checked by hand:
 * - Wilson (1927) score interval for one proportion;
 * - Newcombe (1998) hybrid score interval for a difference of two independent
 *   proportions, built from the two Wilson intervals (his "method 10").
 * Both stay inside [0, 1] (resp. [−1, 1]) and behave at 0 and n successes,
 * where the textbook Wald interval collapses to a point.
 */

/**
 * z for a two-sided 95% interval: the exact 97.5% normal quantile. The one place it is
 * written: every interval (Wilson, Newcombe here; Kaplan–Meier in SQL via
 * `getvariable('z95')`, loaders/engine/variables.ts) reads it from here.
 */
export const Z95 = 1.959963984540054;

/** A point estimate with its interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** Wilson score interval for k successes out of n; null when n is 0 (no proportion to estimate). */
export function wilson(k: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  if (k < 0 || k > n) throw new RangeError(`wilson: ${k} successes out of ${n}`);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // At k = 0 or k = n one bound is exactly 0 or 1; rounding must not push it past p.
  return { estimate: p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval for p1 − p2 (k1 of n1 against k2 of n2):
 * d − √((p1 − l1)² + (u2 − p2)²) to d + √((u1 − p1)² + (p2 − l2)²),
 * where [l, u] are the Wilson intervals. Null when either side is empty.
 */
export function newcombe(k1: number, n1: number, k2: number, n2: number, z = Z95): Interval | null {
  const a = wilson(k1, n1, z);
  const b = wilson(k2, n2, z);
  if (!a || !b) return null;
  const d = a.estimate - b.estimate;
  return {
    estimate: d,
    low: d - Math.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2),
    high: d + Math.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2),
  };
}
