/** The Risk page's chart specs: each compiles without warnings, encodes what it should, and leaves its input alone. */
import { describe, expect, it } from "vitest";
import { bookPieSpec } from "../../src/components/specs/book-pie.js";
import { csmCallsSpec } from "../../src/components/specs/csm-calls.js";
import { leadTimeSpec } from "../../src/components/specs/lead-time.js";
import { redVsChurnSpec } from "../../src/components/specs/red-vs-churn.js";
import { COLOR_SCALE, colorPieSpec } from "../../src/components/specs/risk-colors.js";
import { volatilitySpec } from "../../src/components/specs/volatility.js";
import { roundNumbers } from "../helpers/golden.ts";
import { compileWarnings } from "../helpers/vega.ts";

/** Calls spec(input) on a frozen deep copy, so any mutation throws; returns the spec. */
function build<T>(spec: (input: T) => Record<string, any>, input: T) {
  const frozen = structuredClone(input);
  const deepFreeze = (o: any): any => { if (o && typeof o === "object") { Object.values(o).forEach(deepFreeze); Object.freeze(o); } return o; };
  const s = spec(deepFreeze(frozen));
  expect(frozen).toEqual(input);
  expect(compileWarnings(s)).toEqual([]);
  return s;
}

describe("color pie", () => {
  it("draws a slice per color with something in it, unscored included", async () => {
    const slices = [{ color: "red", events: 2 }, { color: "yellow", events: 0 }, { color: "green", events: 5 }, { color: "unscored", events: 3 }];
    const s = build((x: typeof slices) => colorPieSpec(x, { field: "events" }), slices);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/color-pie.json");
    expect(s.mark.type).toBe("arc");
    expect(s.encoding.theta.field).toBe("value");
    expect(s.encoding.color.scale).toEqual(COLOR_SCALE);
    expect(s.data.values.map((v: any) => [v.color, v.value, v.share])).toEqual([["red", 2, 0.2], ["green", 5, 0.5], ["unscored", 3, 0.3]]);
  });
});

describe("red against churn", () => {
  it("pairs red share with logo churn and ARR red share with revenue churn, leaving missing rates out", async () => {
    const summary = { red_share: 0.1, logo_churn_rate: 0.2, red_share_arr: null, revenue_churn_rate: 0.15 };
    const s = build(redVsChurnSpec, summary);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/red-vs-churn.json");
    expect(s.encoding.x.field).toBe("value");
    expect(s.encoding.yOffset.field).toBe("measure");
    expect(s.data.values).toEqual([
      { basis: "Logos", measure: "Red share", value: 0.1 },
      { basis: "Logos", measure: "Churn", value: 0.2 },
      { basis: "ARR", measure: "Churn", value: 0.15 },
    ]);
  });
});

describe("per-CSM dumbbell", () => {
  it("joins red share to churn per CSM and colors the verdict", async () => {
    const rows = [
      { csm: "Ann", events: 12, red_share: 0.05, logo_churn_rate: 0.2, under_calling: true },
      { csm: "Bo", events: 5, red_share: 0, logo_churn_rate: 0.4, under_calling: false },
      { csm: null, events: 20, red_share: 0.3, logo_churn_rate: 0.2, under_calling: false },
      { csm: "Cy", events: 0, red_share: null, logo_churn_rate: null, under_calling: false },
    ];
    const s = build((x: typeof rows) => csmCallsSpec(x, { minEvents: 10 }), rows);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/csm-calls.json");
    expect(s.layer[0].mark.type).toBe("rule");
    expect(s.layer[0].encoding.x.field).toBe("red_share");
    expect(s.layer[0].encoding.x2.field).toBe("logo_churn_rate");
    expect(s.data.values.map((v: any) => [v.csm, v.flag])).toEqual([["Ann", "under-calling"], ["Bo", "too few renewals"], ["(no CSM)", "ok"]]);
    // drawn top to bottom in the rows' order (the pages pass them largest gap first)
    expect(s.encoding.y.sort).toEqual(["Ann", "Bo", "(no CSM)"]);
  });
});

describe("book series", () => {
  it("draws the red shares and the churn that followed per quarter start, gaps for missing rates, open quarters on a band", async () => {
    const series = [
      { quarter_start: "2025-01-01", red_share: 0.1, red_share_arr: 0.05, logo_churn_rate: 0.2, revenue_churn_rate: 0.1, closed: true },
      { quarter_start: "2025-04-01", red_share: 0.1, red_share_arr: 0.05, logo_churn_rate: 0.15, revenue_churn_rate: null, closed: false },
      { quarter_start: "2025-07-01", red_share: 0.12, red_share_arr: 0.05, logo_churn_rate: null, revenue_churn_rate: null, closed: false },
    ];
    const s = build(bookPieSpec, series);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/book-pie.json");
    const [band, main] = s.layer;
    expect(main.encoding.x).toMatchObject({ field: "quarter_start", type: "temporal" });
    // 4 + 3 + 2 values: the missing rates are left out, not drawn as 0
    expect(main.data.values).toHaveLength(9);
    expect(main.data.values.filter((v: any) => v.closed === "open")).toHaveLength(5);
    // open points are hollow, closed ones filled
    expect(main.layer[1].mark.filled).toBe(false);
    expect(main.layer[2].transform).toEqual([{ filter: "datum.closed === 'closed'" }]);
    expect(band.data.values).toEqual([{ from: "2025-04-01", to: "2025-07-01", label: "open: year not over" }]);
  });

  it("compact: red share against logo churn only, no band when every quarter is closed", async () => {
    const series = [{ quarter_start: "2025-01-01", red_share: 0.1, red_share_arr: 0.05, logo_churn_rate: 0.2, revenue_churn_rate: 0.1, closed: true }];
    const s = build((x: typeof series) => bookPieSpec(x, { compact: true }), series);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/book-pie-compact.json");
    expect(s.layer).toHaveLength(1);
    expect(s.layer[0].data.values.map((v: any) => v.measure)).toEqual(["Red share of accounts", "Logo churn, next 365 days"]);
  });
});

describe("lead time and volatility", () => {
  it("keeps the buckets in order with never red last", async () => {
    const buckets = [{ bucket: "1–30 days", events: 1, share: 0.5 }, { bucket: "never red", events: 1, share: 0.5 }];
    const s = build(leadTimeSpec, buckets);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/lead-time.json");
    expect(s.encoding.x.sort).toEqual(["1–30 days", "never red"]);
    expect(s.data.values.map((v: any) => v.never)).toEqual([false, true]);
  });

  it("bins changes per 90 days, leaving never-scored accounts out", async () => {
    const accounts = [{ changes_per_90_days: 0.5, flips: 0 }, { changes_per_90_days: null, flips: 0 }, { changes_per_90_days: 2.1, flips: 1 }];
    const s = build(volatilitySpec, accounts);
    await expect(JSON.stringify(roundNumbers(s), null, 1)).toMatchFileSnapshot("__golden__/volatility.json");
    expect(s.encoding.x.bin).toEqual({ step: 0.25 });
    expect(s.data.values).toEqual([{ rate: 0.5 }, { rate: 2.1 }]);
  });
});
