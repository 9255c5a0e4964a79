/**
 * Where the time goes: touches per CSM, month, type and kind of work (a convention), worked by hand.
 * As-of 2025-12-31. T1 (owner Ann) is green from 2025-01-01 and red from 2025-11-01, renews 2026-06-30.
 * T2 (owner Bob) renews 2026-01-15, open. T3 (owner Bob) renews 2026-01-10 but settled on 2025-11-15.
 *
 * | touch                         | counted for | kind         | why                                                      |
 * | T1 2025-10-15 call, Ann       | Ann         | routine      | green that day; renewal 258 days away                     |
 * | T1 2025-11-01 call, Ann       | Ann         | risk         | red from that very day                                    |
 * | T1 2025-11-02 meeting, Ann    | Ann         | relationship | a meeting is relationship work whatever the color         |
 * | T1 2025-12-10 review, Ann     | Ann         | relationship |                                                           |
 * | T2 2025-10-01 email, no CSM   | Bob (owner) | routine      | renewal 106 days away (> 90)                              |
 * | T2 2025-10-17 email, Bob      | Bob         | revenue      | renewal exactly 90 days away (2025-10-17 + 90 = 2026-01-15) |
 * | T2 2025-12-01 call, Ann       | Ann         | revenue      | a colleague's touch counts for whoever made it            |
 * | T2 2025-12-02 other, Bob      | Bob         | routine      | "other" is never classified by context                    |
 * | T3 2025-11-10 call, Bob       | Bob         | revenue      | renewal due in 61 days, not settled yet                   |
 * | T3 2025-12-01 call, Bob       | Bob         | routine      | the renewal was settled on 2025-11-15                     |
 * Per CSM by kind: Ann 5 touches = relationship 2, risk 1, revenue 1, routine 1; Bob 5 = revenue 2, routine 3.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inMonths, monthPeriods, timeAllocation } from "../../src/components/relationship.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv("account_id,customer_since,csm", "T1,2023-01-01,Ann", "T2,2023-01-01,Bob", "T3,2023-01-01,Bob"),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      "R1,T1,2026-06-30,,Core,100,", "R2,T2,2026-01-15,,Core,100,", "R3,T3,2026-01-10,2025-11-15,Core,100,100"),
    "health.csv": csv("account_id,as_of,color", "T1,2025-01-01,green", "T1,2025-11-01,red"),
    "touches.csv": csv("account_id,date,type,contact_id,csm",
      "T1,2025-10-15,call,,Ann", "T1,2025-11-01,call,,Ann", "T1,2025-11-02,meeting,,Ann", "T1,2025-12-10,business_review,,Ann",
      "T2,2025-10-01,email,,", "T2,2025-10-17,email,,Bob", "T2,2025-12-01,call,,Ann", "T2,2025-12-02,other,,Bob",
      "T3,2025-11-10,call,,Bob", "T3,2025-12-01,call,,Bob"),
  }, { config: { asOf: "2025-12-31" } });
});
afterAll(() => s?.close());

describe("time allocation", () => {
  it("classifies each touch by the convention, as worked out by hand", async () => {
    const rows = (await s.dataset("relationship")).table("touch_months");
    expect(rows.map((r) => [r.csm, r.month, r.type, r.work, r.touches])).toEqual([
      ["Ann", "2025-10", "call", "routine", 1],
      ["Ann", "2025-11", "call", "risk", 1],
      ["Ann", "2025-11", "meeting", "relationship", 1],
      ["Ann", "2025-12", "business_review", "relationship", 1],
      ["Ann", "2025-12", "call", "revenue", 1],
      ["Bob", "2025-10", "email", "revenue", 1],
      ["Bob", "2025-10", "email", "routine", 1],
      ["Bob", "2025-11", "call", "revenue", 1],
      ["Bob", "2025-12", "call", "routine", 1],
      ["Bob", "2025-12", "other", "routine", 1],
    ]);
    const alloc = timeAllocation(rows as never, "work");
    expect(alloc.map((a) => [a.csm, a.touches, a.relationship, a.risk, a.revenue, a.routine, a.relationship_share])).toEqual([
      ["Ann", 5, 2, 1, 1, 1, 0.4],
      ["Bob", 5, 0, 0, 2, 3, 0],
    ]);
    // a period of months: November only keeps Ann's two November touches and Bob's one
    const nov = timeAllocation((rows as never[]).filter((r: { month: string }) => inMonths(r.month, "2025-11..2025-11")), "type");
    expect(nov.map((a) => [a.csm, a.touches, a.call, a.meeting])).toEqual([["Ann", 2, 1, 1], ["Bob", 1, 1, 0]]);
  });

  it("offers the last 3, 6 and 12 months ending on the as-of month, then years", () => {
    expect(monthPeriods("2025-12-31", ["2024-05", "2025-01"]).map((p) => p[0])).toEqual([
      "2025-10..2025-12", "2025-07..2025-12", "2025-01..2025-12", "2025-01..2025-12", "2024-01..2024-12", "0000-01..9999-12",
    ]);
  });
});
