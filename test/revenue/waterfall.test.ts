/**
 * The renewal waterfall on small hand-made books whose every figure is worked
 * out by hand below (docs/metrics.md § Revenue).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db, literal } from "../../loaders/engine/db.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";
import { failedAssertions } from "./assertions.ts";

const RENEWALS = "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after,loss_reason";

/** The row of `rows` matching every given field. */
function pick(rows: Record<string, unknown>[], match: Record<string, unknown>) {
  const found = rows.filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  expect(found, JSON.stringify(match)).toHaveLength(1);
  return found[0];
}

describe("the seed's example: 100 clients, $100M; 90 renew for $95M", () => {
  let s: Staged;
  beforeAll(async () => {
    // 50 stayers at $1,000,000 + 40 stayers at $1,125,000 = $95M, kept flat; 10 leavers at $500,000 = $5M.
    const accounts = ["account_id,customer_since,segment,region,csm"];
    const lines = [RENEWALS];
    for (let i = 1; i <= 100; i++) {
      const id = `A${String(i).padStart(3, "0")}`;
      accounts.push(`${id},2024-03-01,Enterprise,NA,Ann`);
      const before = i <= 50 ? 1_000_000 : i <= 90 ? 1_125_000 : 500_000;
      const after = i <= 90 ? before : 0;
      lines.push(`R${id},${id},2025-03-01,2025-02-15,Core,${before},${after},${i <= 90 ? "" : "Budget"}`);
    }
    s = await stage({ "accounts.csv": csv(...accounts), "renewals.csv": csv(...lines) }, { config: { asOf: "2025-12-31" } });
  });
  afterAll(() => s?.close());

  it("gives logo churn 10% and revenue churn 5%", async () => {
    const rates = (await s.dataset("revenue")).table("cohort_rates");
    // starting = resolved = 50 × 1,000,000 + 40 × 1,125,000 + 10 × 500,000 = 100,000,000
    // full loss = 10 × 500,000 = 5,000,000; partial loss 0; retained = 95,000,000; no expansion: ending 95,000,000
    // logo churn = 10 / 100 = 10%; revenue churn = 5M / 100M = 5%; GRR = NRR = 95M / 100M = 95%
    expect(pick(rates, { period: "2025", dimension: "all" })).toMatchObject({
      events: 100, starting: 100_000_000, resolved_events: 100, resolved: 100_000_000, churned_events: 10,
      full_loss: 5_000_000, partial_loss: 0, retained: 95_000_000, upsell: 0, cross_sell: 0, ending: 95_000_000,
      resolution_rate: 1, grr: 0.95, expansion_rate: 0, nrr: 0.95, revenue_churn_rate: 0.05,
      logo_churn_rate: 0.1, logo_retention_rate: 0.9,
    });
    // The quarter cohort holds the same 100 events.
    expect(pick(rates, { period: "2025-Q1", dimension: "all" })).toMatchObject({ starting: 100_000_000, logo_churn_rate: 0.1, revenue_churn_rate: 0.05 });
  });

  it("passes every data test", async () => {
    expect(await failedAssertions(s.query)).toEqual([]);
  });
});

describe("a book with each kind of renewal (as of 2025-12-31)", () => {
  let s: Staged;
  let d: Awaited<ReturnType<Staged["dataset"]>>;
  beforeAll(async () => {
    s = await stage({
      "accounts.csv": csv(
        "account_id,account_name,customer_since,segment,region,csm",
        "A1,Upsell Co,2024-02-01,SMB,NA,Ann",
        "A2,Removed Line Co,2024-03-15,SMB,NA,Ann",
        "A3,Rip Co,2024-05-01,Enterprise,EMEA,Bob",
        "A4,Gone Co,2024-06-30,Enterprise,EMEA,Bob",
        "A5,Open Co,2024-09-01,SMB,APAC,Ann",
        "A6,Late Co,2024-11-15,SMB,APAC,",
        "A7,Next Co,2025-02-01,Mid-Market,NA,Cy",
      ),
      "renewals.csv": csv(
        RENEWALS,
        // R1: upsell on Core (1000 → 1200) and a pure cross-sell line (0 → 300)
        "R1,A1,2025-02-01,2025-01-20,Core,1000,1200,",
        "R1,A1,2025-02-01,2025-01-20,Addon,0,300,",
        // R2: a removed line (Analytics 500 → 0), Core kept flat
        "R2,A2,2025-03-15,2025-03-20,Core,2000,2000,",
        "R2,A2,2025-03-15,2025-03-20,Analytics,500,0,Budget",
        // R3: rip and replace: Legacy torn out, NewThing bought
        "R3,A3,2025-05-01,2025-05-10,Core,4000,4000,",
        "R3,A3,2025-05-01,2025-05-10,Legacy,1000,0,Replaced by another product",
        "R3,A3,2025-05-01,2025-05-10,NewThing,0,1200,",
        // R4: full loss
        "R4,A4,2025-06-30,2025-06-01,Core,3000,0,Switched to competitor",
        "R4,A4,2025-06-30,2025-06-01,Addon,600,0,Switched to competitor",
        // R5: unresolved and past due
        "R5,A5,2025-09-01,,Core,800,,",
        // R6: resolved after the as-of date: unresolved on it, and past due
        "R6,A6,2025-11-15,2026-01-10,Core,700,700,",
        // R7: due after the as-of date
        "R7,A7,2026-02-01,,Core,900,,",
      ),
    }, { config: { asOf: "2025-12-31" } });
    d = await s.dataset("revenue");
  });
  afterAll(() => s?.close());

  it("computes the 2025 cohort by hand", () => {
    // Events R1–R6 (renewal_date in 2025). starting = 1000 + 2500 + 5000 + 3600 + 800 + 700 = 13,600.
    // Resolved by 2025-12-31: R1–R4 (R6 settles 2026-01-10): resolved = 1000 + 2500 + 5000 + 3600 = 12,100.
    // full loss = R4 3600; partial loss = R2 500 + R3 1000 = 1500; retained = 12,100 − 3600 − 1500 = 7000
    //   (R1 1000 + R2 2000 + R3 4000). upsell = R1 200; cross-sell = R1 300 + R3 1200 = 1500.
    // ending = 7000 + 200 + 1500 = 8700 (= Σ after: 1500 + 2000 + 5200 + 0).
    // Unresolved: R5 800 + R6 700 = 1500, both overdue. Rip and replace: R3 (loss 1000, cross-sell 1200).
    // Rates: resolution 12,100/13,600; GRR 7000/12,100; expansion 1700/12,100; NRR 8700/12,100;
    // revenue churn 5100/12,100; logo churn 1/4; logo retention 3/4.
    const y = pick(d.table("cohort_rates"), { period: "2025", dimension: "all" });
    expect(y).toMatchObject({
      events: 6, starting: 13_600, resolved_events: 4, resolved: 12_100, churned_events: 1,
      full_loss: 3600, partial_loss: 1500, retained: 7000, upsell: 200, cross_sell: 1500, ending: 8700,
      unresolved_events: 2, unresolved_value: 1500, overdue_events: 2, overdue_value: 1500,
      rip_replace_events: 1, rip_replace_loss: 1000, rip_replace_cross_sell: 1200,
      logo_churn_rate: 0.25, logo_retention_rate: 0.75,
    });
    expect(y.resolution_rate).toBeCloseTo(12_100 / 13_600, 11);
    expect(y.grr).toBeCloseTo(7000 / 12_100, 11);
    expect(y.expansion_rate).toBeCloseTo(1700 / 12_100, 11);
    expect(y.nrr).toBeCloseTo(8700 / 12_100, 11);
    expect(y.revenue_churn_rate).toBeCloseTo(5100 / 12_100, 11);
  });

  it("computes each quarter, with null rates where nothing resolved", () => {
    const q = (period: string) => pick(d.table("cohort_rates"), { period, dimension: "all" });
    // Q1: R1 + R2: starting = resolved = 3500; partial 500; retained 3000; upsell 200; cross-sell 300; ending 3500.
    // GRR = 3000/3500 = 6/7; NRR = 3500/3500 = 1; nobody left: logo churn 0 (not null: 2 resolved events).
    expect(q("2025-Q1")).toMatchObject({ starting: 3500, resolved: 3500, partial_loss: 500, retained: 3000, upsell: 200, cross_sell: 300, ending: 3500, nrr: 1, logo_churn_rate: 0 });
    expect(q("2025-Q1").grr).toBeCloseTo(6 / 7, 11);
    expect(q("2025-Q1").revenue_churn_rate).toBeCloseTo(1 / 7, 11);
    // Q2: R3 + R4: resolved 8600; full 3600; partial 1000; retained 4000; cross-sell 1200; ending 5200; logo churn 1/2.
    expect(q("2025-Q2")).toMatchObject({ starting: 8600, resolved: 8600, full_loss: 3600, partial_loss: 1000, retained: 4000, cross_sell: 1200, ending: 5200, logo_churn_rate: 0.5 });
    // Q3: R5 only, unresolved: resolved 0 → every rate over resolved is null; resolution rate 0/800 = 0.
    expect(q("2025-Q3")).toMatchObject({ starting: 800, resolved: 0, resolution_rate: 0, grr: null, nrr: null, expansion_rate: null, revenue_churn_rate: null, logo_churn_rate: null, logo_retention_rate: null, overdue_events: 1, overdue_value: 800 });
    // Q4: R6 settles after the as-of date: unresolved, overdue 700.
    expect(q("2025-Q4")).toMatchObject({ starting: 700, resolved_events: 0, unresolved_events: 1, overdue_value: 700, grr: null });
    // 2026: R7 is due after the as-of date: unresolved but not overdue.
    expect(pick(d.table("cohort_rates"), { period: "2026", dimension: "all" })).toMatchObject({ starting: 900, unresolved_value: 900, overdue_events: 0, overdue_value: 0, resolution_rate: 0 });
  });

  it("slices by CSM, with a missing owner as '(none)'", () => {
    const c = (v: string) => pick(d.table("cohort_rates"), { period: "2025", dimension: "csm", dimension_value: v });
    // Ann: R1, R2, R5: starting 1000 + 2500 + 800 = 4300; resolved 3500. Bob: R3, R4: 8600. (none): R6: 700.
    expect(c("Ann")).toMatchObject({ events: 3, starting: 4300, resolved: 3500, logo_churn_rate: 0 });
    expect(c("Bob")).toMatchObject({ events: 2, starting: 8600, resolved: 8600, logo_churn_rate: 0.5 });
    expect(c("(none)")).toMatchObject({ events: 1, starting: 700, resolved: 0, grr: null });
    // The facts carry the finest grain: Ann's 2025 cohort is two rows (SMB·NA with R1+R2, SMB·APAC with R5).
    const ann = d.table("cohort_facts").filter((r) => r.period === "2025" && r.csm === "Ann");
    expect(ann.map((r) => [r.segment, r.region, r.starting])).toEqual([["SMB", "APAC", 800], ["SMB", "NA", 3500]]);
  });

  it("lists the rip and replace with the value that moved", () => {
    // Only R3: partial loss 1000 (Legacy removed), cross-sell 1200 (NewThing), net 5200 − 5000 = +200.
    // R1 has cross-sell but no loss; R2 has a loss but no cross-sell: neither is listed.
    expect(d.table("rip_and_replace")).toEqual([{
      renewal_id: "R3", account_id: "A3", account_name: "Rip Co", segment: "Enterprise", region: "EMEA", csm: "Bob",
      renewal_date: "2025-05-01", resolved_date: "2025-05-10", renewal_year: "2025", renewal_quarter: "2025-Q2",
      starting: 5000, ending: 5200, partial_loss: 1000, cross_sell: 1200, upsell: 0, net_change: 200,
      removed_products: ["Legacy"], reduced_products: [], added_products: ["NewThing"], loss_reasons: "Replaced by another product",
    }]);
  });

  it("lists the overdue renewals", () => {
    // R5: 2025-09-01 → 2025-12-31 = 30 (to Oct 1) + 31 (to Nov 1) + 30 (to Dec 1) + 30 (to Dec 31) = 121 days.
    // R6: 2025-11-15 → 2025-12-31 = 15 (to Nov 30) + 31 = 46 days. R7 is not due yet.
    expect(d.table("overdue").map((r) => [r.renewal_id, r.csm, r.days_overdue, r.value])).toEqual([["R5", "Ann", 121, 800], ["R6", "(none)", 46, 700]]);
  });

  it("reads the TTM series on each month end", () => {
    const t = (m: string) => pick(d.table("ttm_rates"), { month_end: m, dimension: "all" });
    const months = d.table("ttm_rates").filter((r) => r.dimension === "all");
    // From the first resolved month (January 2025) to the last month end on or before 2025-12-31: 12 month ends.
    // None holds a full year: 2025-12-31 − 364 days = 2025-01-01, before the first resolution (2025-01-20).
    expect(months.map((r) => r.month_end)).toHaveLength(12);
    expect(months.every((r) => r.full_window === false)).toBe(true);
    // 2025-01-31: R1 only: resolved 1000, retained 1000, ending 1500: GRR 1, NRR 1.5, logo churn 0.
    expect(t("2025-01-31")).toMatchObject({ resolved_events: 1, resolved: 1000, retained: 1000, ending: 1500, grr: 1, nrr: 1.5, logo_churn_rate: 0, revenue_churn_rate: 0 });
    // 2025-05-31: R1–R3: resolved 8500; partial 1500; retained 7000; ending 1500 + 2000 + 5200 = 8700: NRR 8700/8500.
    expect(t("2025-05-31")).toMatchObject({ resolved: 8500, partial_loss: 1500, retained: 7000, ending: 8700 });
    expect(t("2025-05-31").nrr).toBeCloseTo(8700 / 8500, 11);
    // 2025-12-31: R1–R4 (R6 settles after it): as the 2025 cohort: logo churn 1/4, GRR 7000/12,100.
    expect(t("2025-12-31")).toMatchObject({ resolved_events: 4, churned_events: 1, resolved: 12_100, retained: 7000, ending: 8700, logo_churn_rate: 0.25 });
  });

  it("passes every data test", async () => {
    expect(await failedAssertions(s.query)).toEqual([]);
  });

  it("has data tests that catch a broken row", async () => {
    // A writable copy of the marts, then two faults: an ending off by 1, and a 0 where a rate must be null.
    const db = await Db.open();
    try {
      await db.run(`attach ${literal(s.result.dbPath)} as w (read_only); set variable as_of = date '2025-12-31'`);
      for (const t of ["revenue_cohort_facts", "revenue_cohort_rates", "revenue_ttm_facts", "revenue_ttm_rates", "int_renewal_events", "rip_and_replace_renewals", "overdue_renewals"]) {
        await db.run(`create table ${t} as select * from w.${t}`);
      }
      await db.run("update revenue_cohort_facts set ending = ending + 1 where period = '2025' and csm = 'Bob'");
      await db.run("update revenue_cohort_rates set grr = 0 where period = '2025-Q3' and dimension = 'all'");
      const failed = (await failedAssertions((q) => db.rows(q))).map((f) => f.split(":").slice(0, 2).join(":"));
      expect(failed).toEqual([
        "revenue_cohort_facts: retained + upsell + cross_sell = ending",
        "revenue_cohort_facts: each period type holds every event exactly once",
        "revenue_cohort_rates: grr is null iff resolved = 0",
      ]);
    } finally {
      db.close();
    }
  });
});

describe("the TTM window (m − 365 days, m] across a leap day", () => {
  it("drops a resolution exactly 365 days before the month end", async () => {
    // m = 2025-01-31; m − 365 days = 2024-02-01 (the window holds 2024-02-29). E resolved 2024-02-01 is out;
    // F resolved 2024-02-02 is in. E is in on 2024-02-29 … 2024-12-31 (m − 365 < 2024-02-01 ⇔ m < 2025-01-31).
    const s = await stage({
      "accounts.csv": csv("account_id,customer_since", "E,2023-01-01", "F,2023-01-01"),
      "renewals.csv": csv(RENEWALS, "RE,E,2024-02-15,2024-02-01,Core,100,0,", "RF,F,2024-02-15,2024-02-02,Core,300,300,"),
    }, { config: { asOf: "2025-01-31" } });
    try {
      const all = (await s.dataset("revenue")).table("ttm_rates").filter((r) => r.dimension === "all");
      const at = (m: string) => all.find((r) => r.month_end === m)!;
      // 2024-12-31: both: resolved 400, E lost: logo churn 1/2, revenue churn 100/400.
      expect(at("2024-12-31")).toMatchObject({ resolved_events: 2, resolved: 400, full_loss: 100, logo_churn_rate: 0.5, revenue_churn_rate: 0.25 });
      // 2025-01-31: F only: resolved 300, nothing lost. Its window starts 2024-02-02 ≥ the first resolution: full.
      expect(at("2025-01-31")).toMatchObject({ resolved_events: 1, resolved: 300, full_loss: 0, logo_churn_rate: 0, grr: 1, full_window: true });
      expect(at("2024-12-31").full_window).toBe(false);
      // Month ends: February 2024 (first resolution) to January 2025: 12.
      expect(all).toHaveLength(12);
      expect(await failedAssertions(s.query)).toEqual([]);
    } finally {
      s.close();
    }
  });
});

describe("a book with no renewal event", () => {
  it("publishes empty tables rather than failing", async () => {
    const s = await stage({
      "accounts.csv": csv("account_id,customer_since", "A1,2025-01-01"),
      "renewals.csv": csv(RENEWALS),
    }, { config: { asOf: "2025-06-30" } });
    try {
      const d = await s.dataset("revenue");
      for (const t of ["periods", "cohort_facts", "cohort_rates", "ttm_facts", "ttm_rates", "rip_and_replace", "overdue"]) expect(d.table(t), t).toEqual([]);
    } finally {
      s.close();
    }
  });
});
