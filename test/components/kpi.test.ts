import { describe, expect, it } from "vitest";
import { history, sparkPoints, trend } from "../../src/components/kpi.js";

describe("KPI cards against the prior period", () => {
  it("colour a move by whether up is good", () => {
    // GRR 0.893 → 0.908: up 1.5 points, good
    expect(trend({ now: 0.908, before: 0.893, kind: "pct" })).toMatchObject({ arrow: "▲", text: "+1.5 pts", tone: "good" });
    // churn up is bad
    expect(trend({ now: 0.12, before: 0.1, kind: "pct", upIsGood: false })).toMatchObject({ arrow: "▲", text: "+2.0 pts", tone: "bad" });
    expect(trend({ now: 90, before: 120, kind: "int" })).toMatchObject({ arrow: "▼", text: "−30", tone: "bad" });
    // a change smaller than the shown precision is no change
    expect(trend({ now: 0.9001, before: 0.9, kind: "pct" })).toMatchObject({ arrow: "▶", tone: "flat" });
    expect(trend({ now: 0.9, before: null, kind: "pct" })).toMatchObject({ text: "no prior period", tone: "flat" });
    // a share with no better direction: arrow, no colour
    expect(trend({ now: 0.2, before: 0.17, kind: "pct", upIsGood: null })).toMatchObject({ arrow: "▲", text: "+3.0 pts", tone: "flat", title: "up on the prior period" });
  });

  it("take the series up to the chosen period and the one before it", () => {
    const values: Record<string, number | null> = { "2021": 1, "2022": null, "2023": 3, "2024": 4, "2025": 5 };
    const periods = Object.keys(values);
    expect(history(periods, "2024", (p) => values[p])).toEqual({ values: [1, null, 3, 4], before: 3, prior: "2023" });
    expect(history(periods, "2025", (p) => values[p], { last: 2 })).toEqual({ values: [4, 5], before: 4, prior: "2024" });
    expect(history(periods, "2021", (p) => values[p])).toEqual({ values: [1], before: null, prior: null });
    expect(history(periods, "1999", (p) => values[p]).values).toEqual([]);
  });

  it("draw a sparkline bottom-to-top, breaking at gaps", () => {
    // 3 values in an 80×24 box with 2 px padding: x at 2, 40, 78; the lowest value at y = 22, the highest at y = 2
    expect(sparkPoints([1, 3, 2])).toEqual([["2.0,22.0", "40.0,2.0", "78.0,12.0"]]);
    // 4 values: x = 2 + i × 76 / 3, so the third sits at 52.7
    expect(sparkPoints([1, null, 2, 3])).toEqual([["2.0,22.0"], ["52.7,12.0", "78.0,2.0"]]);
    expect(sparkPoints([5])).toEqual([]);
  });
});
