/**
 * Time to first value and retention at the first renewal on the hand-made book of fixture.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binTotals, firstRenewalByClass, slice } from "../../src/components/journey.js";
import { stage, type Staged } from "../helpers/stage.ts";
import { AS_OF, JOURNEY_FILES } from "./fixture.ts";

let s: Staged;
let table: (t: string) => Record<string, unknown>[];
beforeAll(async () => {
  s = await stage(JOURNEY_FILES, { config: { asOf: AS_OF } });
  table = (await s.dataset("journey")).table;
});
afterAll(() => s?.close());

describe("time to first value", () => {
  it("counts accounts by class and gives the quartiles of the days among those that reached it", () => {
    // Days: J1 50, J4 60 (fast: within 60 counts), J2 106 (slow); J3 and J6 none; J5 pending (46 days old).
    // fast share = 2 / (6 − 1 pending) = 0.4.
    // Quartiles of 50, 60, 106 (linear): p25 at position 0.5 → 50 + 0.5 × 10 = 55; median 60; p75 at 1.5 → 60 + 0.5 × 46 = 83.
    const pickRow = (r: Record<string, unknown>) => [r.accounts, r.reached, r.fast, r.slow, r.not_reached, r.pending, r.fast_share, r.p25_days, r.median_days, r.p75_days];
    const fv = table("first_value");
    expect(pickRow(slice(fv, null, null)[0])).toEqual([6, 3, 2, 1, 2, 1, 0.4, 55, 60, 83]);
    // 2025-Q1 (published floats carry 12 significant digits) (J1 50 fast, J2 106 slow, J3 none): fast share 1/3; quartiles of 50, 106: 50 + 0.25 × 56 = 64, 78, 92.
    expect(pickRow(slice(fv, "2025-Q1", null)[0])).toEqual([3, 2, 1, 1, 1, 0, Number((1 / 3).toPrecision(12)), 64, 78, 92]);
    // 2025-Q4 (J5 alone, pending): no quartiles; fast share 0 / (1 − 1) → null.
    expect(pickRow(slice(fv, "2025-Q4", null)[0])).toEqual([1, 0, 0, 0, 0, 1, null, null, null, null]);
  });

  it("bins the days by 15, split fast and slow", () => {
    // 50 → 45 (fast), 60 → 60 (fast), 106 → 105 (slow).
    const bins = table("first_value_bins");
    expect(bins.map((r) => [r.start_quarter, r.segment, r.first_value_class, r.bin_start, r.accounts])).toEqual([
      ["2024-Q2", "Enterprise", "fast", 60, 1],
      ["2025-Q1", "SMB", "fast", 45, 1],
      ["2025-Q1", "SMB", "slow", 105, 1],
    ]);
    const input = structuredClone(bins);
    expect(binTotals(bins).map((b) => [b.bin_start, b.first_value_class, b.accounts])).toEqual([[45, "fast", 1], [60, "fast", 1], [105, "slow", 1]]);
    expect(bins).toEqual(input);
  });
});

describe("retention at the first renewal", () => {
  it("takes each account's earliest renewal and sums it per cohort, segment and class", () => {
    // J1 R1 1000 → 1200: retained 1000, ending 1200. J2 R2 open. J3 R3 9000 → 0 (lost). J4 R4a (not R4b) 5000 → 6000.
    // J5 R5 open. J6 R6a 1500 → 1500.
    expect(table("first_renewals").map((r) => [r.start_quarter, r.segment, r.first_value_class, r.accounts, r.resolved_events, r.churned_events, r.resolved, r.retained, r.ending])).toEqual([
      ["2024-Q2", "Enterprise", "fast", 1, 1, 0, 5000, 5000, 6000],
      ["2024-Q3", "SMB", "none", 1, 1, 0, 1500, 1500, 1500],
      ["2025-Q1", "Enterprise", "none", 1, 1, 1, 9000, 0, 0],
      ["2025-Q1", "SMB", "fast", 1, 1, 0, 1000, 1000, 1200],
      ["2025-Q1", "SMB", "slow", 1, 0, 0, 0, 0, 0],
      ["2025-Q4", "SMB", "pending", 1, 0, 0, 0, 0, 0],
    ]);
  });

  it("compares fast with slow and not reached on the page", () => {
    // fast: J1 + J4: 2 resolved, 0 lost → logo retention 1; GRR (1000 + 5000) / 6000 = 1; NRR (1200 + 6000) / 6000 = 1.2.
    // slow: J2, nothing resolved → null rates. none: J3 + J6: 1 of 2 lost → 0.5; GRR 1500 / 10500 = 1/7.
    // not fast = slow + none: same resolved events as none.
    const byClass = firstRenewalByClass(table("first_renewals"));
    expect(byClass.map((r) => [r.first_value_class, r.accounts, r.resolved_events, r.churned_events, r.logo_retention, r.grr, r.nrr])).toEqual([
      ["fast", 2, 2, 0, 1, 1, 1.2],
      ["slow", 1, 0, 0, null, null, null],
      ["none", 2, 2, 1, 0.5, 1500 / 10500, 1500 / 10500],
      ["not_fast", 3, 2, 1, 0.5, 1500 / 10500, 1500 / 10500],
      ["pending", 1, 0, 0, null, null, null],
    ]);
  });
});
