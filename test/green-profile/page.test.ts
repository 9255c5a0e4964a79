/** The Green profile page's pure parts: the two chart specs and the blueprint wording. */
import { describe, expect, it } from "vitest";
import { blueprint, ciText, forSlice, metricValue, points, prevalenceSentence, traitSentence, withDefinitions } from "../../src/components/green-profile.js";
import { metricCohortsSpec } from "../../src/components/specs/metric-cohorts.js";
import { traitIntervalsSpec } from "../../src/components/specs/trait-intervals.js";
import { roundNumbers } from "../helpers/golden.ts";
import { compileWarnings } from "../helpers/vega.ts";

// spec layers are plain JSON, read freely
type Layer = { encoding: Record<string, any> };

// the sample book's executive-sponsor row (data/README.md): 1,776 with (93.1% kept), 1,973 without (79.6%)
const sponsor = {
  segment: null, period: null, trait: "has_exec_sponsor", rank: 2, verdict: "driver", events: 3749, unmeasured: 0,
  with_events: 1776, with_retained: 1653, without_events: 1973, without_retained: 1571,
  retention_with: 1653 / 1776, retention_without: 1571 / 1973, difference: 0.134, ci_low: 0.113, ci_high: 0.156,
  green_retained: 2048, green_retained_with: 1177, prevalence_green: 1177 / 2048, red_events: 633, red_with: 215, prevalence_red: 215 / 633,
};
const promoter = { ...sponsor, trait: "nps_promoter", rank: 1, verdict: "no evidence", with_events: 1477, without_events: 2272,
  retention_with: 0.86, retention_without: 0.8601, difference: -0.0001, ci_low: -0.023, ci_high: 0.022 };
const unmeasured = { ...sponsor, trait: "fast_first_value", rank: 3, verdict: "not measured", difference: null, ci_low: null, ci_high: null };
const traits = [
  { trait: "has_exec_sponsor", label: "Executive sponsor (today)", phrase: "with an executive sponsor", today_state: true },
  { trait: "nps_promoter", label: "NPS promoter (latest ≥ 9)", phrase: "whose latest NPS answer was 9 or more", today_state: false },
  { trait: "fast_first_value", label: "First value within 60 days", phrase: "that reached first value within 60 days", today_state: false },
];

describe("blueprint wording", () => {
  it("says what retained accounts had, with the interval and the counts behind it", () => {
    const [r] = withDefinitions([sponsor], traits);
    // 1653 / 1776 = 93.07% → 93.1%; 1571 / 1973 = 79.62% → 79.6%
    expect(traitSentence(r)).toBe("Accounts with an executive sponsor renewed 93.1% of the time against 79.6% without " +
      "(difference 13.4 points, 95% CI 11.3–15.6; 1,776 renewals with, 1,973 without).");
    // 1177 / 2048 = 57.5% → 57%; 215 / 633 = 34.0% → 34%
    expect(prevalenceSentence(r)).toBe("57% of the renewals green at the lookback and retained had it (1,177 of 2,048), against 34% of those red at the lookback (215 of 633).");
  });

  it("writes negative bounds with a minus sign and 'to', and says 'for the others' when the phrase is not 'with …'", () => {
    const [r] = withDefinitions([promoter], traits);
    expect(points(-0.0001)).toBe("0.0");
    expect(points(-0.023)).toBe("−2.3");
    expect(ciText(r)).toBe("95% CI −2.3 to 2.2");
    expect(traitSentence(r)).toContain("renewed 86.0% of the time against 86.0% for the others");
  });

  it("groups a slice by verdict in rank order, and picks slices by exact segment and period", () => {
    const rows = withDefinitions([unmeasured, sponsor, promoter], traits);
    expect(rows.map((r: { trait: string }) => r.trait)).toEqual(["nps_promoter", "has_exec_sponsor", "fast_first_value"]);
    const g = blueprint(rows);
    expect([g.drivers.length, g.noEvidence.length, g.notMeasured.length, g.warnings.length, g.tooFew.length]).toEqual([1, 1, 1, 0, 0]);
    const data = [{ segment: null, period: null, n: 1 }, { segment: "SMB", period: null, n: 2 }, { segment: "SMB", period: "2025", n: 3 }];
    expect(forSlice(data, "SMB", null).map((r: { n: number }) => r.n)).toEqual([2]);
    expect(forSlice(data, null, null).map((r: { n: number }) => r.n)).toEqual([1]);
    expect([metricValue(0.625, "share"), metricValue(1.234, "ratio"), metricValue(45, "days"), metricValue(1, "days"), metricValue(null, "count")]).toEqual(["63%", "1.23", "45 days", "1 day", "—"]);
  });
});

describe("traitIntervalsSpec", () => {
  it("compiles without warnings, plots points of difference ranked, and leaves unmeasured traits out", async () => {
    const rows = withDefinitions([unmeasured, sponsor, promoter], traits);
    const before = structuredClone(rows);
    const spec = traitIntervalsSpec(rows);
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/trait-intervals.json");
    expect(compileWarnings(spec)).toEqual([]);
    expect(rows).toEqual(before);
    expect(spec.data.values.map((v: { label: string }) => v.label)).toEqual(["NPS promoter (latest ≥ 9) · 1,477 vs 2,272", "Executive sponsor (today) · 1,776 vs 1,973"]);
    expect(spec.data.values[1]).toMatchObject({ difference: expect.closeTo(13.4, 9), ci_low: expect.closeTo(11.3, 9), ci_high: expect.closeTo(15.6, 9) });
    const [zero, interval, dot] = spec.layer as Layer[];
    expect(zero.encoding.x.datum).toBe(0);
    expect([interval.encoding.x.field, interval.encoding.x2.field, dot.encoding.x.field]).toEqual(["ci_low", "ci_high", "difference"]);
    expect(dot.encoding.y.sort).toEqual(spec.data.values.map((v: { label: string }) => v.label));
    expect(dot.encoding.color.scale.domain).toEqual(["driver", "no evidence", "warning sign", "too few events"]);
  });
});

describe("metricCohortsSpec", () => {
  const cohorts = [
    { segment: null, period: null, metric: "license_utilization", cohort: 1, events: 393, retained: 138, retention: 0.351, ci_low: 0.305, ci_high: 0.4, value_min: 0, value_max: 0.17, value_mean: 0.07 },
    { segment: null, period: null, metric: "license_utilization", cohort: 2, events: 360, retained: 320, retention: 0.889, ci_low: 0.852, ci_high: 0.917, value_min: 0.17, value_max: 0.27, value_mean: 0.22 },
  ];
  it("compiles without warnings, puts retention against the cohort average, and draws the baseline", async () => {
    const before = structuredClone(cohorts);
    const spec = metricCohortsSpec(cohorts, { title: "License utilization", unit: "share", baseline: 0.86 });
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/metric-cohorts.json");
    expect(compileWarnings(spec)).toEqual([]);
    expect(cohorts).toEqual(before);
    const [base, bars, line, dots] = spec.layer as Layer[];
    expect(base.encoding.y.datum).toBe(0.86);
    expect([bars.encoding.y.field, bars.encoding.y2.field]).toEqual(["ci_low", "ci_high"]);
    expect([line.encoding.x.field, line.encoding.y.field, dots.encoding.y.field]).toEqual(["value_mean", "retention", "retention"]);
    expect(dots.encoding.x.axis.format).toBe(".0%");
    expect(spec.data.values).toHaveLength(2);
    expect(metricCohortsSpec(cohorts, { unit: "days" }).layer).toHaveLength(3);
  });
});
