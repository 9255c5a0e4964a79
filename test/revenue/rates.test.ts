/**
 * The page's rate function (src/components/revenue.js): hand-worked sums, null
 * for a zero denominator, and agreement with the SQL rate tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ratio } from "../../src/components/metrics.js";
import { cohortRates, seriesBy, sumFields, summarize } from "../../src/components/revenue.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";
import { expectPagePathMatches } from "./page-path.ts";

describe("rates from sums", () => {
  it("is null, never 0 or NaN, when the denominator is 0", () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
    const none = cohortRates(sumFields([]));
    expect(Object.values(none)).toEqual([null, null, null, null, null, null, null]);
  });

  it("sums rows to the cent whatever their order", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; the sum is kept to the cent: 0.3.
    expect(sumFields([{ starting: 0.1 }, { starting: 0.2 }], ["starting"]).starting).toBe(0.3);
  });

  it("gives the seed's rates from two fact rows", () => {
    // Row 1: 90 stayers, $95M kept flat. Row 2: 10 leavers, $5M.
    // resolved = 100M; full loss 5M; retained 95M; ending 95M → GRR = NRR = 95%; revenue churn 5%; logo churn 10/100.
    const rows = [
      { events: 90, resolved_events: 90, churned_events: 0, starting: 95e6, resolved: 95e6, full_loss: 0, partial_loss: 0, retained: 95e6, upsell: 0, cross_sell: 0, ending: 95e6 },
      { events: 10, resolved_events: 10, churned_events: 10, starting: 5e6, resolved: 5e6, full_loss: 5e6, partial_loss: 0, retained: 0, upsell: 0, cross_sell: 0, ending: 0 },
    ];
    const input = structuredClone(rows);
    expect(summarize(rows)).toMatchObject({ starting: 1e8, resolution_rate: 1, grr: 0.95, nrr: 0.95, expansion_rate: 0, revenue_churn_rate: 0.05, logo_churn_rate: 0.1, logo_retention_rate: 0.9 });
    expect(rows).toEqual(input);
  });

  it("groups a series by period, in order", () => {
    // 2025-Q2: resolved 100, retained 80 → GRR 0.8. 2025-Q1: two rows, resolved 50 + 150 = 200, retained 200 → GRR 1.
    const rows = [
      { period: "2025-Q2", resolved: 100, retained: 80 },
      { period: "2025-Q1", resolved: 50, retained: 50 },
      { period: "2025-Q1", resolved: 150, retained: 150 },
    ];
    expect(seriesBy(rows, "period").map((r: Record<string, unknown>) => [r.period, r.resolved, r.grr])).toEqual([["2025-Q1", 200, 1], ["2025-Q2", 100, 0.8]]);
  });
});

describe("the page's path equals the published rate tables", () => {
  let s: Staged;
  beforeAll(async () => {
    // Two owners, two quarters, each kind of outcome, and cents that do not add up exactly in floating point.
    s = await stage({
      "accounts.csv": csv(
        "account_id,customer_since,segment,region,csm",
        "A1,2024-01-01,SMB,NA,Ann", "A2,2024-01-01,SMB,EMEA,Bob", "A3,2024-01-01,Enterprise,NA,Bob", "A4,2024-01-01,,,",
      ),
      "renewals.csv": csv(
        "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
        "R1,A1,2025-01-10,2025-01-05,Core,1000.10,1100.20", "R1,A1,2025-01-10,2025-01-05,Add,0,200.30",
        "R2,A2,2025-02-10,2025-02-01,Core,2000.70,0", "R3,A3,2025-04-10,2025-04-20,Core,3000.01,2500.02",
        "R3,A3,2025-04-10,2025-04-20,New,0,700.07", "R4,A4,2025-05-10,,Core,400.40,",
      ),
    }, { config: { asOf: "2025-06-30" } });
  });
  afterAll(() => s?.close());

  it("for every cohort, slice and month end", async () => {
    const d = await s.dataset("revenue");
    expect(expectPagePathMatches(d.table)).toBeGreaterThan(20);
  });
});
