/**
 * Wilson and Newcombe intervals against published worked values.
 * - Wilson: 7 of 40 → 17.5%, 95% CI 8.7% to 32.0% (Altman et al., Statistics with Confidence, 2nd ed., ch. 6,
 *   the Wilson method the book recommends; z = 1.96 there). The toolkit uses the exact quantile
 *   z = 1.959963984540054 (docs/metrics.md), which moves the book's 32.0% upper end to 31.95%, just under.
 * - Newcombe (1998), "Interval estimation for the difference between independent proportions: comparison of
 *   eleven methods", Stat Med 17:873–890, Table II, method 10 (hybrid score, no continuity correction).
 */
import { describe, expect, it } from "vitest";
import { newcombe, wilson } from "../../loaders/datasets/stats/intervals.ts";

describe("Wilson score interval", () => {
  it("7 of 40 → [8.7%, 31.9%] (the book's 32.0% with z = 1.96)", () => {
    // p = 0.175, z² = 3.84145882; centre = (0.175 + 3.84145882/80) / (1 + 3.84145882/40) = 0.22301824 / 1.09603647 = 0.20347702;
    // half = 1.95996398 × √(0.175 × 0.825/40 + 3.84145882/6400) / 1.09603647 = 1.95996398 × √0.00420960 / 1.09603647 = 0.11602288
    // → [0.08745414, 0.31949990]; with z = 1.96 the upper end is 0.319503, printed 32.0 in the book
    const ci = wilson(7, 40)!;
    expect(ci.estimate).toBe(0.175);
    expect(ci.low).toBeCloseTo(0.0874541, 6);
    expect(ci.high).toBeCloseTo(0.3194999, 6);
    expect((ci.low * 100).toFixed(1)).toBe("8.7");
    expect((ci.high * 100).toFixed(1)).toBe("31.9");
    expect(wilson(7, 40, 1.96)!.high).toBeGreaterThan(0.3195);
  });

  it("stays inside [0, 1] at 0 and n successes, and has no answer for n = 0", () => {
    // 0 of 10: centre = (3.84146/20) / 1.38415 = 0.13877 = half, so [0, 2 × 0.13877] = [0, 0.2775]
    expect(wilson(0, 10)).toEqual({ estimate: 0, low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilson(10, 10)).toEqual({ estimate: 1, low: expect.closeTo(0.7225, 4), high: 1 });
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(5, 4)).toThrow(RangeError);
  });
});

describe("Newcombe hybrid score interval for a difference (Newcombe 1998, Table II, method 10)", () => {
  it("56/70 vs 48/80 → 0.2000 [0.0524, 0.3339]", () => {
    // p1 = 0.8, Wilson [0.69183, 0.87695]; p2 = 0.6, Wilson [0.49045, 0.70038]
    // low  = 0.2 − √((0.8 − 0.69183)² + (0.70038 − 0.6)²) = 0.2 − √(0.011701 + 0.010076) = 0.2 − 0.14757 = 0.05243
    // high = 0.2 + √((0.87695 − 0.8)² + (0.6 − 0.49045)²) = 0.2 + √(0.005922 + 0.012001) = 0.2 + 0.13388 = 0.33388
    const ci = newcombe(56, 70, 48, 80)!;
    expect(ci.estimate).toBeCloseTo(0.2, 10);
    expect(ci.low).toBeCloseTo(0.0524, 4);
    expect(ci.high).toBeCloseTo(0.3339, 4);
  });

  it.each([
    // [k1, n1, k2, n2, difference, low, high]: the other examples of the same table
    [9, 10, 3, 10, 0.6, 0.1705, 0.8090],
    [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
    [0, 10, 0, 20, 0, -0.1611, 0.2775],
    [0, 10, 0, 10, 0, -0.2775, 0.2775],
    [10, 10, 0, 20, 1, 0.6791, 1],
    [10, 10, 0, 10, 1, 0.6075, 1],
  ])("%i/%i vs %i/%i → %f [%f, %f]", (k1, n1, k2, n2, d, low, high) => {
    const ci = newcombe(k1, n1, k2, n2)!;
    expect(ci.estimate).toBeCloseTo(d, 4);
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it("6/7 vs 2/7 → 0.5714 [0.0582, 0.806]", () => {
    // the upper end is 0.80625 to five places, so its fourth decimal depends on z's last digits
    const ci = newcombe(6, 7, 2, 7)!;
    expect(ci.low).toBeCloseTo(0.0582, 4);
    expect(ci.high).toBeCloseTo(0.8062, 3);
  });

  it("is antisymmetric and has no answer when a side is empty", () => {
    const a = newcombe(56, 70, 48, 80)!;
    const b = newcombe(48, 80, 56, 70)!;
    expect(b.low).toBeCloseTo(-a.high, 12);
    expect(b.high).toBeCloseTo(-a.low, 12);
    expect(newcombe(3, 5, 0, 0)).toBeNull();
  });
});
