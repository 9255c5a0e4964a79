/** The Journey page's chart specs: they compile without warnings, encode what they should, and leave their input alone. */
import { describe, expect, it } from "vitest";
import { funnelSpec, stageDaysSpec, stalledSpec } from "../../src/components/specs/journey-funnel.js";
import { firstRenewalSpec, firstValueHistogramSpec, firstValueTrendSpec } from "../../src/components/specs/journey-first-value.js";
import { cohortHeatmapSpec, survivalSpec } from "../../src/components/specs/journey-retention.js";
import { roundNumbers } from "../helpers/golden.ts";
import { compileWarnings } from "../helpers/vega.ts";

/** Compiles the spec, and checks that building it did not touch `input` (compared with a copy taken before). */
function check<T>(input: T, build: (x: T) => any) {
  const before = structuredClone(input);
  const spec = build(input);
  expect(compileWarnings(spec)).toEqual([]);
  expect(input).toEqual(before);
  return spec;
}

describe("funnel", () => {
  // The whole book of fixture.ts and its SMB slice for two stages.
  const rows = [
    { series: "All segments", stage: "onboarded", share: 4 / 6, reached: 4, accounts: 6, median_days: 12, timed: 4 },
    { series: "All segments", stage: "advocate", share: 1 / 6, reached: 1, accounts: 6, median_days: 73, timed: 1 },
    { series: "SMB", stage: "onboarded", share: 0.5, reached: 2, accounts: 4, median_days: 12, timed: 2 },
    { series: "SMB", stage: "advocate", share: 0, reached: 0, accounts: 4, median_days: null, timed: 0 },
  ];

  it("draws the share per stage in stage order, one bar per series", async () => {
    const spec = check(rows, (r) => funnelSpec(r));
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/funnel.json");
    expect(spec.encoding.y.sort).toEqual(["Onboarded", "Adopted", "First value", "Expanded", "Renewed", "Advocate"]);
    expect(spec.encoding.x.field).toBe("share");
    expect(spec.encoding.yOffset.field).toBe("series");
    expect(spec.data.values.map((d: any) => [d.series, d.stage, d.share])).toEqual([
      ["All segments", "Onboarded", 4 / 6], ["All segments", "Advocate", 1 / 6], ["SMB", "Onboarded", 0.5], ["SMB", "Advocate", 0],
    ]);
  });

  it("draws median days per step, leaving out steps nobody took", async () => {
    const spec = check(rows, (r) => stageDaysSpec(r));
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/stage-days.json");
    expect(spec.data.values.map((d: any) => [d.series, d.step, d.median_days])).toEqual([
      ["All segments", "Start → Onboarded", 12], ["All segments", "Renewed → Advocate", 73], ["SMB", "Start → Onboarded", 12],
    ]);
    expect(spec.encoding.y.field).toBe("median_days");
  });

  it("counts stalled accounts per stage", async () => {
    const spec = check([{ stage: "not_onboarded", accounts: 1 }, { stage: "first_value", accounts: 1 }], (r) => stalledSpec(r));
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/stalled.json");
    expect(spec.data.values).toEqual([{ stage: "Not onboarded", accounts: 1 }, { stage: "First value", accounts: 1 }]);
  });
});

describe("time to first value", () => {
  it("stacks fast below slow in each bin and marks the threshold", async () => {
    // bin 45: 1 fast; bin 60: 1 fast and 2 slow (a threshold that is not a multiple of 15 splits a bin) → slow 1–3.
    const bins = [
      { bin_start: 60, first_value_class: "slow", accounts: 2 },
      { bin_start: 45, first_value_class: "fast", accounts: 1 },
      { bin_start: 60, first_value_class: "fast", accounts: 1 },
      { bin_start: 360, first_value_class: "slow", accounts: 4 },
    ];
    const spec = check(bins, (b) => firstValueHistogramSpec(b, { binDays: 15, lastBinStart: 360, threshold: 70 }));
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/first-value-histogram.json");
    expect(spec.layer[0].data.values.map((d: any) => [d.bin_start, d.bin_end, d.class, d.y0, d.y1, d.range])).toEqual([
      [45, 60, "Fast", 0, 1, "45–59 days"],
      [60, 75, "Fast", 0, 1, "60–74 days"],
      [60, 75, "Slow", 1, 3, "60–74 days"],
      [360, 375, "Slow", 0, 4, "360+ days"],
    ]);
    expect(spec.layer[1].data.values).toEqual([{ threshold: 70 }]);
  });

  it("draws quartiles per start quarter, leaving out quarters where nobody reached it", async () => {
    const rows = [
      { cohort: "2025-Q1", series: "All segments", p25_days: 64, median_days: 78, p75_days: 92, reached: 2 },
      { cohort: "2024-Q2", series: "All segments", p25_days: 60, median_days: 60, p75_days: 60, reached: 1 },
      { cohort: "2025-Q4", series: "All segments", p25_days: null, median_days: null, p75_days: null, reached: 0 },
    ];
    const spec = check(rows, (r) => firstValueTrendSpec(r));
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/first-value-trend.json");
    expect(spec.layer[0].encoding.x.sort).toEqual(["2024-Q2", "2025-Q1"]);
    expect(spec.layer[0].encoding.y.field).toBe("median");
    expect(spec.layer[1].encoding.y2.field).toBe("p75");
    expect(spec.layer[1].transform).toEqual([{ filter: { field: "series", equal: "All segments" } }]);
  });

  it("compares retention at the first renewal by class, without missing rates", async () => {
    // The page's figures for fixture.ts: fast 100% / 100%; slow nothing resolved; none 50% / 1/7.
    const rows = [
      { first_value_class: "fast", resolved_events: 2, logo_retention: 1, grr: 1 },
      { first_value_class: "slow", resolved_events: 0, logo_retention: null, grr: null },
      { first_value_class: "none", resolved_events: 2, logo_retention: 0.5, grr: 1 / 7 },
      { first_value_class: "pending", resolved_events: 0, logo_retention: null, grr: null },
    ];
    const spec = check(rows, (r) => firstRenewalSpec(r));
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/first-renewal.json");
    expect(spec.data.values.map((d: any) => [d.class, d.measure, d.value])).toEqual([
      ["Fast", "Logo retention", 1], ["Fast", "GRR", 1], ["Not reached", "Logo retention", 0.5], ["Not reached", "GRR", 1 / 7],
    ]);
  });
});

describe("retention", () => {
  it("draws a heatmap cell per start quarter and month", async () => {
    const cells = [
      { start_quarter: "2025-Q1", months: 10, observed: 3, logo_retention: 1 },
      { start_quarter: "2024-Q2", months: 12, observed: 1, logo_retention: 0.4 },
      { start_quarter: "2024-Q2", months: 13, observed: 0, logo_retention: null },
    ];
    const spec = check(cells, (c) => cohortHeatmapSpec(c, { measure: "logo_retention", measureLabel: "Logo retention" }));
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/cohort-heatmap.json");
    expect(spec.encoding.y.sort).toEqual(["2024-Q2", "2025-Q1"]);
    expect(spec.encoding.x.field).toBe("months");
    expect(spec.encoding.color.scale.domain).toEqual([0.4, 1]);
    expect(spec.data.values.length).toBe(2);
  });

  it("draws Kaplan–Meier steps from 100% on day 0, with the interval where it exists", async () => {
    // The SMB curve of kaplan-meier.test.ts: 0.95 from day 334, 0.855 from day 700 (months = days / 30.4375).
    const rows = [
      { series: "SMB", days: 334, survival: 0.95, at_risk: 100, events: 5, censored: 0, lower: 0.9, upper: 0.98 },
      { series: "SMB", days: 700, survival: 0.855, at_risk: 60, events: 6, censored: 0, lower: 0.7495, upper: 0.9184 },
    ];
    const spec = check(rows, (r) => survivalSpec(r, { band: true }));
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/survival.json");
    expect(spec.data.values.map((d: any) => [d.months, d.survival])).toEqual([[0, 1], [334 / 30.4375, 0.95], [700 / 30.4375, 0.855]]);
    expect(spec.layer.map((l: any) => l.mark.interpolate)).toEqual(["step-after", "step-after"]);
    expect(spec.layer[0].encoding.y2.field).toBe("upper");
    expect(spec.layer[1].encoding.y.field).toBe("survival");
    expect(survivalSpec(rows).layer.length).toBe(1);
  });
});
