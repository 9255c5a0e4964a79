/** The Revenue page's chart specs: they compile without warnings, encode what they should, and leave their input alone. */
import { describe, expect, it } from "vitest";
import { pairedRatesSpec } from "../../src/components/specs/paired-rates.js";
import { ttmSpec } from "../../src/components/specs/revenue-ttm.js";
import { waterfallSpec, waterfallSteps } from "../../src/components/specs/revenue-waterfall.js";
import { roundNumbers } from "../helpers/golden.ts";
import { compileWarnings } from "../helpers/vega.ts";

// The mixed book of waterfall.test.ts, 2025: starting 13,600 → resolved 12,100 → full loss 3600, partial 1500
// → retained 7000 → upsell 200, cross-sell 1500 → ending 8700.
const cohort = { starting: 13_600, resolved: 12_100, full_loss: 3600, partial_loss: 1500, retained: 7000, upsell: 200, cross_sell: 1500, ending: 8700 };

describe("waterfall", () => {
  it("steps from starting value to ending value", () => {
    // Each floating bar starts where the previous one ended: 13,600 → 12,100 (−1500 unresolved) → 8500 (−3600)
    // → 7000 (−1500) → 7200 (+200) → 8700 (+1500); totals and subtotals stand on 0.
    // Labels follow the site's one money rule: compact from 10,000 ($13.6K), whole units below.
    expect(waterfallSteps(cohort).map((d: Record<string, unknown>) => [d.step, d.start, d.end, d.label])).toEqual([
      ["Starting value", 0, 13_600, "$13.6K"],
      ["Unresolved", 13_600, 12_100, "−$1,500"],
      ["Resolved", 0, 12_100, "$12.1K"],
      ["Full loss", 12_100, 8500, "−$3,600"],
      ["Partial loss", 8500, 7000, "−$1,500"],
      ["Retained", 0, 7000, "$7,000"],
      ["Upsell", 7000, 7200, "+$200"],
      ["Cross-sell", 7200, 8700, "+$1,500"],
      ["Ending value", 0, 8700, "$8,700"],
    ]);
  });

  it("compiles without warnings, in step order, and leaves its input alone", async () => {
    const input = structuredClone(cohort);
    const spec = waterfallSpec(cohort, { currency: "EUR" });
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/waterfall.json");
    expect(compileWarnings(spec)).toEqual([]);
    expect(spec.encoding.x.sort).toEqual(["Starting value", "Unresolved", "Resolved", "Full loss", "Partial loss", "Retained", "Upsell", "Cross-sell", "Ending value"]);
    expect(spec.layer[0].encoding.y.field).toBe("start");
    expect(spec.layer[0].encoding.y2.field).toBe("end");
    expect(spec.layer[0].encoding.y.title).toBe("Contract value (EUR)");
    expect(cohort).toEqual(input);
  });
});

describe("paired rates", () => {
  const series: Record<string, string | number | null>[] = [
    { period: "2025-Q1", grr: 6 / 7, nrr: 1 },
    { period: "2025-Q2", grr: 4000 / 8600, nrr: 5200 / 8600 },
    { period: "2025-Q3", grr: null, nrr: null },
  ];
  const measures = [{ field: "grr", label: "GRR", color: "#4269d0" }, { field: "nrr", label: "NRR", color: "#3ca951" }];

  it("puts both rates side by side per period and leaves out missing ones", async () => {
    const input = structuredClone(series);
    const spec = pairedRatesSpec(series, { measures, title: "GRR and NRR", reference: 1 });
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/paired-rates.json");
    expect(compileWarnings(spec)).toEqual([]);
    const bars = spec.layer[0].encoding;
    expect(bars.xOffset.field).toBe("measure");
    expect(bars.color.scale.domain).toEqual(["GRR", "NRR"]);
    // 2025-Q3 resolved nothing: its null rates are not drawn as 0.
    expect(spec.data.values.map((d: { period: string; measure: string }) => `${d.period} ${d.measure}`)).toEqual(["2025-Q1 GRR", "2025-Q1 NRR", "2025-Q2 GRR", "2025-Q2 NRR"]);
    expect(spec.layer[1].data.values).toEqual([{ ref: 1 }]);
    expect(series).toEqual(input);
  });
});

describe("TTM", () => {
  it("draws the four rates per month end, in UTC", async () => {
    const series: Record<string, string | number | null>[] = [{ month_end: "2025-01-31", grr: 1, nrr: 1.5, revenue_churn_rate: 0, logo_churn_rate: 0 }, { month_end: "2025-02-28", grr: null, nrr: null, revenue_churn_rate: null, logo_churn_rate: null }];
    const input = structuredClone(series);
    const spec = ttmSpec(series);
    await expect(JSON.stringify(roundNumbers(spec), null, 1)).toMatchFileSnapshot("__golden__/ttm.json");
    expect(compileWarnings(spec)).toEqual([]);
    expect(spec.encoding.x.timeUnit).toBe("utcyearmonthdate");
    expect(spec.data.values).toHaveLength(4);
    expect(spec.encoding.color.scale.domain).toEqual(["GRR", "NRR", "Revenue churn", "Logo churn"]);
    expect(series).toEqual(input);
  });
});
