/** The ridge logistic regression (IRLS) against values obtained independently. */
import { describe, expect, it } from "vitest";
import { fitLogistic, logLoss } from "../../loaders/datasets/stats/logistic.ts";

describe("ridge logistic regression by Newton / IRLS", () => {
  it("without a penalty, one 0/1 trait gives the closed-form answer worked by hand", () => {
    // without the trait 1 of 4 churned: intercept = logit(0.25) = −ln 3 = −1.0986123;
    // with it 3 of 4: logit(0.75) = ln 3, so the slope = 2 ln 3 = 2.1972246.
    const X = [[1, 0], [1, 0], [1, 0], [1, 0], [1, 1], [1, 1], [1, 1], [1, 1]];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const fit = fitLogistic(X, y, 0);
    expect(fit.coefficients[0]).toBeCloseTo(-Math.log(3), 8);
    expect(fit.coefficients[1]).toBeCloseTo(2 * Math.log(3), 8);
    // standard error of the slope, worked by hand: √(1/(4·¼·¾) + 1/(4·¾·¼)) = √(8/3) = 1.6329932
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(8 / 3), 6);
  });

  it("with λ = 1 matches plain gradient ascent run to convergence", () => {
    // Obtained independently: gradient ascent on ℓ(β) − ½ Σ_{j≥1} β_j² with step 0.05 from β = 0, stopped when every
    // gradient component was below 1e-13 (542 steps; Python floats, see docs/decisions.md § Health lab):
    // β = (0.4314092387, −0.7372836860, −0.4916487700, −0.2270696695).
    const rows = [[1, 0, 0, 0], [1, 0, 1, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 0, 1], [0, 0, 0, 1], [0, 0, 1, 1], [0, 1, 0, 0],
      [0, 1, 1, 1], [0, 0, 0, 0], [1, 0, 0, 1], [0, 1, 1, 0], [1, 1, 1, 0], [0, 0, 1, 1], [0, 0, 0, 1], [1, 0, 1, 0]];
    const X = rows.map((r) => [1, r[0], r[1], r[2]]);
    const y = rows.map((r) => r[3]);
    const fit = fitLogistic(X, y, 1);
    const expected = [0.4314092387, -0.7372836860, -0.4916487700, -0.2270696695];
    fit.coefficients.forEach((b, j) => {
      expect(b, `β${j}`).toBeCloseTo(expected[j], 9);
    });
    expect(fit.iterations).toBeLessThan(20);
  });

  it("keeps a perfectly separating trait finite under a penalty, and a larger penalty shrinks it", () => {
    const X = [[1, 0], [1, 0], [1, 0], [1, 1], [1, 1], [1, 1]];
    const y = [0, 0, 0, 1, 1, 1];
    const weak = fitLogistic(X, y, 0.1).coefficients[1];
    const strong = fitLogistic(X, y, 10).coefficients[1];
    expect(Number.isFinite(weak)).toBe(true);
    expect(weak).toBeGreaterThan(strong);
    expect(strong).toBeGreaterThan(0);
    expect(() => fitLogistic(X, y, 0)).toThrow(/separable|singular/);
  });

  it("scores log loss as the mean of −log p of what happened", () => {
    // β = 0 → p = ½ for all: −log ½ = ln 2
    expect(logLoss([[1], [1]], [1, 0], [0])).toBeCloseTo(Math.LN2, 12);
  });
});
