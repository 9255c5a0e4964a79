/**
 * Book view: the pie on the first day d of each quarter, against the renewals due in [d, d + 365).
 * As-of 2025-12-31. Quarter starts: 2024-10-01 (quarter of the first customer_since) … 2025-10-01.
 *
 * | account | customer_since | health                          | renewals                                                        |
 * | K1      | 2024-10-15     | red 2024-12-01                  | R1 due 2025-03-31, resolved 2025-03-20, 1000 → 0 (lost 03-20)   |
 * | K2      | 2025-01-01     | yellow 2025-01-01, green 05-01  | R2 due 2025-06-30, resolved 2025-07-10, 2000 → 2000; R3 due 2026-06-30 open, 2000 |
 * | K3      | 2025-02-01     | none (unscored)                 | R4 due 2026-02-01 open, 500                                     |
 * | K4      | 2024-11-01     | red 2025-03-15                  | R5 due 2025-05-01, resolved 2025-04-15, 800 → 900 (no later one) |
 *
 * 2024-10-01: nobody is a customer yet → no row.
 * 2025-01-01: K1 red (ARR 1000, R1 not settled), K2 yellow (snapshot that very day; 2000), K4 unscored (red only from 03-15; 800).
 *   Due in [2025-01-01, 2026-01-01): R1 churned (1000 lost), R2 retained, R5 retained (800 → 900, no loss).
 *   Red share 1/3, of ARR 1000/3800; logo churn 1/3; revenue churn 1000/3800.
 * 2025-04-01: K1 out (lost 03-20, before d). K2 yellow 2000; K3 unscored 500; K4 red 800 (R5 settles 04-15, after d).
 *   Due in [2025-04-01, 2026-04-01): R2 resolved, R4 open (unresolved), R5 resolved. R3 (2026-06-30) is outside.
 * 2025-07-01: K2 green 2000 (R2 settles 07-10, after d); K3 unscored 500; K4 red 900 (R5 settled: its arr_after).
 * 2025-10-01: K2 green 2000 (R3's arr_before); K3 500; K4 red 900.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookSeries } from "../../src/components/risk-book.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv("account_id,customer_since", "K1,2024-10-15", "K2,2025-01-01", "K3,2025-02-01", "K4,2024-11-01"),
    "renewals.csv": csv(
      "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      "R1,K1,2025-03-31,2025-03-20,Core,1000,0",
      "R2,K2,2025-06-30,2025-07-10,Core,2000,2000",
      "R3,K2,2026-06-30,,Core,2000,",
      "R4,K3,2026-02-01,,Core,500,",
      "R5,K4,2025-05-01,2025-04-15,Core,800,900",
    ),
    "health.csv": csv("account_id,as_of,color", "K1,2024-12-01,red", "K2,2025-01-01,yellow", "K2,2025-05-01,green", "K4,2025-03-15,red"),
  }, { config: { asOf: "2025-12-31" } });
});
afterAll(() => s?.close());

describe("book view", () => {
  it("counts active accounts by their color on d, with their contract value and the year that followed", async () => {
    const rows = (await s.dataset("risk")).table("book");
    expect(rows.map((r) => [r.quarter_start, r.color, r.accounts, r.arr, r.events, r.churned, r.resolved_arr, r.lost_arr, r.unresolved])).toEqual([
      ["2025-01-01", "red", 1, 1000, 1, 1, 1000, 1000, 0],
      ["2025-01-01", "unscored", 1, 800, 1, 0, 800, 0, 0],
      ["2025-01-01", "yellow", 1, 2000, 1, 0, 2000, 0, 0],
      ["2025-04-01", "red", 1, 800, 1, 0, 800, 0, 0],
      ["2025-04-01", "unscored", 1, 500, 0, 0, 0, 0, 1],
      ["2025-04-01", "yellow", 1, 2000, 1, 0, 2000, 0, 0],
      ["2025-07-01", "green", 1, 2000, 0, 0, 0, 0, 1],  // R3 due 2026-06-30 is in [2025-07-01, 2026-07-01), open
      ["2025-07-01", "red", 1, 900, 0, 0, 0, 0, 0],
      ["2025-07-01", "unscored", 1, 500, 0, 0, 0, 0, 1],
      ["2025-10-01", "green", 1, 2000, 0, 0, 0, 0, 1],
      ["2025-10-01", "red", 1, 900, 0, 0, 0, 0, 0],
      ["2025-10-01", "unscored", 1, 500, 0, 0, 0, 0, 1],
    ]);
  });

  it("gives red shares against the churn that followed, missing where nothing was resolved", async () => {
    const series = bookSeries((await s.dataset("risk")).table("book"));
    const jan = series[0];
    expect(jan).toMatchObject({ quarter_start: "2025-01-01", accounts: 3, red_accounts: 1, arr: 3800, red_arr: 1000, events: 3, churned: 1 });
    expect(jan.red_share).toBeCloseTo(1 / 3, 12);
    expect(jan.red_share_arr).toBeCloseTo(1000 / 3800, 12);
    expect(jan.logo_churn_rate).toBeCloseTo(1 / 3, 12);
    expect(jan.revenue_churn_rate).toBeCloseTo(1000 / 3800, 12);
    expect(jan.unscored_share).toBeCloseTo(1 / 3, 12);
    const oct = series[3];
    // 2025-10-01: red K4 of K2, K3, K4; no renewal due in the year after was resolved → churn missing, not 0
    expect(oct).toMatchObject({ quarter_start: "2025-10-01", accounts: 3, logo_churn_rate: null, revenue_churn_rate: null });
    expect(oct.red_share_arr).toBeCloseTo(900 / 3400, 12);
  });
});
