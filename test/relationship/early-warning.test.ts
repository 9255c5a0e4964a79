/**
 * Early warning (docs/metrics.md § Relationship), worked by hand. As-of 2025-12-31; default thresholds: due in
 * [as-of + 270, as-of + 365] = [2026-09-27, 2026-12-31], usage drop ≥ 1/3, utilization < 40%.
 * Usage windows: last 90 days = (2025-10-02, 2025-12-31], the 90 before = (2025-07-04, 2025-10-02];
 * active users over (2025-12-01, 2025-12-31].
 *
 * | renewal | due (days)        | listed? | usage last 90 | prior 90                   | change          | users 30d / licenses | warned          |
 * | E1 (U1) | 2026-09-27 (270)  | yes     | 60 (12-02)    | 90 (09-01)                 | −1/3 exactly    | 1 / 2 = 50%          | yes: usage      |
 * | E2 (U2) | 2026-12-31 (365)  | yes     | 31+30 = 61    | 90 (07-05; 1000 on 07-04 out) | −29/90 = −32.2% | 2 / 5 = 40% exactly | no              |
 * | E3 (U3) | 2026-09-26 (269)  | no      | 0             | 100                        | −100%           | 0 / 10               | (not listed)    |
 * | E4 (U4) | 2027-01-01 (366)  | no      |               |                            |                 |                      | (not listed)    |
 * | E5 (U5) | 2026-10-15        | no: settled 2025-12-01, before the as-of date                                                    |
 * | E6 (U6) | 2026-11-30 (334)  | yes     | 5 (12-10)     | 0                          | none (÷ 0)      | 1 / 3 = 33.3%        | yes: low util.  |
 * | E7 (U7) | 2026-10-31 (304)  | yes     | 66 (10-03)    | 100 (10-02, the last day of the prior window) | −34% | 0 / no licenses = none | yes: usage |
 *
 * With usageDrop 0.3 and earlyWarningFromDays 269: E2 (−32.2% ≤ −30%) is warned and E3 is listed (and warned).
 */
import { afterAll, describe, expect, it } from "vitest";
import { earlyWarningSummary } from "../../src/components/relationship.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const files = {
  "accounts.csv": csv("account_id,customer_since,csm,licenses",
    "U1,2023-01-01,Ann,2", "U2,2023-01-01,Ann,5", "U3,2023-01-01,Bob,10", "U4,2023-01-01,Bob,10", "U5,2023-01-01,Bob,10",
    "U6,2023-01-01,Bob,3", "U7,2023-01-01,Ann,"),
  "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
    "E1,U1,2026-09-27,,Core,1000,", "E2,U2,2026-12-31,,Core,2000,", "E3,U3,2026-09-26,,Core,3000,", "E4,U4,2027-01-01,,Core,4000,",
    "E5,U5,2026-10-15,2025-12-01,Core,5000,5000", "E6,U6,2026-11-30,,Core,6000,", "E7,U7,2026-10-31,,Core,7000,"),
  "usage.csv": csv("account_id,user_id,date,feature,events",
    "U1,u1,2025-09-01,core,90", "U1,u1,2025-12-02,core,60",
    "U2,u1,2025-07-04,core,1000", "U2,u1,2025-07-05,core,90", "U2,u1,2025-12-31,core,31", "U2,u2,2025-12-31,core,30",
    "U3,u1,2025-09-01,core,100",
    "U6,u1,2025-12-10,core,5",
    "U7,u1,2025-10-02,core,100", "U7,u2,2025-10-03,core,66"),
};

const opened: Staged[] = [];
afterAll(() => {
  for (const s of opened) s.close();
});

async function list(thresholds?: Record<string, number>) {
  const s = await stage(files, { config: { asOf: "2025-12-31", ...(thresholds ? { thresholds } : {}) } });
  opened.push(s);
  return (await s.dataset("relationship")).table("early_warning");
}

describe("early warning", () => {
  it("lists renewals due 270–365 days out, edges included, and flags them as worked out by hand", async () => {
    const rows = await list();
    expect(rows.map((r) => [r.renewal_id, r.days_to_renewal, r.arr_at_stake, r.events_last_90, r.events_prior_90, r.users_last_30, r.licenses,
      r.usage_dropped, r.low_utilization, r.warned])).toEqual([
      ["E1", 270, 1000, 60, 90, 1, 2, true, false, true],
      ["E7", 304, 7000, 66, 100, 0, null, true, false, true],
      ["E6", 334, 6000, 5, 0, 1, 3, false, true, true],
      ["E2", 365, 2000, 61, 90, 2, 5, false, false, false],
    ]);
    // published numbers carry 12 significant digits
    expect(rows.map((r) => [r.usage_change, r.utilization])).toEqual([
      [-0.333333333333, 0.5],
      [-0.34, null],
      [null, 0.333333333333],
      [-0.322222222222, 0.4],
    ]);
    expect(earlyWarningSummary(rows)).toEqual({ renewals: 4, arr: 16000, warned: 3, warned_arr: 14000, usage_dropped: 2, low_utilization: 1, warned_share: 0.75 });
  });

  it("follows the thresholds in the config", async () => {
    const rows = await list({ usageDrop: 0.3, earlyWarningFromDays: 269 });
    expect(rows.map((r) => [r.renewal_id, r.usage_dropped, r.warned])).toEqual([
      ["E3", true, true], ["E1", true, true], ["E7", true, true], ["E6", false, true], ["E2", true, true],
    ]);
  });
});
