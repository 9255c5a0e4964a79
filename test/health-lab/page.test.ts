/** The Health lab page's pure parts: the two chart specs and the sentences. */
import { describe, expect, it } from "vitest";
import { aucSentence, aucText, forSlice, headToHeadSentence, oddsText, scorecardRows, yearsText } from "../../src/components/health-lab.js";
import { precisionRecallSpec } from "../../src/components/specs/precision-recall.js";
import { rocSpec } from "../../src/components/specs/roc-curve.js";
import { scoreCalibrationSpec } from "../../src/components/specs/score-calibration.js";
import { roundNumbers } from "../helpers/golden.ts";
import { compileWarnings } from "../helpers/vega.ts";

describe("head-to-head sentence", () => {
  it("reads as the issue words it, with the counts behind it", () => {
    // 12% red; the scorecard flags 58% of churn, the color 31%
    const h = { test_year: 2025, events: 1000, churned: 100, red: 120, red_share: 0.12, churned_red: 31, churned_flagged_by_scorecard: 58,
      flagged_by_color: 0.31, flagged_by_scorecard: 0.58 };
    expect(headToHeadSentence(h)).toBe("At the same 12% red, the scorecard would have flagged 58% of churn against the color's 31% " +
      "(2025: 100 churned of 1,000 renewals; 120 were red at the lookback).");
    expect(headToHeadSentence(null)).toMatch(/No scorecard/);
  });
});

describe("AUC wording", () => {
  const r = { cohort: "all", segment: null, subject: "score", events: 3749, churned: 525, no_score: 125, auc: 0.7939, ci_low: 0.7697, ci_high: 0.8181, verdict: "better than chance" };
  it("gives the AUC with its interval, its meaning, the verdict and what was left out", () => {
    expect(aucText(r)).toBe("0.79 (95% CI 0.77–0.82)");
    expect(aucSentence(r)).toBe("Health score: AUC 0.79 (95% CI 0.77–0.82): a churned renewal ranked riskier than a retained one 79% of the time; " +
      "better than chance (125 renewals had no score at the lookback and are left out).");
    expect(aucSentence({ ...r, subject: "color", auc: 0.52, ci_low: 0.45, ci_high: 0.59, verdict: "no better than chance", no_score: 0 }))
      .toBe("Health color: AUC 0.52 (95% CI 0.45–0.59): a churned renewal ranked riskier than a retained one 52% of the time; no better than chance.");
    expect(aucText({ ...r, auc: null })).toBe("—");
  });

  it("picks a slice by exact cohort and segment (null = whole book)", () => {
    const rows = [r, { ...r, segment: "SMB" }, { ...r, cohort: "2025" }];
    expect(forSlice(rows, "all", null)).toEqual([r]);
    expect(forSlice(rows, "all", "SMB")).toHaveLength(1);
  });
});

describe("scorecard table", () => {
  it("shows a coefficient as churn odds with its interval, and says which state earns the points", () => {
    // e^−1.9074 = 0.1485; e^−2.3201 = 0.0983; e^−1.4946 = 0.2244
    const row = { trait: "business_review", coefficient: -1.9074, ci_low: -2.3201, ci_high: -1.4946, direction: "protective", points: 14.7, points_unmeasured: null };
    expect(oddsText(row)).toBe("×0.15 (0.10–0.22)");
    const [shown] = scorecardRows([row]);
    expect([shown.earns, shown.unmeasured, shown.direction_text]).toEqual(["with the trait", "as without", "protective"]);
    expect(scorecardRows([{ ...row, direction: "risk", coefficient: 0.22, ci_low: -0.2, ci_high: 0.65, points_unmeasured: 3.25 }])[0])
      .toMatchObject({ earns: "without the trait", unmeasured: "3.3", direction_text: "unclear" });
    expect(yearsText(["2023", "2024"])).toBe("2023–2024");
  });
});

describe("chart specs", () => {
  it("ROC: one line per ranking starting at the origin, with the chance diagonal, compiling cleanly", async () => {
    const rows = [
      { subject: "color", threshold: 2, flagged: 2, tpr: 0.5, fpr: 0.25 },
      { subject: "color", threshold: 1, flagged: 4, tpr: 1, fpr: 0.5 },
      { subject: "score", threshold: 60, flagged: 3, tpr: 0.5, fpr: null },
    ];
    const s: Record<string, any> = rocSpec(rows);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/roc.json");
    expect(compileWarnings(s)).toEqual([]);
    expect(s.layer[0].data.values).toEqual([{ x: 0, y: 0 }, { x: 1, y: 1 }]);
    const pts = s.layer[1].data.values.map((v: { ranking: string; fpr: number; tpr: number }) => [v.ranking, v.fpr, v.tpr]);
    // a point without a false-positive rate (no retained renewals) is left out
    expect(pts).toEqual([["Health color", 0, 0], ["Health color", 0.25, 0.5], ["Health color", 0.5, 1], ["Health score", 0, 0]]);
  });

  it("precision–recall: one line per ranking, and the churn rate of flagging every renewal, compiling cleanly", async () => {
    // color ranks 6 renewals, 2 churned: risk 2 holds 1 churned of 2, risk 1 the other churned of 2, risk 0 none of 2;
    // score ranks 5 (one had no score): its riskiest renewal churned, the other 4 hold the second churn
    const rows = [
      { subject: "color", threshold: 2, flagged: 2, true_positives: 1, tpr: 1 / 2, fpr: 1 / 4, precision: 1 / 2 },
      { subject: "color", threshold: 1, flagged: 4, true_positives: 2, tpr: 1, fpr: 2 / 4, precision: 2 / 4 },
      { subject: "color", threshold: 0, flagged: 6, true_positives: 2, tpr: 1, fpr: 1, precision: 2 / 6 },
      { subject: "score", threshold: 60, flagged: 1, true_positives: 1, tpr: 1 / 2, fpr: 0, precision: 1 },
      { subject: "score", threshold: 40, flagged: 5, true_positives: 2, tpr: 1, fpr: 1, precision: 2 / 5 },
    ];
    const s: Record<string, any> = precisionRecallSpec(rows);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/precision-recall.json");
    expect(compileWarnings(s)).toEqual([]);
    const pts = s.layer[1].data.values.map((v: { ranking: string; recall: number; precision: number }) => [v.ranking, v.recall, v.precision]);
    expect(pts).toEqual([["Health color", 0.5, 0.5], ["Health color", 1, 0.5], ["Health color", 1, 1 / 3], ["Health score", 0.5, 1], ["Health score", 1, 0.4]]);
    // the color ranks the most renewals (6): flagging all of them finds 2 churned, a third
    expect(s.layer[0].data.values).toEqual([{ rate: 1 / 3, flagged: 6 }]);
    // a slice without churn has no recall: nothing to draw, and no churn-rate line
    const none: Record<string, any> = precisionRecallSpec([{ subject: "score", threshold: 50, flagged: 3, true_positives: 0, tpr: null, fpr: 1, precision: 0 }]);
    expect([none.layer[0].data.values, none.layer[1].data.values]).toEqual([[], []]);
  });

  it("calibration: each decile at its mean score with its interval, compiling cleanly", async () => {
    const rows = [{ decile: 1, events: 10, churned: 5, score_min: 8, score_max: 30, score_mean: 20, churn_rate: 0.5, ci_low: 0.24, ci_high: 0.76 }];
    const s = scoreCalibrationSpec(rows);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/score-calibration.json");
    expect(compileWarnings(s)).toEqual([]);
    expect(s.data.values[0]).toMatchObject({ score: 20, rate: 0.5, low: 0.24, high: 0.76, range: "8–30" });
  });
});
