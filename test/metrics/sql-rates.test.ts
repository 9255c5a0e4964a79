/**
 * One definition per figure: every rate the SQL rate tables publish (revenue_cohort_rates, revenue_ttm_rates,
 * arr_bridge, renewal_verdicts, book_verdicts, risk_csm_calls) equals the formula table of src/components/metrics.js
 * applied to the fact rows of its cell (the marts the datasets publish), to 1e-12, on a hand-made book and on the
 * sample in data/.
 *
 * The hand-made book (as-of 2025-12-31, lookback 90 days):
 * | account | owner              | renewal (due, resolved)             | lines before → after                  | color at lookback      |
 * | A1      | SMB, NA, Ann       | R1 2025-01-10, 2025-01-05           | Core 1000.10 → 1100.20; Add 0 → 200.30 | green (red only 11-01) |
 * | A2      | SMB, EMEA, Bob     | R2 2025-02-10, 2025-02-01           | Core 2000.70 → 0 (lost)               | red                    |
 * | A3      | Enterprise, NA, Bob| R3 2025-04-10, 2025-04-20           | Core 3000.01 → 2500.02; New 0 → 700.07 | yellow                 |
 * | A4      | no owner           | R4 2025-05-10, open (overdue)       | Core 400.40                           | (not resolved)         |
 * | A5      | Enterprise, EMEA, Ann | R5 2025-07-15, 2025-07-01        | Core 1500 → 0 (lost)                  | red                    |
 * Cohort 2025, whole book, worked by hand: starting 7901.21; resolved 7500.81 (all but R4); full loss 2000.70 + 1500
 * = 3500.70; partial loss 3000.01 − 2500.02 = 499.99; retained 7500.81 − 3500.70 − 499.99 = 3500.12; upsell 100.10;
 * cross-sell 200.30 + 700.07 = 900.37; ending 4500.59 (= Σ after). Logo churn 2 of 4.
 * Renewal view, 2025: red R2, R5 (both lost) of 4 → red share 0.5 = logo churn 0.5 (not below); flagged 2/2 →
 * "red covers churn"; precision 1; red share of ARR (2000.70 + 1500) / 7500.81.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Db } from "../../loaders/engine/db.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";
import { checkBridge, checkRevenue, checkRisk, expectClose, readMarts, type Table } from "./check-rates.ts";
import { ingestSample } from "../helpers/sample.ts";

describe("the SQL rate tables equal the formula table on a hand-made book", () => {
  let s: Staged;
  let revenue: Table;
  let risk: Table;
  let marts: Table;
  beforeAll(async () => {
    s = await stage({
      "accounts.csv": csv(
        "account_id,customer_since,segment,region,csm",
        "A1,2024-01-01,SMB,NA,Ann", "A2,2024-01-01,SMB,EMEA,Bob", "A3,2024-01-01,Enterprise,NA,Bob", "A4,2024-01-01,,,",
        "A5,2024-03-01,Enterprise,EMEA,Ann",
      ),
      "renewals.csv": csv(
        "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
        "R1,A1,2025-01-10,2025-01-05,Core,1000.10,1100.20", "R1,A1,2025-01-10,2025-01-05,Add,0,200.30",
        "R2,A2,2025-02-10,2025-02-01,Core,2000.70,0", "R3,A3,2025-04-10,2025-04-20,Core,3000.01,2500.02",
        "R3,A3,2025-04-10,2025-04-20,New,0,700.07", "R4,A4,2025-05-10,,Core,400.40,", "R5,A5,2025-07-15,2025-07-01,Core,1500,0",
      ),
      "health.csv": csv(
        "account_id,as_of,color",
        "A1,2024-09-01,green", "A1,2024-11-01,red", "A2,2024-10-01,red", "A3,2024-12-15,yellow", "A5,2025-03-01,red",
      ),
    }, { config: { asOf: "2025-12-31" } });
    revenue = (await s.dataset("revenue")).table;
    risk = (await s.dataset("risk")).table;
    marts = await readMarts(s.query);
  });
  afterAll(() => s?.close());

  it("gives the hand-worked 2025 cohort", () => {
    const r = revenue("cohort_rates").find((x) => x.period === "2025" && x.dimension === "all");
    expect(r).toMatchObject({ starting: 7901.21, resolved: 7500.81, full_loss: 3500.7, partial_loss: 499.99, retained: 3500.12, ending: 4500.59 });
    expectClose(r?.grr, 3500.12 / 7500.81, "GRR");
    expectClose(r?.nrr, 4500.59 / 7500.81, "NRR");
    expectClose(r?.expansion_rate, (100.1 + 900.37) / 7500.81, "expansion");
    expectClose(r?.resolution_rate, 7500.81 / 7901.21, "resolution");
    expectClose(r?.logo_churn_rate, 0.5, "logo churn");
  });

  it("gives the hand-worked renewal view of 2025", () => {
    const r = risk("renewal_verdicts").find((x) => x.cohort === "2025" && x.dimension === "all");
    expect(r).toMatchObject({ events: 4, red_events: 2, churned: 2, churned_red: 2, red_share: 0.5, logo_churn_rate: 0.5, flagged_churn: 1, missed_churn: 0, precision: 1, verdict: "red covers churn" });
    expectClose(r?.red_share_arr, 3500.7 / 7500.81, "red share of ARR");
  });

  it("publishes every revenue rate as the formula table gives it", () => {
    const n = checkRevenue(marts);
    // each cohort (years and quarters) for the whole book and each segment, region and CSM: dozens of cells
    expect(n.cohort_rates).toBeGreaterThan(20);
    expect(n.ttm_rates).toBeGreaterThan(20);
  });

  it("publishes every account-basis rate as the formula table gives it", () => {
    const n = checkBridge(marts);
    expect(n.arr_bridge).toBeGreaterThan(50);
  });

  it("publishes every red share, churn rate and verdict as the formula table gives it", () => {
    const n = checkRisk(marts);
    expect(n.renewal_verdicts).toBeGreaterThan(10);
    expect(n.book_verdicts).toBeGreaterThan(10);
    expect(n.csm_calls).toBeGreaterThan(3);
  });
});

const data = join(ROOT, "data");
describe.skipIf(!existsSync(join(data, "accounts.parquet")))("the SQL rate tables equal the formula table on the sample", () => {
  const state = mkdtempSync(join(tmpdir(), "3r-metrics-sample-"));
  let db: Db;
  let marts: Table;
  beforeAll(async () => {
    // the run stages the sample once; this file's own warehouse starts from a copy of it (test/helpers/sample.ts)
    const { staged } = await ingestSample(state);
    expect(staged.fatal).toEqual([]);
    db = await Db.open(staged.dbPath, { readOnly: true });
    marts = await readMarts((q) => db.rows(q));
  });
  afterAll(() => {
    db?.close();
    rmSync(state, { recursive: true, force: true });
  });

  it("for every revenue cohort, TTM month and ARR bridge window", () => {
    const n = checkRevenue(marts);
    const b = checkBridge(marts);
    expect(n.cohort_rates + n.ttm_rates + b.arr_bridge).toBeGreaterThan(1000);
  });

  it("for every risk slice", () => {
    const n = checkRisk(marts);
    expect(n.renewal_verdicts + n.book_verdicts + n.csm_calls).toBeGreaterThan(100);
  });
});
