/**
 * The renewal view on a hand-made book: point-in-time colors, unscored accounts,
 * color spelling variants, calibration, precision/recall and their identity.
 *
 * Every renewal is due 2025-06-30 and resolved that day; the as-of date is 2025-12-31.
 * Lookback dates: L=90 → 2025-04-01 (Apr 1→Jun 30 = 30 + 31 + 29 = 90 days);
 * L=30 → 2025-05-31; L=180 → 2025-01-01 (31+28+31+30+31+29 = 180 days).
 *
 * | event | account | health snapshots                              | 180     | 90 (04-01)  | 30 (05-31) | lines before→after      |
 * | E1    | A1      | green 01-01, " RED" 03-31 (day before L=90)  | green   | red         | red        | 100→0 churned           |
 * | E2    | A2      | "Red" 01-15, green 04-02 (day after L=90)     | unscored| red         | green      | 200→200                 |
 * | E3    | A3      | green 01-01, red 04-02                        | green   | green       | red        | 300→0 churned           |
 * | E4    | A4      | none                                          | unscored| unscored    | unscored   | 400→0 churned           |
 * | E5    | A5      | "Yellow " 02-01                               | unscored| yellow      | yellow     | 500→500, 100→0 (partial)|
 * | E6    | A6      | green 2024-12-01, green 04-01 (on L=90)       | green   | green       | green      | 100→150 (upsell)        |
 * | E7    | A7      | red 05-01 (after L=90: not known then)        | unscored| unscored    | red        | 100→100                 |
 * E8 (A6, due 2026-06-30) is unresolved and counts nowhere. A8 has no renewal: two snapshots on one day
 * (green and red: the most severe, red, holds) and one after the as-of date (ignored).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calibration, redVsChurn } from "../../src/components/risk.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  const accounts = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"].map((a) => `${a},2023-01-01,Ann,SMB,NA`);
  s = await stage({
    "accounts.csv": csv("account_id,customer_since,csm,segment,region", ...accounts),
    "renewals.csv": csv(
      "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      "E1,A1,2025-06-30,2025-06-30,Core,100,0",
      "E2,A2,2025-06-30,2025-06-30,Core,200,200",
      "E3,A3,2025-06-30,2025-06-30,Core,300,0",
      "E4,A4,2025-06-30,2025-06-30,Core,400,0",
      "E5,A5,2025-06-30,2025-06-30,Core,500,500",
      "E5,A5,2025-06-30,2025-06-30,Addon,100,0",
      "E6,A6,2025-06-30,2025-06-30,Core,100,150",
      "E7,A7,2025-06-30,2025-06-30,Core,100,100",
      "E8,A6,2026-06-30,,Core,150,",
    ),
    "health.csv": csv(
      "account_id,as_of,color",
      "A1,2025-01-01,green",
      "A1,2025-03-31, RED",
      "A2,2025-01-15,Red",
      "A2,2025-04-02,green",
      "A3,2025-01-01,green",
      "A3,2025-04-02,red",
      "A5,2025-02-01,Yellow ",
      "A6,2024-12-01,green",
      "A6,2025-04-01,green",
      "A7,2025-05-01,red",
      "A8,2025-03-01,green",
      "A8,2025-03-01,red",
      "A8,2026-01-05,green",
    ),
  }, { config: { asOf: "2025-12-31", lookbackDays: 90 } });
});
afterAll(() => s?.close());

const at = async (lookback: number) => {
  const d = await s.dataset("risk");
  return d.table("renewals").filter((r) => r.lookback_days === lookback);
};

describe("health intervals", () => {
  it("hold each color until the next snapshot, trim spacing and case, and keep one color per day", async () => {
    const rows = await s.query("select account_id, color, valid_from::varchar as f, valid_to::varchar as t from int_health_intervals where account_id in ('A1', 'A8') order by all");
    expect(rows).toEqual([
      { account_id: "A1", color: "green", f: "2025-01-01", t: "2025-03-31" },
      { account_id: "A1", color: "red", f: "2025-03-31", t: "9999-12-31" },
      // green and red on 2025-03-01 → red; the 2026-01-05 snapshot is after the as-of date
      { account_id: "A8", color: "red", f: "2025-03-01", t: "9999-12-31" },
    ]);
  });
});

describe("renewal view at the default lookback (90 days)", () => {
  it("reads each event in its color on renewal_date − 90, unscored kept as a slice", async () => {
    const rows = await at(90);
    const byColor = Object.fromEntries(["red", "yellow", "green", "unscored"].map((c) => [c, rows.filter((r) => r.color === c)]));
    // red: E1 (100, churned), E2 (200); yellow: E5 (600, lost 100); green: E3 (300, churned), E6 (100); unscored: E4 (400, churned), E7 (100)
    expect(byColor.red).toEqual([expect.objectContaining({ renewal_quarter: "2025-Q2", events: 2, churned: 1, arr: 300, lost_arr: 100 })]);
    expect(byColor.yellow).toEqual([expect.objectContaining({ events: 1, churned: 0, arr: 600, lost_arr: 100 })]);
    expect(byColor.green).toEqual([expect.objectContaining({ events: 2, churned: 1, arr: 400, lost_arr: 300 })]);
    expect(byColor.unscored).toEqual([expect.objectContaining({ events: 2, churned: 1, arr: 500, lost_arr: 400 })]);
  });

  it("gives red share, churn, missed churn, precision and recall, and the identity holds", async () => {
    const v = redVsChurn(await at(90));
    // 7 resolved events (E8 unresolved); red = E1, E2; churned = E1, E3, E4; churned and red = E1
    expect(v).toMatchObject({ events: 7, red: 2, churned: 3, churned_red: 1, arr: 1800, red_arr: 300, lost_arr: 900 });
    expect(v.red_share).toBeCloseTo(2 / 7, 12);            // 0.2857
    expect(v.red_share_arr).toBeCloseTo(300 / 1800, 12);   // (100 + 200) / 1800 = 0.1667
    expect(v.logo_churn_rate).toBeCloseTo(3 / 7, 12);      // 0.4286
    expect(v.revenue_churn_rate).toBeCloseTo(900 / 1800, 12); // full loss 100 + 300 + 400, partial 100 → 0.5
    expect(v.missed_churn).toBeCloseTo(2 / 3, 12);         // E3, E4 churned without being red
    expect(v.precision).toBeCloseTo(1 / 2, 12);            // E1 of E1, E2
    expect(v.recall).toBeCloseTo(1 / 3, 12);               // E1 of E1, E3, E4
    // recall = precision × red share ÷ churn rate: 1/2 × (2/7) ÷ (3/7) = 1/3
    expect(v.precision! * v.red_share! / v.logo_churn_rate!).toBeCloseTo(v.recall!, 12);
    expect(v.under_calls).toBe(true);                       // 2/7 < 3/7
  });

  it("calibrates each color", async () => {
    const c = calibration(await at(90));
    expect(c.map((r) => r.color)).toEqual(["red", "yellow", "green", "unscored"]);
    const [red, yellow, green, unscored] = c;
    expect(red).toMatchObject({ events: 2, churned: 1, logo_churn_rate: 0.5 });
    expect(red.revenue_churn_rate).toBeCloseTo(100 / 300, 12);
    expect(red.share_of_churned).toBeCloseTo(1 / 3, 12);
    expect(yellow).toMatchObject({ events: 1, churned: 0, logo_churn_rate: 0, share_of_churned: 0 });
    expect(yellow.revenue_churn_rate).toBeCloseTo(100 / 600, 12);
    expect(green).toMatchObject({ events: 2, churned: 1, logo_churn_rate: 0.5, revenue_churn_rate: 0.75 }); // 300 / 400
    expect(unscored).toMatchObject({ events: 2, churned: 1, logo_churn_rate: 0.5, revenue_churn_rate: 0.8 }); // 400 / 500
    expect(c.reduce((n, r) => n + r.share_of_churned!, 0)).toBeCloseTo(1, 12);
  });
});

describe("other lookbacks, all computed in the same run", () => {
  it("30 days: red E1, E3, E7 — red share equals churn, which is not under-calling", async () => {
    const v = redVsChurn(await at(30));
    expect(v).toMatchObject({ events: 7, red: 3, churned: 3, churned_red: 2, under_calls: false });
    expect(v.precision).toBeCloseTo(2 / 3, 12);
    expect(v.recall).toBeCloseTo(2 / 3, 12);
  });

  it("180 days: nothing red, so precision is missing (not 0) and recall is 0", async () => {
    const rows = await at(180);
    const v = redVsChurn(rows);
    expect(v).toMatchObject({ events: 7, red: 0, red_share: 0, precision: null, recall: 0, missed_churn: 1, under_calls: true });
    // unscored on 2025-01-01: A2 (first 01-15), A4, A5 (02-01), A7; green: A1, A3 (snapshots on the day), A6
    expect(rows.filter((r) => r.color === "unscored").map((r) => r.events)).toEqual([4]);
    expect(rows.filter((r) => r.color === "green").map((r) => r.events)).toEqual([3]);
  });

  it("publishes the configured lookback and the choices", async () => {
    const d = await s.dataset("risk");
    expect(d.table("settings")[0]).toMatchObject({ lookback_days: 90, lookbacks: ["30", "60", "90", "180"], under_call_min_events: 10, flip_days: 30, health_snapshots: 13 });
    expect([...new Set(d.table("renewals").map((r) => r.lookback_days))]).toEqual([30, 60, 90, 180]);
  });
});

describe("the renewal view's verdicts (renewal_verdicts, configured lookback)", () => {
  it("agree with the page's function for the whole history and the 2025 cohort", async () => {
    const d = await s.dataset("risk");
    const rows = d.table("renewal_verdicts").filter((r) => r.dimension === "all");
    // every event is due 2025-06-30: the cohorts all, 2025 and 2025-Q2 hold the same 7; figures as at L=90 above
    expect(rows.map((r) => r.cohort)).toEqual(["2025", "2025-Q2", "all"]);
    const v = redVsChurn(await at(90));
    for (const r of rows) {
      expect(r).toEqual({
        cohort: r.cohort, dimension: "all", dimension_value: "all", events: 7, red_events: 2,
        red_share: Number((2 / 7).toPrecision(12)), red_share_arr: Number((1 / 6).toPrecision(12)), churned: 3, churned_red: 1,
        logo_churn_rate: Number((3 / 7).toPrecision(12)), revenue_churn_rate: 0.5,
        flagged_churn: Number((1 / 3).toPrecision(12)), missed_churn: Number((2 / 3).toPrecision(12)), precision: 0.5,
        verdict: "red under-calls churn", // 2/7 < 3/7
      });
    }
    expect(v.verdict).toBe("red under-calls churn");
    expect(v.missed_churn).toBeCloseTo(2 / 3, 12);
  });
});
