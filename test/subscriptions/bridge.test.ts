/**
 * The ARR bridge on an account basis (docs/metrics.md § Revenue on an account basis), worked out by hand on the
 * five accounts of five-accounts.ts, read from a billing record and from renewal events.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row } from "../../loaders/engine/db.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";
import { ACCOUNTS, AS_OF, renewalRows, subscriptionRows } from "./five-accounts.ts";

type Bridge = Row[];

function pick(rows: Bridge, window: string, periodEnd: string, dimension = "all", value = "all"): Row {
  const found = rows.filter((r) => r.window === window && r.period_end === periodEnd && r.dimension === dimension && r.dimension_value === value);
  expect(found, `${window} ${periodEnd} ${dimension}=${value}`).toHaveLength(1);
  return found[0];
}

const MONEY = ["starting_arr", "churned_arr", "contraction", "expansion", "cross_sell", "new_arr", "reactivation", "ending_arr"] as const;

/** starting − churned − contraction + expansion + cross-sell + new + reactivation = ending, to the cent. */
function identityBreaks(rows: Bridge): Row[] {
  return rows.filter((r) => {
    const [s, ch, co, ex, cs, nw, re, en] = MONEY.map((k) => Math.round(Number(r[k]) * 100));
    return s - ch - co + ex + cs + nw + re !== en;
  });
}

// Year 2025, (2024-12-31, 2025-12-31] — ARR on s: A1 1,200, A2 12,000 + 2,000, A3 6,000 (A4 lapsed, A5 not yet):
//   starting 21,200 over 3 logos. ARR on e: A1 1,800, A2 10,000 + 1,500, A4 3,000, A5 5,000 = 21,300.
//   churned: A3, 1 logo, 6,000. contraction: A2 Pro 2,000 + Seats removed 2,000 = 4,000. expansion: A1 600.
//   cross-sell: A2 Analytics 1,500. new: A5 5,000 (never held before). reactivation: A4 3,000 (held in 2024).
//   21,200 − 6,000 − 4,000 + 600 + 1,500 + 5,000 + 3,000 = 21,300.
//   logo churn 1/3; GRR (21,200 − 6,000 − 4,000) / 21,200 = 11,200 / 21,200; NRR (11,200 + 600 + 1,500) / 21,200 = 13,300 / 21,200.
const YEAR_2025 = {
  starting_logos: 3, churned_logos: 1, starting_arr: 21200, churned_arr: 6000, contraction: 4000, expansion: 600,
  cross_sell: 1500, new_arr: 5000, reactivation: 3000, ending_arr: 21300,
};
const YEAR_2025_RATES = { logo_churn_rate: 1 / 3, grr: 11200 / 21200, nrr: 13300 / 21200 };

function checkBook(name: string, files: () => Record<string, string>) {
  describe(name, () => {
    let s: Staged;
    let bridge: Bridge;
    beforeAll(async () => {
      s = await stage(files(), { config: { asOf: AS_OF } });
      bridge = (await s.dataset("revenue")).table("arr_bridge");
    });
    afterAll(() => s?.close());

    it("stages without a rejected row", () => {
      expect(s.result.fatal).toEqual([]);
      expect(s.result.tables.reduce((n, t) => n + t.rows_rejected, 0)).toBe(0);
    });

    it("gives the year 2025 bridge worked out by hand", () => {
      const y = pick(bridge, "year", "2025-12-31");
      expect(y).toMatchObject(YEAR_2025);
      for (const [k, v] of Object.entries(YEAR_2025_RATES)) expect(y[k], k).toBeCloseTo(v, 12);
      expect(y.logo_churn_rate_annualized).toBeNull(); // annualized only for months
      // The year 2024: everyone held on 2024-12-31 is new (A1 1,200 + A2 14,000 + A3 6,000); A4 came and went.
      expect(pick(bridge, "year", "2024-12-31")).toMatchObject({
        starting_logos: 0, starting_arr: 0, new_arr: 21200, reactivation: 0, ending_arr: 21200, logo_churn_rate: null, grr: null, nrr: null,
      });
    });

    it("gives the TTM ending 2025-12-31 equal to the year (2025 has 365 days)", () => {
      const t = pick(bridge, "ttm", "2025-12-31");
      expect(t).toMatchObject({ ...YEAR_2025, period_start: "2024-12-31" });
    });

    it("gives the month and quarter bridges worked out by hand", () => {
      // March 2025, (02-28, 03-31]: s: A1 1,200 + A2 14,000 + A3 6,000 + A5 5,000 = 26,200 (4 logos).
      // e: A2 is 10,000 + 1,500: contraction 4,000, cross-sell 1,500; ending 23,700.
      const mar = pick(bridge, "month", "2025-03-31");
      expect(mar).toMatchObject({
        starting_logos: 4, churned_logos: 0, starting_arr: 26200, churned_arr: 0, contraction: 4000, expansion: 0,
        cross_sell: 1500, new_arr: 0, reactivation: 0, ending_arr: 23700, logo_churn_rate: 0, logo_churn_rate_annualized: 0,
      });
      expect(mar.grr).toBeCloseTo(22200 / 26200, 12);
      expect(mar.nrr).toBeCloseTo(23700 / 26200, 12);
      expect(mar.grr_annualized).toBeCloseTo((22200 / 26200) ** 12, 12);
      // July 2025, (06-30, 07-31]: s: A1 1,800 + A2 11,500 + A3 6,000 + A4 3,000 + A5 5,000 = 27,300 (5 logos);
      // A3 leaves on 07-01: logo churn 1/5 = 20%, annualized 1 − 0.8^12 = 0.931280523...; GRR = NRR = 21,300 / 27,300.
      const jul = pick(bridge, "month", "2025-07-31");
      expect(jul).toMatchObject({ starting_logos: 5, churned_logos: 1, starting_arr: 27300, churned_arr: 6000, ending_arr: 21300, logo_churn_rate: 0.2 });
      expect(jul.logo_churn_rate_annualized).toBeCloseTo(1 - 0.8 ** 12, 12);
      expect(jul.grr).toBeCloseTo(21300 / 27300, 12);
      expect(jul.nrr_annualized).toBeCloseTo((21300 / 27300) ** 12, 12);
      // Q2 2025, (03-31, 06-30]: s 23,700 (A1 1,200, A2 11,500, A3 6,000, A5 5,000); A1 upgrades (+600), A4 returns (+3,000).
      expect(pick(bridge, "quarter", "2025-06-30")).toMatchObject({
        starting_logos: 4, churned_logos: 0, starting_arr: 23700, expansion: 600, reactivation: 3000, new_arr: 0, ending_arr: 27300, grr: 1,
      });
      // October 2024: A4 (2,400) leaves on 10-01 — A1 1,200 + A2 14,000 + A3 6,000 + A4 2,400 = 23,600 on s.
      expect(pick(bridge, "month", "2024-10-31")).toMatchObject({ starting_logos: 4, churned_logos: 1, churned_arr: 2400, ending_arr: 21200 });
    });

    it("slices by segment and CSM, and the slices add up to the whole book", () => {
      // SMB (A1, A4, A5) in 2025: s: A1 1,200 (1 logo); e: A1 1,800 + A4 3,000 + A5 5,000.
      expect(pick(bridge, "year", "2025-12-31", "segment", "SMB")).toMatchObject({
        starting_logos: 1, starting_arr: 1200, expansion: 600, new_arr: 5000, reactivation: 3000, ending_arr: 9800, logo_churn_rate: 0, grr: 1, nrr: 1.5,
      });
      // Bob (A2, A3): s 20,000 (2 logos); A3 churns 6,000; A2 contracts 4,000 and cross-sells 1,500: e 11,500.
      const bob = pick(bridge, "year", "2025-12-31", "csm", "Bob");
      expect(bob).toMatchObject({ starting_logos: 2, churned_logos: 1, starting_arr: 20000, churned_arr: 6000, contraction: 4000, cross_sell: 1500, ending_arr: 11500, logo_churn_rate: 0.5, grr: 0.5 });
      for (const dim of ["segment", "region", "csm"]) {
        const parts = bridge.filter((r) => r.window === "year" && r.period_end === "2025-12-31" && r.dimension === dim);
        for (const k of MONEY) expect(parts.reduce((n, r) => n + Number(r[k]), 0), `${dim} ${k}`).toBeCloseTo(Number(YEAR_2025[k]), 6);
      }
    });

    it("holds the bridge identity on every row", () => {
      expect(bridge.length).toBeGreaterThan(100);
      expect(identityBreaks(bridge)).toEqual([]);
    });
  });
}

checkBook("the five accounts as a billing record", () => ({
  // A5 leaves customer_since empty: with subscriptions it is its first start_date.
  "accounts.csv": csv(...ACCOUNTS.map((l) => (l.startsWith("A5,") ? l.replace(/,2025-02-01$/, ",") : l))),
  "subscriptions.csv": csv(...subscriptionRows()),
}));

checkBook("the same five accounts as renewal events", () => ({
  "accounts.csv": csv(...ACCOUNTS),
  "renewals.csv": csv(...renewalRows()),
}));

describe("both shapes of the five accounts", () => {
  it("give the same bridge on every window and slice", async () => {
    const a = await stage({ "accounts.csv": csv(...ACCOUNTS), "subscriptions.csv": csv(...subscriptionRows()) }, { config: { asOf: AS_OF } });
    const b = await stage({ "accounts.csv": csv(...ACCOUNTS), "renewals.csv": csv(...renewalRows()) }, { config: { asOf: AS_OF } });
    try {
      const x = (await a.dataset("revenue")).table("arr_bridge");
      const y = (await b.dataset("revenue")).table("arr_bridge");
      expect(x.length).toBe(y.length);
      expect(x).toEqual(y);
      // The customer_since left empty became A5's first start_date.
      expect(await a.query("select customer_since::varchar as d from stg_accounts where account_id = 'A5'")).toEqual([{ d: "2025-02-01" }]);
    } finally {
      a.close();
      b.close();
    }
  });
});
