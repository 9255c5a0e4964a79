/** The health lab's ranking statistics on examples worked by hand (docs/metrics.md § Health lab). */
import { describe, expect, it } from "vitest";
import { aucVerdict, aucWithInterval, churnAmongRiskiest, hanleyMcNeil, liftAt, mannWhitneyAuc, rocPoints } from "../../loaders/datasets/stats/ranking.ts";

// Six renewals ranked by color risk (red 2, yellow 1, green 0): churned red and yellow; retained red, yellow, green, green.
const six = [
  { risk: 2, churned: true }, { risk: 1, churned: true },
  { risk: 2, churned: false }, { risk: 1, churned: false }, { risk: 0, churned: false }, { risk: 0, churned: false },
];

describe("AUC (Mann–Whitney, ties counted half)", () => {
  it("counts every churned × retained pair, a tie as half", () => {
    // churned red vs retained red, yellow, green, green: ½ + 1 + 1 + 1 = 3.5
    // churned yellow vs the same four:                   0 + ½ + 1 + 1 = 2.5
    // (3.5 + 2.5) / (2 × 4 pairs) = 6 / 8 = 0.75
    expect(mannWhitneyAuc(six)).toBeCloseTo(0.75, 12);
  });

  it("is 1 for a perfect ranking, 0.5 when everything ties, and null without both outcomes", () => {
    expect(mannWhitneyAuc([{ risk: 5, churned: true }, { risk: 1, churned: false }])).toBe(1);
    expect(mannWhitneyAuc(six.map((o) => ({ ...o, risk: 7 })))).toBe(0.5);
    expect(mannWhitneyAuc(six.filter((o) => !o.churned))).toBeNull();
  });

  it("equals the area under its own ROC points (trapezoids)", () => {
    const pts = rocPoints(six);
    // risk ≥ 2: 2 flagged, 1 churned → tpr ½, fpr ¼; ≥ 1: 4 flagged, 2 churned → 1, ½; ≥ 0: all → 1, 1
    expect(pts.map((p) => [p.threshold, p.flagged, p.true_positives, p.tpr, p.fpr, p.precision])).toEqual([
      [2, 2, 1, 0.5, 0.25, 0.5], [1, 4, 2, 1, 0.5, 0.5], [0, 6, 2, 1, 1, 2 / 6],
    ]);
    let area = 0;
    let prev = { tpr: 0, fpr: 0 };
    for (const p of pts) {
      area += ((p.fpr! - prev.fpr) * (p.tpr! + prev.tpr)) / 2;
      prev = { tpr: p.tpr!, fpr: p.fpr! };
    }
    expect(area).toBeCloseTo(0.75, 12);
  });
});

describe("Hanley–McNeil interval", () => {
  it("matches A = 0.8 with 10 churned and 20 retained worked by hand", () => {
    // Q1 = 0.8 / 1.2 = 0.666667; Q2 = 2 × 0.64 / 1.8 = 0.711111
    // SE² = (0.8 × 0.2 + 9 × (0.666667 − 0.64) + 19 × (0.711111 − 0.64)) / 200 = (0.16 + 0.24 + 1.351111) / 200 = 0.00875556
    // SE = 0.0935711; 1.96 × SE = 0.183399 → 0.616601 to 0.983399
    const ci = hanleyMcNeil(0.8, 10, 20);
    expect(ci.low).toBeCloseTo(0.6166, 4);
    expect(ci.high).toBeCloseTo(0.9834, 4);
  });

  it("gives the six-renewal example an interval that includes 0.5: no better than chance", () => {
    // A = 0.75, n1 = 2, n0 = 4: Q1 = 0.6, Q2 = 1.125 / 1.75 = 0.642857
    // SE² = (0.1875 + 1 × 0.0375 + 3 × 0.080357) / 8 = 0.058259 → SE = 0.241369, 1.96 × SE = 0.473083
    // 0.75 − 0.473083 = 0.276917; the upper end 1.223 is clipped to 1
    const a = aucWithInterval(six);
    expect([a.events, a.churned]).toEqual([6, 2]);
    expect(a.low).toBeCloseTo(0.2769, 4);
    expect(a.high).toBe(1);
    expect(aucVerdict(a)).toBe("no better than chance");
  });

  it("calls an interval wholly above 0.5 better than chance, below it worse, and an empty class not enough events", () => {
    expect(aucVerdict({ events: 30, churned: 10, auc: 0.8, low: 0.62, high: 0.98 })).toBe("better than chance");
    expect(aucVerdict({ events: 30, churned: 10, auc: 0.2, low: 0.02, high: 0.38 })).toBe("worse than chance");
    expect(aucVerdict(aucWithInterval(six.filter((o) => o.churned)))).toBe("not enough events");
  });
});

describe("churn among the riskiest, and lift", () => {
  it("shares a group tied at the cut in proportion", () => {
    // 3 slots: the two reds (1 churned), then 1 of the 2 yellows (1 churned of 2 → ½)
    expect(churnAmongRiskiest(six, 3)).toBeCloseTo(1.5, 12);
    expect(churnAmongRiskiest(six, 0)).toBe(0);
    expect(churnAmongRiskiest(six, 99)).toBe(2);
  });

  it("lift at a third: churn rate of the riskiest two (½) over the overall rate (⅓) = 1.5", () => {
    const l = liftAt(six, 1 / 3);
    expect(l.flagged).toBeCloseTo(2, 12);
    expect(l.churn_rate).toBeCloseTo(0.5, 12);
    expect(l.lift).toBeCloseTo(1.5, 12);
  });
});
