/**
 * Golden files for chart specs: a spec is compared whole with a committed JSON file, so any change to
 * what a chart draws shows up in review as a diff. Numbers are rounded first so that a last-digit float
 * difference (1/7 computed another way) does not fail a test, while a real change in a value does.
 * Under CI=true vitest does not write a missing golden file: the test fails instead.
 */

/** A copy of `value` with every non-integer number rounded to `digits` significant digits (integers kept exact). */
export function roundNumbers(value: unknown, digits = 6): unknown {
  if (typeof value === "number") return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
  if (Array.isArray(value)) return value.map((v) => roundNumbers(v, digits));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v, digits)]));
  }
  return value;
}
