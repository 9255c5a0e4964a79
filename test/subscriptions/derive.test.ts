/**
 * Renewal events derived from a billing record (docs/contract.md § subscriptions), so every page that reads
 * renewal events works on a subscription book; and why the account basis is needed: on monthly terms the
 * cohort logo churn counts each month as a renewal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, stage, type Staged } from "../helpers/stage.ts";
import { ACCOUNTS, AS_OF, subscriptionRows } from "./five-accounts.ts";

describe("the five accounts' billing record, as renewal events", () => {
  let s: Staged;
  beforeAll(async () => {
    s = await stage({ "accounts.csv": csv(...ACCOUNTS), "subscriptions.csv": csv(...subscriptionRows()) }, { config: { asOf: AS_OF } });
  });
  afterAll(() => s?.close());

  it("derives A2's renewal at its term end: a downgrade, a removed add-on and a cross-sell", async () => {
    expect(await s.query(`select renewal_id, renewal_date::varchar as renewal_date, resolved_date::varchar as resolved_date, product,
        arr_before::double as arr_before, arr_after::double as arr_after from int_renewal_lines where account_id = 'A2' order by renewal_date, product`)).toEqual([
      { renewal_id: "A2 @ 2025-03-01", renewal_date: "2025-03-01", resolved_date: "2025-03-01", product: "Analytics", arr_before: 0, arr_after: 1500 },
      { renewal_id: "A2 @ 2025-03-01", renewal_date: "2025-03-01", resolved_date: "2025-03-01", product: "Pro", arr_before: 12000, arr_after: 10000 },
      { renewal_id: "A2 @ 2025-03-01", renewal_date: "2025-03-01", resolved_date: "2025-03-01", product: "Seats", arr_before: 2000, arr_after: 0 },
      // after the as-of date: the term has not ended yet, so the event is open
      { renewal_id: "A2 @ 2026-03-01", renewal_date: "2026-03-01", resolved_date: null, product: "Analytics", arr_before: 1500, arr_after: null },
      { renewal_id: "A2 @ 2026-03-01", renewal_date: "2026-03-01", resolved_date: null, product: "Pro", arr_before: 10000, arr_after: null },
    ]);
  });

  it("counts a cancelled line as a lost account, with its churn reason", async () => {
    expect(await s.query(`select renewal_id, is_churned, arr_before::double as arr_before, loss_reasons from int_renewal_events
        where account_id in ('A3', 'A4') and is_churned order by renewal_date`)).toEqual([
      { renewal_id: "A4 @ 2024-10-01", is_churned: true, arr_before: 2400, loss_reasons: "Switched" },
      { renewal_id: "A3 @ 2025-07-01", is_churned: true, arr_before: 6000, loss_reasons: "Budget" },
    ]);
  });

  it("gives a 2025 cohort whose logo churn is per term: 1 of 14 events against 1 of 3 accounts", async () => {
    // 2025 events: A1's 12 monthly terms (01-01 … 12-01: 4 × 1,200 then 8 × 1,800; 04-01 is the upgrade, +600),
    // A2 on 03-01 (14,000 → 11,500: partial loss 4,000, cross-sell 1,500), A3 on 07-01 (6,000 lost).
    // starting = 4,800 + 14,400 + 14,000 + 6,000 = 39,200; retained = 39,200 − 6,000 − 4,000 = 29,200;
    // ending = 29,200 + 600 + 1,500 = 31,300. Logo churn 1/14, where the account basis (bridge.test.ts) reads 1/3.
    const rates = (await s.dataset("revenue")).table("cohort_rates").find((r) => r.period === "2025" && r.dimension === "all")!;
    expect(rates).toMatchObject({
      events: 14, starting: 39200, resolved_events: 14, churned_events: 1, full_loss: 6000, partial_loss: 4000,
      upsell: 600, cross_sell: 1500, retained: 29200, ending: 31300,
    });
    expect(rates.logo_churn_rate).toBeCloseTo(1 / 14, 12);
    expect(rates.grr).toBeCloseTo(29200 / 39200, 12);
  });

  it("measures the median term on the billing rows: 31 days, so the term warning applies", async () => {
    // 40 rows with an end: 33 monthly (one of 28 days, two of 29, eleven of 30, nineteen of 31) and 7 annual;
    // the 20th and 21st shortest are both 31-day months.
    expect((await s.dataset("revenue")).table("term_length")).toEqual([{ basis: "subscription rows", terms: 40, median_term_days: 31 }]);
  });
});

describe("overlapping rows, and a line removed while the account stays", () => {
  let s: Staged;
  beforeAll(async () => {
    s = await stage({
      "accounts.csv": csv("account_id,customer_since", "A1,2024-01-01", "A2,2024-01-01"),
      "subscriptions.csv": csv(
        "account_id,product,start_date,end_date,arr",
        // A1: Core 1,200 for 2024, plus 600 more of Core from 06-01 (overlapping rows add up: 1,800); renewed at 1,500.
        "A1,Core,2024-01-01,2025-01-01,1200",
        "A1,Core,2024-06-01,2025-01-01,600",
        "A1,Core,2025-01-01,2026-01-01,1500",
        // A2: a two-year Core at 1,000, and an add-on Extra 300 that ends on 2025-03-01 with nothing after it.
        "A2,Core,2024-01-01,2026-01-01,1000",
        "A2,Extra,2024-03-01,2025-03-01,300",
      ),
    }, { config: { asOf: "2025-06-30" } });
  });
  afterAll(() => s?.close());

  it("adds overlapping rows of one line", async () => {
    expect(await s.query(`select valid_from::varchar as f, valid_to::varchar as t, arr::double as arr from int_line_arr
        where account_id = 'A1' order by valid_from`)).toEqual([
      { f: "2024-01-01", t: "2024-06-01", arr: 1200 },
      { f: "2024-06-01", t: "2025-01-01", arr: 1800 },
      { f: "2025-01-01", t: "2026-01-01", arr: 1500 },
    ]);
    expect(await s.query(`select arr_before::double as b, arr_after::double as a from int_renewal_lines where account_id = 'A1' order by renewal_date`))
      .toEqual([{ b: 1800, a: 1500 }, { b: 1500, a: null }]);
  });

  it("reads a removed add-on as a partial loss, not a lost account", async () => {
    // Extra's term ends alone; Core still bills that day, so it joins the event unchanged (1,300 → 1,000).
    const events = await s.query(`select renewal_id, is_churned, partial_loss::double as partial_loss, arr_after::double as after
        from int_renewal_events where account_id = 'A2' order by renewal_date`);
    expect(events).toEqual([
      { renewal_id: "A2 @ 2025-03-01", is_churned: false, partial_loss: 300, after: 1000 },
      { renewal_id: "A2 @ 2026-01-01", is_churned: false, partial_loss: 0, after: null },
    ]);
    expect(await s.query("select is_active, lost_on from int_account_status where account_id = 'A2'")).toEqual([{ is_active: true, lost_on: null }]);
  });
});
