/**
 * The green-profile dataset end to end on a generated book built to reproduce Newcombe's (1998) worked example:
 * 70 accounts with an executive sponsor, 56 of them renewed (14 lost); 80 without, 48 renewed (32 lost).
 * Retention 56/70 = 0.8 against 48/80 = 0.6: difference 0.2000, 95% CI [0.0524, 0.3339] → a driver.
 * Thresholds come from the config: licenseUtilization 0.5 and greenProfileMinEvents 40 (both read back).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  const ids = Array.from({ length: 150 }, (_, i) => `A${String(i + 1).padStart(3, "0")}`);
  const lost = (i: number) => (i < 70 ? i < 14 : i < 70 + 32);  // the first 14 sponsored, the first 32 others
  s = await stage({
    "accounts.csv": csv("account_id,customer_since,segment", ...ids.map((a) => `${a},2024-01-01,SMB`)),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      ...ids.map((a, i) => `R${a},${a},2025-06-30,2025-06-30,Core,100,${lost(i) ? 0 : 100}`)),
    "contacts.csv": csv("contact_id,account_id,role,is_exec_sponsor", ...ids.map((a, i) => `C${a},${a},decision_maker,${i < 70}`)),
  }, { config: { asOf: "2025-12-31", lookbackDays: 90, thresholds: { licenseUtilization: 0.5, greenProfileMinEvents: 40 } } });
});
afterAll(() => s?.close());

describe("green-profile dataset", () => {
  it("publishes the configured thresholds and words the traits with them", async () => {
    const d = await s.dataset("green-profile");
    expect(d.table("settings")[0]).toMatchObject({ lookback_days: 90, license_utilization: 0.5, min_events: 40, has_contacts: true, has_touches: false });
    expect(d.table("traits").find((t) => t.trait === "license_utilization_high")!.label).toBe("License utilization ≥ 50%");
    expect(d.table("traits").filter((t) => t.today_state).map((t) => t.trait)).toEqual(["has_exec_sponsor"]);
  });

  it("gives the sponsor trait Newcombe's interval, ranks it first, and marks the rest unmeasured", async () => {
    const d = await s.dataset("green-profile");
    const all = d.table("comparisons").filter((r) => r.segment === null && r.period === null);
    const sponsor = all.find((r) => r.trait === "has_exec_sponsor")!;
    expect(sponsor).toMatchObject({ rank: 1, verdict: "driver", with_events: 70, with_retained: 56, without_events: 80, without_retained: 48,
      retention_with: 0.8, retention_without: 0.6 });
    expect(sponsor.difference).toBeCloseTo(0.2, 10);
    expect(sponsor.ci_low).toBeCloseTo(0.0524, 4);
    expect(sponsor.ci_high).toBeCloseTo(0.3339, 4);
    // no touches, tickets, NPS, milestones, usage or features were supplied
    expect(all.filter((r) => r.verdict === "not measured").map((r) => r.trait).sort()).toEqual([
      "business_review", "decision_maker_touched", "fast_first_value", "feature_breadth_high", "license_utilization_high",
      "multi_threaded", "no_high_ticket", "nps_detractor", "nps_promoter", "touched_recently", "usage_not_falling", "uses_sticky_feature",
    ]);
    // every slice holds the same 150 renewals here: all, 2025, SMB, SMB in 2025
    expect(d.table("slices").map((r) => `${r.segment}/${r.period}:${r.events}/${r.retained}`)).toEqual(["null/null:150/104", "null/2025:150/104", "SMB/null:150/104", "SMB/2025:150/104"]);
    expect(d.table("comparisons")).toHaveLength(4 * 13);
  });
});
