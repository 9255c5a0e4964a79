/**
 * Cohort retention by months since start on the hand-made book of fixture.ts. Month m of an account is
 * customer_since + m months, counted once it is on or before the as-of date (2025-12-31).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retentionCells } from "../../src/components/journey.js";
import { stage, type Staged } from "../helpers/stage.ts";
import { AS_OF, JOURNEY_FILES } from "./fixture.ts";

let s: Staged;
let rows: Record<string, any>[];
beforeAll(async () => {
  s = await stage(JOURNEY_FILES, { config: { asOf: AS_OF } });
  rows = (await s.dataset("journey")).table("cohort_retention");
});
afterAll(() => s?.close());

const pick = (r: Record<string, any>) => [r.months, r.cohort_accounts, r.observed, r.active, r.start_value, r.value, r.kept_value];
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe("cohort retention facts", () => {
  it("follows each account month by month until the as-of date", () => {
    // Months reached: J1 (2025-01-01) 0–11 (2025-12-01; 2026-01-01 is after the as-of date), J2 (2025-02-15) 0–10,
    // J3 (2025-01-10) 0–11, J4 (2024-04-01) 0–20, J6 (2024-07-01) 0–17, J5 (2025-11-15) 0–1: 12+12+21+18+2 = 65 rows
    // (J1 and J2 share the 2025-Q1 × SMB rows).
    expect(rows.length).toBe(65);
    // 2025-Q1 × SMB: months 0–10 J1 1000 (R1 settles 2025-12-20) + J2 2000 (R2 open). Month 11 (J1 on 2025-12-01) only J1.
    const smb = rows.filter((r) => r.start_quarter === "2025-Q1" && r.segment === "SMB").map(pick);
    expect(smb).toEqual([...range(0, 10).map((m) => [m, 2, 2, 2, 3000, 3000, 3000]), [11, 2, 1, 1, 1000, 1000, 1000]]);
    // 2025-Q1 × Enterprise (J3, lost 2025-12-01): month 10 (2025-11-10) still a customer at 9000;
    // month 11 (2025-12-10) lost before that date → inactive, value 0.
    const ent = rows.filter((r) => r.start_quarter === "2025-Q1" && r.segment === "Enterprise").map(pick);
    expect(ent).toEqual([...range(0, 10).map((m) => [m, 1, 1, 1, 9000, 9000, 9000]), [11, 1, 1, 0, 9000, 0, 0]]);
  });

  it("values the contract running on each date, with and without expansion", () => {
    // J4: month 11 = 2025-03-01, R4a (settled 2025-03-20) still running: 5000. Month 12 = 2025-04-01: R4a settled
    // before it, the running contract is R4b: 6000; kept value min(6000, 5000) = 5000.
    const j4 = rows.filter((r) => r.start_quarter === "2024-Q2");
    expect(j4.length).toBe(21);
    expect([11, 12, 20].map((m) => pick(j4.find((r) => r.months === m)!))).toEqual([
      [11, 1, 1, 1, 5000, 5000, 5000],
      [12, 1, 1, 1, 5000, 6000, 5000],
      [20, 1, 1, 1, 5000, 6000, 5000],
    ]);
  });
});

describe("heatmap cells on the page", () => {
  it("sums segments and marks a month complete only when the whole cohort reached it", () => {
    // 2025-Q1, all segments (J1, J2, J3): month 10: 3 of 3 observed, 3 active, 12000 of 12000 → complete, all 100%.
    // Month 11: J1 and J3 only (2 of 3: incomplete); J3 lost → logo 1/2; value 1000 + 0 of 1000 + 9000 → 0.1 (gross too).
    // 2024-Q2 month 12: revenue retention 6000 / 5000 = 1.2, gross 5000 / 5000 = 1.
    const input = structuredClone(rows);
    const cells = retentionCells(rows);
    const cell = (q: string, m: number) => cells.find((c) => c.start_quarter === q && c.months === m)!;
    const show = (c: Record<string, any>) => [c.cohort_accounts, c.observed, c.complete, c.logo_retention, c.revenue_retention, c.gross_revenue_retention];
    expect(show(cell("2025-Q1", 10))).toEqual([3, 3, true, 1, 1, 1]);
    expect(show(cell("2025-Q1", 11))).toEqual([3, 2, false, 0.5, 0.1, 0.1]);
    expect(show(cell("2024-Q2", 12))).toEqual([1, 1, true, 1, 1.2, 1]);
    expect(rows).toEqual(input);
  });
});
