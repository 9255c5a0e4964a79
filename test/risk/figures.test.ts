/** The page's small functions (src/components/risk.js) on rows written by hand, and a book without a health file. */
import { describe, expect, it } from "vitest";
import { inPeriod, ratio } from "../../src/components/metrics.js";
import { leadTimes, perCsm, redVsChurn, riskSentence, calibration, withGroups } from "../../src/components/risk.js";
import { csv, stage } from "../helpers/stage.ts";

const row = (color: string, events: number, churned: number, arr: number, lost_arr: number, csm: string | null = "Ann") => ({ color, events, churned, arr, lost_arr, csm });

describe("rates from sums", () => {
  it("are missing (null), never 0 or NaN, when the denominator is 0", () => {
    expect(ratio(1, 0)).toBeNull();
    const v = redVsChurn([]);
    expect(v).toMatchObject({ events: 0, red_share: null, logo_churn_rate: null, precision: null, recall: null, missed_churn: null, under_calls: false });
    expect(calibration([]).map((c) => c.share_of_churned)).toEqual([null, null, null, null]);
  });

  it("sum money to the cent whatever the row order", () => {
    const rows = [row("red", 1, 0, 0.1, 0), row("red", 1, 0, 0.2, 0), row("green", 1, 1, 0.3, 0.3)];
    expect(redVsChurn(rows)).toMatchObject({ arr: 0.6, red_arr: 0.3, lost_arr: 0.3 });
  });

  it("match periods: all, a year, or a quarter", () => {
    expect(inPeriod("2025-Q1", null)).toBe(true);
    expect(inPeriod("2025-Q1", "2025")).toBe(true);
    expect(inPeriod("2025-Q1", "2024")).toBe(false);
    expect(inPeriod("2025-Q1", "2025-Q1")).toBe(true);
    expect(inPeriod("2025-Q2", "2025-Q1")).toBe(false);
  });

  it("attach the group's segment, region and CSM", () => {
    const groups = [{ group_id: 1, segment: "SMB", region: "NA", csm: null }];
    expect(withGroups([{ group_id: 1, events: 2 }], groups)).toEqual([{ group_id: 1, events: 2, segment: "SMB", region: "NA", csm: null }]);
  });
});

describe("per CSM", () => {
  it("flags at the minimum, not below it, and never a missing CSM", () => {
    // Ann: 10 events, 1 red, 2 churned → 10% < 20%; Bo: 9 events, 0 red, 3 churned; null: 10 events, 0 red, 5 churned
    // listed by gap (churn − red share), largest first: null 50%, Bo 33%, Ann 10%
    const rows = [row("red", 1, 0, 1, 0, "Ann"), row("green", 9, 2, 9, 2, "Ann"), row("green", 9, 3, 9, 3, "Bo"), row("green", 10, 5, 10, 5, null)];
    expect(perCsm(rows, 10).map((r) => [r.csm, r.events, r.under_calling])).toEqual([[null, 10, false], ["Bo", 9, false], ["Ann", 10, true]]);
  });
});

describe("lead-time buckets", () => {
  it("put each day count in its bucket, edges included", () => {
    const rows = [1, 30, 31, 60, 61, 90, 91, 180, 181, 365].map((d) => ({ lead_days: d, events: 1, arr: 10 }));
    const b = leadTimes([...rows, { lead_days: null, events: 2, arr: 20 }]);
    expect(b.map((x) => [x.bucket, x.events])).toEqual([
      ["1–30 days", 2], ["31–60 days", 2], ["61–90 days", 2], ["91–180 days", 2], ["181–365 days", 2], ["never red", 2],
    ]);
    expect(b.at(-1)!.share).toBe(2 / 12);
  });
});

describe("the lead sentence", () => {
  it("says what the red slice covered, what churned, and what was missed", () => {
    // 10 renewals: 1 red (churned), 2 yellow (1 churned), 6 green (1 churned), 1 unscored (1 churned)
    const rows = [row("red", 1, 1, 100, 100), row("yellow", 2, 1, 200, 100), row("green", 6, 1, 600, 100), row("unscored", 1, 1, 100, 100)];
    const text = riskSentence(redVsChurn(rows), calibration(rows), { period: "2025", lookback: 90 });
    expect(text).toBe("In 2025, 90 days before renewal, red covered 10% of the accounts up for renewal (10% of their ARR); 40% churned (40% of the revenue). " +
      "50% of the churned accounts were green or yellow 90 days before renewal, and 25% had no score. " +
      "Red under-calls churn: the red slice is smaller than the churn it should cover.");
  });
});

describe("a book without a health file", () => {
  it("puts every renewal in the unscored slice: nothing dropped, no red share, verdict \"no health scores\" in both views", async () => {
    const s = await stage({
      "accounts.csv": csv("account_id,customer_since,csm", "A1,2024-01-01,Ann", "A2,2024-01-01,Ann"),
      "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
        "R1,A1,2025-03-01,2025-03-01,Core,100,0", "R2,A2,2025-03-01,2025-03-01,Core,100,100"),
    }, { config: { asOf: "2025-12-31" } });
    try {
      const d = await s.dataset("risk");
      expect(d.table("settings")[0].health_snapshots).toBe(0);
      const at90 = d.table("renewals").filter((r) => r.lookback_days === 90);
      expect(at90.map((r) => [r.color, r.events, r.churned])).toEqual([["unscored", 2, 1]]);
      // nothing was scored, so the pie cannot be judged: never a 0% red share, never "under-calls"
      expect(redVsChurn(at90)).toMatchObject({ red_share: null, red_share_arr: null, logo_churn_rate: 0.5, recall: null, precision: null, missed_churn: null, under_calls: false, verdict: "no health scores" });
      // book view: quarter starts 2024-01-01 … 2025-10-01; 2024-01-01 … 2024-10-01 are closed (d + 365 ≤ 2025-12-31)
      const book = d.table("book_verdicts").filter((r) => r.dimension === "all");
      expect(book.map((r) => [r.quarter_start, r.red_share, r.verdict])).toEqual([
        ["2024-01-01", null, "no health scores"], ["2024-04-01", null, "no health scores"], ["2024-07-01", null, "no health scores"],
        ["2024-10-01", null, "no health scores"], ["2025-01-01", null, null], ["2025-04-01", null, null], ["2025-07-01", null, null], ["2025-10-01", null, null],
      ]);
      expect(d.table("book_verdicts").filter((r) => r.dimension === "csm" && r.closed).every((r) => r.verdict === "no health scores" && r.red_share === null)).toBe(true);
      expect(d.table("renewal_verdicts").map((r) => [r.cohort, r.dimension, r.red_share, r.flagged_churn, r.verdict])).toEqual([
        ["2025", "all", null, null, "no health scores"], ["2025", "csm", null, null, "no health scores"],
        ["2025", "region", null, null, "no health scores"], ["2025", "segment", null, null, "no health scores"],
        ["2025-Q1", "all", null, null, "no health scores"], ["2025-Q1", "csm", null, null, "no health scores"],
        ["2025-Q1", "region", null, null, "no health scores"], ["2025-Q1", "segment", null, null, "no health scores"],
        ["all", "all", null, null, "no health scores"], ["all", "csm", null, null, "no health scores"],
        ["all", "region", null, null, "no health scores"], ["all", "segment", null, null, "no health scores"],
      ]);
      expect(d.table("volatility").map((r) => r.snapshots)).toEqual([0, 0]);
      expect(d.table("flips")).toEqual([]);
    } finally {
      s.close();
    }
  });
});
