/**
 * Base hygiene on the as-of date (docs/metrics.md § Relationship), worked by hand. As-of 2025-12-31, default
 * thresholds: touched 30 days, business review 180, single-thread 180, decision maker 90. A window of N days
 * is (as-of − N, as-of]: as-of − 30 = 2025-12-01, − 90 = 2025-10-02, − 180 = 2025-07-04 are just OUTSIDE.
 *
 * | acct | CSM | ARR  | touches (date type contact)                                   | contacts on file        |
 * | A1   | Ann | 1000 | 12-01 call (exactly 30 days ago)                              | —                       |
 * | A2   | Ann | 2000 | 12-02 email; 10-03 call C21 (89 days ago)                     | C21 decision maker      |
 * | A3   | Bob | 3000 | 12-31 business_review C31 (on the as-of date)                 | C31 DM + sponsor, C32 p |
 * | A4   | Bob | 4000 | 11-01 call C41; 12-15 meeting C41 (touched twice); 07-04 C42  | C41 practitioner, C42 DM|
 * | A5   | Bob | 5000 | 07-04 business_review C51 (180 days); 07-05 call C52; 12-20 C51| C51, C52 practitioners  |
 * | A6   | Ann | 6000 | 07-05 business_review C61 (179 days); 10-02 call C61 (90 days)| C61 decision maker      |
 * A7 churned at its 2025-06-30 renewal and A8 starts 2026-01-15: neither is active, neither is listed.
 *
 * Checks (✗ = fails):
 * | acct | recent touches | not touched | days since review | no review | contacts 180d | single | no sponsor | DM touches 90d | no DM | failed |
 * | A1   | 0 (12-01 out)  | ✗           | never             | ✗         | 0             | ✗      | ✗          | 0              | ✗     | 5      |
 * | A2   | 1              |             | never             | ✗         | 1 (C21)       | ✗      | ✗          | 1 (10-03 in)   |       | 3      |
 * | A3   | 1              |             | 0                 |           | 1 (C31)       | ✗      |            | 1              |       | 1      |
 * | A4   | 1 (12-15)      |             | never             | ✗         | 1 (C41 ×2; C42 out) | ✗ | ✗          | 0 (07-04 out)  | ✗     | 4      |
 * | A5   | 1 (12-20)      |             | 180               | ✗         | 2 (C52, C51)  |        | ✗          | 0 (no DM)      | ✗     | 3      |
 * | A6   | 0 (10-02 out)  | ✗           | 179               |           | 1 (C61)       | ✗      | ✗          | 0 (10-02 out)  | ✗     | 4      |
 *
 * Grid per CSM (share failing; ARR of the accounts failing):
 * Ann (A1 1000, A2 2000, A6 6000 → 3 accounts, 9000): not touched A1,A6 2/3 7000; no review A1,A2 2/3 3000;
 *   single A1,A2,A6 3/3 9000; no sponsor 3/3 9000; no DM A1,A6 2/3 7000; clean 0.
 * Bob (A3 3000, A4 4000, A5 5000 → 3, 12000): not touched 0/3 0; no review A4,A5 2/3 9000; single A3,A4 2/3 7000;
 *   no sponsor A4,A5 2/3 9000; no DM A4,A5 2/3 9000; clean 0.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checks, hygieneGrid } from "../../src/components/relationship.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv("account_id,customer_since,csm",
      "A1,2023-01-01,Ann", "A2,2023-01-01,Ann", "A3,2023-01-01,Bob", "A4,2023-01-01,Bob", "A5,2023-01-01,Bob", "A6,2023-01-01,Ann",
      "A7,2023-01-01,Ann", "A8,2026-01-15,Bob"),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      ...[1, 2, 3, 4, 5, 6].map((n) => `R${n},A${n},2026-06-30,,Core,${n * 1000},`),
      "R7,A7,2025-06-30,2025-06-30,Core,700,0", "R8,A8,2027-01-15,,Core,800,"),
    "contacts.csv": csv("contact_id,account_id,role,is_exec_sponsor,title",
      "C21,A2,decision_maker,false,VP Ops", "C31,A3,decision_maker,true,CEO", "C32,A3,practitioner,false,Analyst",
      "C41,A4,practitioner,false,Analyst", "C42,A4,decision_maker,false,VP Ops", "C51,A5,practitioner,false,Analyst",
      "C52,A5,practitioner,false,Engineer", "C61,A6,decision_maker,false,Director"),
    "touches.csv": csv("account_id,date,type,contact_id,csm",
      "A1,2025-12-01,call,,Ann",
      "A2,2025-12-02,email,,Ann", "A2,2025-10-03,call,C21,Ann",
      "A3,2025-12-31,business_review,C31,Bob",
      "A4,2025-11-01,call,C41,Bob", "A4,2025-12-15,meeting,C41,Bob", "A4,2025-07-04,call,C42,Bob",
      "A5,2025-07-04,business_review,C51,Bob", "A5,2025-07-05,call,C52,Bob", "A5,2025-12-20,email,C51,Bob",
      "A6,2025-07-05,business_review,C61,Ann", "A6,2025-10-02,call,C61,Ann",
      "A7,2025-06-01,call,,Ann"),
  }, { config: { asOf: "2025-12-31" } });
});
afterAll(() => s?.close());

describe("base hygiene per account", () => {
  it("applies every window edge as worked out by hand", async () => {
    const d = await s.dataset("relationship");
    const rows = d.table("accounts");
    expect(rows.map((r) => [r.account_id, r.recent_touches, r.not_touched, r.days_since_business_review, r.no_business_review,
      r.contacts_touched, r.single_threaded, r.no_exec_sponsor, r.decision_maker_touches, r.no_decision_maker, r.checks_failed])).toEqual([
      ["A1", 0, true, null, true, 0, true, true, 0, true, 5],
      ["A2", 1, false, null, true, 1, true, true, 1, false, 3],
      ["A3", 1, false, 0, false, 1, true, false, 1, false, 1],
      ["A4", 1, false, null, true, 1, true, true, 0, true, 4],
      ["A5", 1, false, 180, true, 2, false, true, 0, true, 3],
      ["A6", 0, true, 179, false, 1, true, true, 0, true, 4],
    ]);
    expect(rows.map((r) => [r.account_id, r.last_touch, r.last_business_review, r.current_arr, r.contacts, r.decision_makers])).toEqual([
      ["A1", "2025-12-01", null, 1000, 0, 0],
      ["A2", "2025-12-02", null, 2000, 1, 1],
      ["A3", "2025-12-31", "2025-12-31", 3000, 2, 1],
      ["A4", "2025-12-15", null, 4000, 2, 1],
      ["A5", "2025-12-20", "2025-07-04", 5000, 2, 0],
      ["A6", "2025-10-02", "2025-07-05", 6000, 1, 1],
    ]);
    expect(d.table("settings")[0]).toMatchObject({ touched_days: 30, business_review_days: 180, single_thread_days: 180, decision_maker_days: 90, touches: 13, contacts: 8 });
  });

  it("adds up to the per-CSM grid worked out by hand", async () => {
    const d = await s.dataset("relationship");
    const grid = hygieneGrid(d.table("accounts"), checks(d.table("settings")[0] as never));
    const pick = (g: Record<string, unknown>) => [g.csm, g.accounts, g.arr,
      g.not_touched_share, g.not_touched_arr, g.no_business_review_share, g.no_business_review_arr, g.single_threaded_share, g.single_threaded_arr,
      g.no_exec_sponsor_share, g.no_exec_sponsor_arr, g.no_decision_maker_share, g.no_decision_maker_arr, g.clean_accounts];
    expect(grid.map(pick)).toEqual([
      ["Ann", 3, 9000, 2 / 3, 7000, 2 / 3, 3000, 1, 9000, 1, 9000, 2 / 3, 7000, 0],
      ["Bob", 3, 12000, 0, 0, 2 / 3, 9000, 2 / 3, 7000, 2 / 3, 9000, 2 / 3, 9000, 0],
    ]);
  });

  it("names each CSM's page by a URL-safe slug", async () => {
    const d = await s.dataset("relationship");
    expect(d.table("csms")).toEqual([
      { csm: "Ann", slug: "ann", accounts: 4, active_accounts: 3, current_arr: 9000 },
      { csm: "Bob", slug: "bob", accounts: 4, active_accounts: 3, current_arr: 12000 },
    ]);
  });
});

describe("without touches, contacts, usage or health files", () => {
  it("still computes, says what is missing, and leaves unknown usage signs unknown", async () => {
    // One active account, renewal due 2026-10-01 = as-of + 274 days: on the early-warning list, but with no
    // usage file its usage and utilization are unknown (null) and it is not warned.
    const bare = await stage({
      "accounts.csv": csv("account_id,customer_since,csm,licenses", "B1,2023-01-01,Ann,10"),
      "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", "RB1,B1,2026-10-01,,Core,900,"),
    }, { config: { asOf: "2025-12-31" } });
    try {
      const d = await bare.dataset("relationship");
      expect(d.table("settings")[0]).toMatchObject({ touches: 0, contacts: 0, usage_days: 0 });
      expect(d.table("accounts").map((r) => [r.account_id, r.checks_failed, r.color, r.last_touch])).toEqual([["B1", 5, "unscored", null]]);
      expect(d.table("early_warning").map((r) => [r.renewal_id, r.days_to_renewal, r.events_last_90, r.users_last_30, r.utilization, r.usage_change, r.warned]))
        .toEqual([["RB1", 274, null, null, null, null, false]]);
      expect(d.table("touch_months")).toEqual([]);
      const l = await bare.dataset("loss-review");
      expect(l.table("renewals")).toEqual([]);
    } finally {
      bare.close();
    }
  });
});
