import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, stage, type Staged } from "../helpers/stage.ts";
import { sums } from "../../src/components/data.js";

// As of 2026-06-30. Three accounts:
//   A1 SMB/EU/Ana  active, next open renewal worth 100 due 2026-08-01 (within 90 days)
//   A2 SMB/EU/Ana  lost: its 2026-01-15 renewal resolved with arr_after 0 → not active
//   A3 ENT/US/(no CSM) active, renewal of 500 due 2026-05-01 still open → overdue
let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv(
      "account_id,account_name,segment,region,csm,customer_since",
      "A1,Alpha,SMB,EU,Ana,2024-01-01",
      "A2,Beta,SMB,EU,Ana,2024-01-01",
      "A3,Gamma,ENT,US,,2024-01-01"),
    "renewals.csv": csv(
      "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      "R1,A1,2026-08-01,,core,100,",
      "R2,A2,2026-01-15,2026-01-20,core,40,0",
      "R3,A3,2026-05-01,,core,500,"),
  }, { config: { asOf: "2026-06-30" } });
}, 120_000);
afterAll(() => s?.close());

describe("the home page's figures per owner", () => {
  it("split the book by segment, region and CSM, and add up to it", async () => {
    const ds = await s.dataset("overview");
    const owners = ds.table("by_owner");
    // an account with no CSM is owned by "(none)" (int_account_owners), so the filter bar can select it
    expect(owners).toEqual([
      { segment: "ENT", region: "US", csm: "(none)", accounts: 1, active_accounts: 1, current_arr: 500, overdue_renewals: 1, overdue_value: 500, due_next_90_days: 0, due_next_90_days_value: 0 },
      { segment: "SMB", region: "EU", csm: "Ana", accounts: 2, active_accounts: 1, current_arr: 100, overdue_renewals: 0, overdue_value: 0, due_next_90_days: 1, due_next_90_days_value: 100 },
    ]);
    const book = ds.table("book")[0];
    const total = sums(owners);
    for (const k of ["accounts", "active_accounts", "current_arr", "overdue_renewals", "overdue_value", "due_next_90_days", "due_next_90_days_value"]) expect(total[k], k).toBe(book[k]);
  });
});
