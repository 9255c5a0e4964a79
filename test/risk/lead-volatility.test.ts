/**
 * Lead time, never red, color changes per 90 days and red↔green flips on a hand-made book (as-of 2025-12-31).
 *
 * Lead time (churned renewals due 2025-06-30, resolved that day; window [2024-06-30, 2025-06-30), 365 days):
 * | L1 | green 2024-01-01, yellow 2024-03-01, red 2024-05-01, yellow 2024-06-01, yellow 2025-03-01, red 2025-05-01 |
 *      the 2024 red ended 2024-05-31, before the window; first red in it 2025-05-01 → 30 + 30 = 60 days
 * | L2 | red 2024-01-01 (red all along) → first red in the window is its first day, 2024-06-30 → 365 days |
 * | L3 | green 2024-01-01 → never red |
 * | L4 | no snapshot → never red |
 * | L5 | green 2024-01-01, red 2025-06-30 (on the renewal date, not before it) → never red |
 * | L6 | red 2024-01-01 but retained → no lead time (only churned renewals) |
 *
 * Flips (flip_days = 30; days = first day of the new color − last day of the old):
 * | F1 | red 2025-01-01, green 2025-01-20: last red 01-19 → 1 day: flip red→green |
 * | F2 | green 2025-01-01, yellow 2025-02-01, red 2025-03-02: last green 01-31 → 30 days: flip green→red |
 * | F3 | green 2025-01-01, yellow 2025-02-01, red 2025-03-03: 31 days → no flip |
 * | F4 | red 01-01, red 01-10, yellow 01-20, red 02-01 → red to red, no flip |
 * L1: green → red 2024-05-01 (last green 2024-02-29, 62 days), red → red: no flip.
 * L5: green straight to red on 2025-06-30 (last green 06-29) → 1 day: a flip (a direct switch always is).
 *
 * Changes per 90 days = changes × 90 / days from the first snapshot to the as-of date (or the day the account was lost):
 * | F1 | 1 change (red→green); 2025-01-01 → 2025-12-31 = 364 days → 90/364 = 0.2473 → 0.25 |
 * | F4 | red, red, yellow, red: 2 changes; 364 days → 180/364 = 0.4945 → 0.49 |
 * | L1 | g→y, y→r, r→y, y=y, y→r: 4 changes; lost 2025-06-30; 2024-01-01 → 2025-06-30 = 366 + 180 = 546 days → 360/546 = 0.6593 → 0.66 |
 * | L4 | never scored: 0 snapshots, rate missing |
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadTimes, medianLead } from "../../src/components/risk.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  const ids = ["L1", "L2", "L3", "L4", "L5", "L6", "F1", "F2", "F3", "F4"];
  s = await stage({
    "accounts.csv": csv("account_id,account_name,customer_since,csm", ...ids.map((a) => `${a},Acme ${a},2023-06-01,Ann`)),
    "renewals.csv": csv(
      "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      ...["L1", "L2", "L3", "L4", "L5"].map((a) => `R${a},${a},2025-06-30,2025-06-30,Core,100,0`),
      "RL6,L6,2025-06-30,2025-06-30,Core,100,100",
    ),
    "health.csv": csv(
      "account_id,as_of,color",
      "L1,2024-01-01,green", "L1,2024-03-01,yellow", "L1,2024-05-01,red", "L1,2024-06-01,yellow", "L1,2025-03-01,yellow", "L1,2025-05-01,red",
      "L2,2024-01-01,red",
      "L3,2024-01-01,green",
      "L5,2024-01-01,green", "L5,2025-06-30,red",
      "L6,2024-01-01,red",
      "F1,2025-01-01,red", "F1,2025-01-20,green",
      "F2,2025-01-01,green", "F2,2025-02-01,yellow", "F2,2025-03-02,red",
      "F3,2025-01-01,green", "F3,2025-02-01,yellow", "F3,2025-03-03,red",
      "F4,2025-01-01,red", "F4,2025-01-10,red", "F4,2025-01-20,yellow", "F4,2025-02-01,red",
    ),
  }, { config: { asOf: "2025-12-31" } });
});
afterAll(() => s?.close());

describe("lead time", () => {
  it("counts days from the first red in the 365 days before renewal; never red apart", async () => {
    const rows = (await s.dataset("risk")).table("lead_times");
    // one account group (Ann), one quarter: rows per lead_days, never red (null) last
    expect(rows.map((r) => [r.renewal_quarter, r.lead_days, r.events, r.arr])).toEqual([
      ["2025-Q2", 60, 1, 100],
      ["2025-Q2", 365, 1, 100],
      ["2025-Q2", null, 3, 300], // L3, L4, L5
    ]);
    const buckets = leadTimes(rows);
    expect(buckets.map((b) => [b.bucket, b.events])).toEqual([
      ["1–30 days", 0], ["31–60 days", 1], ["61–90 days", 0], ["91–180 days", 0], ["181–365 days", 1], ["never red", 3],
    ]);
    expect(buckets.at(-1)!.share).toBe(0.6); // 3 of 5 churned
    expect(medianLead(rows)).toBe((60 + 365) / 2);
  });
});

describe("flips", () => {
  it("finds red↔green within 30 days, whatever yellow came between", async () => {
    const rows = (await s.dataset("risk")).table("flips");
    expect(rows.map((r) => [r.account_id, r.from_color, r.to_color, r.last_day_from, r.first_day_to, r.days])).toEqual([
      ["F1", "red", "green", "2025-01-19", "2025-01-20", 1],
      ["F2", "green", "red", "2025-01-31", "2025-03-02", 30],
      ["L5", "green", "red", "2025-06-29", "2025-06-30", 1],
    ]);
    expect(rows[0]).toMatchObject({ account_name: "Acme F1", csm: "Ann" });
  });

  it("follows the flip_days setting", async () => {
    const t = await stage({
      "accounts.csv": csv("account_id,customer_since", "F3,2023-06-01"),
      "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", "R,F3,2026-06-30,,Core,100,"),
      "health.csv": csv("account_id,as_of,color", "F3,2025-01-01,green", "F3,2025-02-01,yellow", "F3,2025-03-03,red"),
    }, { config: { asOf: "2025-12-31", thresholds: { flipDays: 31 } } });
    try {
      expect((await t.dataset("risk")).table("flips").map((r) => r.days)).toEqual([31]);
    } finally {
      t.close();
    }
  });
});

describe("volatility", () => {
  it("counts color changes per 90 days of scored life, keeping never-scored accounts", async () => {
    const rows = Object.fromEntries((await s.dataset("risk")).table("volatility").map((r) => [r.account_id, r]));
    expect(rows.F1).toMatchObject({ snapshots: 2, changes: 1, observed_days: 364, flips: 1, changes_per_90_days: 0.25 });
    expect(rows.F4).toMatchObject({ snapshots: 4, changes: 2, observed_days: 364, flips: 0, changes_per_90_days: 0.49 });
    expect(rows.L1).toMatchObject({ snapshots: 6, changes: 4, observed_days: 546, flips: 0, changes_per_90_days: 0.66 });
    expect(rows.L4).toMatchObject({ snapshots: 0, changes: 0, observed_days: null, flips: 0, changes_per_90_days: null });
  });
});
