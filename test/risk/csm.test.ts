/**
 * Per CSM: the under-calling flag needs at least under_call_min_events resolved renewals.
 *
 * Every account has one renewal due 2025-06-30, resolved that day (as-of 2025-12-31), one line of 1,000.
 * Colors are set by one snapshot on 2025-03-01, so they hold at every lookback (30–90 days; at 180 days,
 * 2025-01-01, all are unscored).
 *
 * | CSM   | renewals | churned      | red at lookback | red share | logo churn | flag (min 10)            |
 * | Bob   | 10       | B01–B03 (3)  | B01 (1)         | 10%       | 30%        | yes: 10 ≥ 10 and 10 < 30 |
 * | Cy    | 9        | C01–C02 (2)  | none            | 0%        | 22.2%      | no: 9 < 10               |
 * | Dee   | 10       | D01–D02 (2)  | D01–D03 (3)     | 30%       | 20%        | no: red ≥ churn          |
 * | (none)| 12       | N01–N03 (3)  | none            | 0%        | 25%        | no: not a person         |
 * With under_call_min_events = 9, Cy is flagged too.
 */
import { afterAll, describe, expect, it } from "vitest";
import { perCsm } from "../../src/components/risk.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const CSMS: [prefix: string, csm: string, n: number, churned: number, red: number][] = [
  ["B", "Bob", 10, 3, 1],
  ["C", "Cy", 9, 2, 0],
  ["D", "Dee", 10, 2, 3],
  ["N", "", 12, 3, 0],
];

function book() {
  const accounts: string[] = [], renewals: string[] = [], health: string[] = [];
  for (const [prefix, csm, n, churned, red] of CSMS) {
    for (let i = 1; i <= n; i++) {
      const id = `${prefix}${String(i).padStart(2, "0")}`;
      accounts.push(`${id},2023-01-01,${csm}`);
      renewals.push(`R${id},${id},2025-06-30,2025-06-30,Core,1000,${i <= churned ? 0 : 1000}`);
      health.push(`${id},2025-03-01,${i <= red ? "red" : "green"}`);
    }
  }
  return {
    "accounts.csv": csv("account_id,customer_since,csm", ...accounts),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", ...renewals),
    "health.csv": csv("account_id,as_of,color", ...health),
  };
}

const opened: Staged[] = [];
afterAll(() => {
  for (const s of opened) s.close();
});

async function flags(minEvents?: number) {
  const config: Record<string, unknown> = { asOf: "2025-12-31" };
  if (minEvents) config.thresholds = { underCallMinEvents: minEvents };
  const s = await stage(book(), { config });
  opened.push(s);
  const d = await s.dataset("risk");
  const groups = new Map(d.table("groups").map((g) => [g.group_id, g.csm]));
  const renewals = d.table("renewals").filter((r) => r.lookback_days === 90).map((r) => ({ ...r, csm: groups.get(r.group_id) ?? null }));
  return { sql: d.table("csms").filter((r) => r.lookback_days === 90), js: perCsm(renewals, minEvents ?? 10) };
}

describe("under-calling CSMs", () => {
  it("flags a CSM with 10 renewals whose red share is below churn, and only that one", async () => {
    const { sql, js } = await flags();
    const byName = (a: { csm?: unknown }, b: { csm?: unknown }) => String(a.csm).localeCompare(String(b.csm));
    // accounts without a CSM are one group, '(none)' (int_account_owners), never flagged: a flag is about a person
    expect([...sql].sort(byName).map((r) => [r.csm, r.events, r.red_events, r.churned, r.under_calling])).toEqual([
      ["(none)", 12, 0, 3, false],
      ["Bob", 10, 1, 3, true],
      ["Cy", 9, 0, 2, false],
      ["Dee", 10, 3, 2, false],
    ]);
    const bob = sql.find((r) => r.csm === "Bob")!;
    expect(bob.red_share).toBe(0.1);
    expect(bob.logo_churn_rate).toBe(0.3);
    // the page's function agrees with the SQL mart, and lists CSMs by gap (logo churn − red share), largest first:
    // (none) 25 − 0, Cy 22.2 − 0, Bob 30 − 10, Dee 20 − 30
    expect(js.map((r) => r.csm)).toEqual(["(none)", "Cy", "Bob", "Dee"]);
    expect([...js].sort(byName).map((r) => [r.csm, r.events, r.red, r.churned, r.under_calling])).toEqual([...sql].sort(byName).map((r) => [r.csm, r.events, r.red_events, r.churned, r.under_calling]));
  });

  it("follows the under_call_min_events setting", async () => {
    const { sql, js } = await flags(9);
    expect(sql.filter((r) => r.under_calling).map((r) => r.csm)).toEqual(["Bob", "Cy"]);
    expect(js.filter((r) => r.under_calling).map((r) => r.csm)).toEqual(["Cy", "Bob"]);  // Cy's gap (22.2%) is larger than Bob's (20%)
  });
});
