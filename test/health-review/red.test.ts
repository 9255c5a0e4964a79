/**
 * Health review, the two red lists, worked by hand. As-of 2026-06-30; defaults: red ≥ 14 days with no touch since
 * it turned red, or no business review in 180 days (a review exactly 180 days ago is too old); renewal due within
 * 0–180 days (both ends). Every account is active unless said; each has one open renewal.
 *
 * | acct  | ARR  | colors (snapshots)                          | red since  | days red | touches                  | last review (days) | renewal (days)   |
 * | R14   | 1000 | green 01-01, red 06-16                      | 06-16      | 14       | 06-15 (before red)       | 03-01 (121)        | 2027-03-01 (244) |
 * | R13   | 6000 | green 01-01, red 06-17                      | 06-17      | 13       | none                     | 03-01 (121)        | 2027-06-30 (365) |
 * | RT    | 3000 | red 06-01                                   | 06-01      | 29       | 06-01 (the day it turned)| 03-01 (121)        | 2026-12-27 (180) |
 * | RB    | 2000 | red 06-29                                   | 06-29      | 1        | 06-29                    | 2026-01-01 (180)   | 2026-12-28 (181) |
 * | RB179 | 5000 | red 2025-01-01                              | 2025-01-01 | 545      | 06-20                    | 2026-01-02 (179)   | 2026-06-30 (0)   |
 * | RY    | 4000 | red 01-10, yellow 02-01, red 05-01          | 05-01      | 60       | 04-15 (before this red)  | none               | 2026-09-28 (90)  |
 * | LOST  | 9000 | red 01-01; renewal 2026-03-01 lost (arr_after 0): not active                                                              |
 *
 * red_no_plan (by ARR): RY (both reasons), RB (review 180 days ago), R14 (14 days, no touch since). Not: R13 (13 days),
 *   RT (touched on the day it turned red), RB179 (review 179 days ago, touched), LOST. due_by = as-of + 14 = 2026-07-14.
 * red_renewal (by ARR): RB179 (0 days; lead = 365, the year before renewal is all red), RY (90 days; first red in the
 *   year before renewal 2026-01-10 → 2026-09-28 = 261 days), RT (180 days; 06-01 → 12-27 = 209). Not RB (181 days).
 *   due_by = the earlier of the next review (07-14) and the renewal: RB179 2026-06-30, RY and RT 2026-07-14.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const files = {
  "accounts.csv": csv("account_id,account_name,customer_since,csm,segment,region",
    "R14,Fourteen,2024-01-01,Ann,SMB,NA", "R13,Thirteen,2024-01-01,Ann,SMB,NA", "RT,Touched,2024-01-01,Bob,SMB,EMEA",
    "RB,Reviewed,2024-01-01,Bob,Enterprise,NA", "RB179,Recent review,2024-01-01,Ann,Enterprise,EMEA", "RY,Yo-yo,2024-01-01,Bob,SMB,NA",
    "LOST,Gone,2024-01-01,Ann,SMB,NA"),
  "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
    "E1,R14,2027-03-01,,Core,1000,", "E2,R13,2027-06-30,,Core,6000,", "E3,RT,2026-12-27,,Core,3000,", "E4,RB,2026-12-28,,Core,2000,",
    "E5,RB179,2026-06-30,,Core,5000,", "E6,RY,2026-09-28,,Core,4000,", "E7,LOST,2026-03-01,2026-03-01,Core,9000,0"),
  "health.csv": csv("account_id,as_of,color",
    "R14,2026-01-01,green", "R14,2026-06-16,red", "R13,2026-01-01,green", "R13,2026-06-17,red", "RT,2026-06-01,red",
    "RB,2026-06-29,red", "RB179,2025-01-01,red", "RY,2026-01-10,red", "RY,2026-02-01,yellow", "RY,2026-05-01,red", "LOST,2026-01-01,red"),
  "touches.csv": csv("account_id,date,type",
    "R14,2026-06-15,call", "R14,2026-03-01,business_review", "R13,2026-03-01,business_review",
    "RT,2026-06-01,email", "RT,2026-03-01,business_review", "RB,2026-06-29,call", "RB,2026-01-01,business_review",
    "RB179,2026-06-20,call", "RB179,2026-01-02,business_review", "RY,2026-04-15,call"),
};

let s: Staged;
let items: Record<string, unknown>[];
beforeAll(async () => {
  s = await stage(files, { config: { asOf: "2026-06-30" } });
  items = (await s.dataset("health-review")).table("items");
}, 120_000);
afterAll(() => s?.close());

const on = (list: string) => items.filter((r) => r.list === list);

describe("red without a plan signal", () => {
  it("lists red accounts red 14+ days with no touch since, or with no business review in 180 days, by ARR", () => {
    expect(on("red_no_plan").map((r) => [r.account_id, r.arr, r.days_red, r.red_since, r.reasons, r.due_by])).toEqual([
      ["RY", 4000, 60, "2026-05-01", ["no_touch_since_red", "no_business_review"], "2026-07-14"],
      ["RB", 2000, 1, "2026-06-29", ["no_business_review"], "2026-07-14"],
      ["R14", 1000, 14, "2026-06-16", ["no_touch_since_red"], "2026-07-14"],
    ]);
  });

  it("says why in a sentence, with the figures", () => {
    expect(on("red_no_plan").map((r) => r.reason_text)).toEqual([
      "Red for 60 days (since 2026-05-01) with no touch since it turned red. No business review on file.",
      "Last business review 180 days ago.",
      "Red for 14 days (since 2026-06-16) with no touch since it turned red.",
    ]);
  });

  it("follows the config: reviewRedDays 13 adds R13", async () => {
    const t = await stage(files, { config: { asOf: "2026-06-30", thresholds: { reviewRedDays: 13 } } });
    try {
      const rows = (await t.dataset("health-review")).table("items").filter((r) => r.list === "red_no_plan");
      expect(rows.map((r) => r.account_id)).toEqual(["R13", "RY", "RB", "R14"]);
    } finally {
      t.close();
    }
  });
});

describe("red with a renewal in the next 180 days", () => {
  it("lists them with days red, lead time so far and a due date no later than the renewal", () => {
    expect(on("red_renewal").map((r) => [r.account_id, r.arr, r.days_to_renewal, r.days_red, r.lead_time_days, r.due_by, r.reasons])).toEqual([
      ["RB179", 5000, 0, 545, 365, "2026-06-30", ["renewal_due"]],
      ["RY", 4000, 90, 60, 261, "2026-07-14", ["renewal_due"]],
      ["RT", 3000, 180, 29, 209, "2026-07-14", ["renewal_due"]],
    ]);
    expect(on("red_renewal")[1].reason_text).toBe("Red for 60 days; renewal on 2026-09-28, in 90 days; red 261 days ahead of it so far.");
  });

  it("never lists a lost account, and carries owner, segment and region", () => {
    expect(items.some((r) => r.account_id === "LOST")).toBe(false);
    expect(on("red_renewal").map((r) => [r.account_name, r.csm, r.segment, r.region])[0]).toEqual(["Recent review", "Ann", "Enterprise", "EMEA"]);
  });
});
