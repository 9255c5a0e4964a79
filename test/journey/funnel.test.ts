/**
 * The lifecycle funnel and stalled accounts on the hand-made book of fixture.ts (read its table first).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slice } from "../../src/components/journey.js";
import { stage, type Staged } from "../helpers/stage.ts";
import { AS_OF, JOURNEY_FILES } from "./fixture.ts";

// Published floats carry 12 significant digits (loaders/datasets/columnar.ts roundValue).
const p12 = (v: number) => Number(v.toPrecision(12));
const pick = (rows: Record<string, unknown>[]) => rows.map((r) => [r.stage, r.accounts, r.reached, r.share, r.from_previous, r.timed, r.median_days]);

describe("funnel and stalled accounts (defaults: stalled after 120 days, fast first value within 60)", () => {
  let s: Staged;
  let funnel: Record<string, unknown>[];
  beforeAll(async () => {
    s = await stage(JOURNEY_FILES, { config: { asOf: AS_OF } });
    funnel = (await s.dataset("journey")).table("funnel");
  });
  afterAll(() => s?.close());

  it("gives every stage of the whole book: shares of the 6 started accounts and median days between stages", () => {
    // J7 starts after the as-of date: 6 accounts. J2's expanded (2026-01-15) is after the as-of date: not reached.
    // onboarded: J1 J2 J3 J4 = 4/6; days 10, 14, 10, 20 → sorted 10 10 14 20 → median (10 + 14) / 2 = 12
    // adopted: J1 J2 J4 = 3/6, 3/4 of onboarded; days 20, 31, 30 → 30
    // first_value: J1 J2 J4 = 3/6, 3/3; days 20, 61, 10 → 20
    // expanded: J1 J4 = 2/6, 2/3; days 120, 120 → 120
    // renewed: J1 J4 = 2/6, 2/2; days 183, 173 → (173 + 183) / 2 = 178
    // advocate: J4 = 1/6, 1/2; days 73
    expect(pick(slice(funnel, null, null))).toEqual([
      ["onboarded", 6, 4, p12(4 / 6), p12(4 / 6), 4, 12],
      ["adopted", 6, 3, 0.5, 0.75, 3, 30],
      ["first_value", 6, 3, 0.5, 1, 3, 20],
      ["expanded", 6, 2, p12(2 / 6), p12(2 / 3), 2, 120],
      ["renewed", 6, 2, p12(2 / 6), 1, 2, 178],
      ["advocate", 6, 1, p12(1 / 6), 0.5, 1, 73],
    ]);
  });

  it("slices by start cohort and segment", () => {
    // 2025-Q1 × SMB = J1, J2. onboarded 10, 14 → 12; adopted 20, 31 → 25.5; first_value 20, 61 → 40.5;
    // expanded J1 only (1/2, 120 days); renewed J1 (183); advocate nobody: share 0, from previous 0/1 = 0, median null.
    expect(pick(slice(funnel, "2025-Q1", "SMB"))).toEqual([
      ["onboarded", 2, 2, 1, 1, 2, 12],
      ["adopted", 2, 2, 1, 1, 2, 25.5],
      ["first_value", 2, 2, 1, 1, 2, 40.5],
      ["expanded", 2, 1, 0.5, 0.5, 1, 120],
      ["renewed", 2, 1, 0.5, 1, 1, 183],
      ["advocate", 2, 0, 0, 0, 0, null],
    ]);
    // Enterprise, all cohorts = J3, J4: onboarded 10, 20 → 15; adopted J4 only (30 days).
    expect(pick(slice(funnel, null, "Enterprise")).slice(0, 2)).toEqual([["onboarded", 2, 2, 1, 1, 2, 15], ["adopted", 2, 1, 0.5, 0.5, 1, 30]]);
    // The year 2024 = J4 (Enterprise) and J6 (SMB, no milestone): onboarded 1/2.
    expect(pick(slice(funnel, "2024", null))[0]).toEqual(["onboarded", 2, 1, 0.5, 0.5, 1, 20]);
  });

  it("gives a missing rate, never 0 or NaN, when the stage before was reached by nobody", () => {
    // 2025-Q4 × SMB = J5 alone, no milestone: onboarded 0/1 = 0; adopted 0 of 0 onboarded → null.
    const rows = slice(funnel, "2025-Q4", "SMB");
    expect(pick(rows).slice(0, 2)).toEqual([["onboarded", 1, 0, 0, 0, 0, null], ["adopted", 1, 0, 0, null, 0, null]]);
  });

  it("has one set of 6 stages per slice that has accounts", () => {
    // cohorts: all, 2024, 2025, 2024-Q2 (J4), 2024-Q3 (J6), 2025-Q1 (J1 J2 J3), 2025-Q4 (J5);
    // segment slices: all + each segment present: 3 + 3 + 3 + 2 + 2 + 3 + 2 = 18 slices × 6 stages
    expect(funnel.length).toBe(108);
  });

  it("lists active accounts in their furthest stage for more than 120 days, longest first", async () => {
    // J6: no milestone, 'not_onboarded' since customer_since 2024-07-01: 365 + 183 = 548 days.
    // J2: first_value since 2025-06-01: 30+31+31+30+31+30 + 30 = 213 days.
    // Not stalled: J1 (renewed 11 days ago), J3 (345 days at onboarded, but lost on 2025-12-01), J4 (advocate: the
    // end of the journey), J5 (46 days since customer_since).
    const rows = (await s.dataset("journey")).table("stalled");
    expect(rows.map((r) => [r.account_id, r.stage, r.stage_since, r.days_in_stage, r.current_arr, r.next_renewal_date, r.start_quarter])).toEqual([
      ["J6", "not_onboarded", "2024-07-01", 548, 1500, "2026-07-01", "2024-Q3"],
      ["J2", "first_value", "2025-06-01", 213, 2000, "2026-02-15", "2025-Q1"],
    ]);
  });
});

describe("thresholds come from the config", () => {
  let s: Staged;
  beforeAll(async () => {
    s = await stage(JOURNEY_FILES, { config: { asOf: AS_OF, thresholds: { stalledStageDays: 250, firstValueDays: 50 } } });
  });
  afterAll(() => s?.close());

  it("stalls only past stalledStageDays, and publishes the settings", async () => {
    const d = await s.dataset("journey");
    // 548 > 250 stalls; J2's 213 does not.
    expect(d.table("stalled").map((r) => r.account_id)).toEqual(["J6"]);
    // 17 milestone rows staged (J7's and J2's late ones included); 6 accounts started; 3 reached first value.
    expect(d.table("settings")).toEqual([{ stalled_stage_days: 250, first_value_days: 50, bin_days: 15, last_bin_start: 360, milestones: 17, accounts: 6, reached_first_value: 3 }]);
  });

  it("classes first value against firstValueDays", async () => {
    // fast ≤ 50: J1 (50). slow: J4 (60), J2 (106). none: J3, J6. pending: J5 (46 days, ≤ 50). fast share 1 / (6 − 1).
    const all = slice((await s.dataset("journey")).table("first_value"), null, null)[0];
    expect([all.fast, all.slow, all.not_reached, all.pending, all.fast_share]).toEqual([1, 2, 2, 1, 0.2]);
  });
});

describe("without a milestones file", () => {
  let s: Staged;
  beforeAll(async () => {
    const { "milestones.csv": _, ...rest } = JOURNEY_FILES;
    s = await stage(rest, { config: { asOf: AS_OF } });
  });
  afterAll(() => s?.close());

  it("says so, reaches no stage, and still follows retention from renewals", async () => {
    const d = await s.dataset("journey");
    expect(d.table("settings")[0]).toMatchObject({ milestones: 0, accounts: 6, reached_first_value: 0 });
    // Nobody onboarded: share 0 of 6; adopted 0 of 0 onboarded → null.
    expect(pick(slice(d.table("funnel"), null, null)).slice(0, 2)).toEqual([["onboarded", 6, 0, 0, 0, 0, null], ["adopted", 6, 0, 0, null, 0, null]]);
    // Every active account sits at 'not_onboarded' since customer_since: J6 548 days, J4 639 (2024-04-01 → 2025-12-31:
    // 365 + 274), J2 319 (2025-02-15 → 2025-12-31: 13 + 306), J1 364; J5 46 days is not stalled, J3 is lost.
    expect(d.table("stalled").map((r) => [r.account_id, r.days_in_stage])).toEqual([["J4", 639], ["J6", 548], ["J1", 364], ["J2", 319]]);
    // J3 lost on day 325 (2025-01-10 → 2025-12-01): one event in the book's curve.
    expect(d.table("retention_curves").filter((r) => r.segment === null).reduce((n, r) => n + (r.events as number), 0)).toBe(1);
  });
});
