/**
 * Kaplan–Meier logo retention, with censoring, on a hand-made book. As-of 2025-12-31.
 * Time = days from customer_since; event = fully lost, at the resolved_date of that renewal; every other account is
 * censored at the as-of date.
 *
 * SMB, 100 accounts:
 * - S001–S005 start 2023-01-01, lost at the renewal due 2024-01-01, resolved 2023-12-01: day 31+28+31+30+31+30+31+31+30+31+30 = 334.
 * - S006–S040 (35) start 2024-10-01; their renewal due 2025-10-01 is still open (overdue): censored at the as-of
 *   date, day 365 + 31+30+30 = 456. Neither lost nor retained: they leave the count after day 456.
 * - S041–S100 (60) start 2023-01-01 and renew on 2023-12-10. S041–S046 (6) are lost at the next renewal, resolved
 *   2024-12-01: day 365 + 335 = 700. S047–S100 (54) renew again and are censored at day 365 + 366 + 364 = 1095.
 *   S(334) = 1 − 5/100 = 0.95; at day 700, 100 − 5 − 35 = 60 are still followed: S = 0.95 × (1 − 6/60) = 0.855.
 *   (Counting the 35 open ones as retained would give 89/100 = 0.89: too rosy.)
 *   Greenwood: Σ d / (n (n − d)) = 5 / (100 × 95) + 6 / (60 × 54) = 1/1900 + 1/540; std err = 0.855 × √that.
 * Enterprise, 3 accounts:
 * - E1 starts 2024-01-01, lost 2024-12-15: day 335 + 14 = 349.
 * - E2 starts 2025-07-01, first renewal 2026-07-01 not due yet: censored at day 31+31+30+31+30+30 = 183.
 * - E3 starts 2023-06-01, renews twice: censored at day 731 + 213 = 944.
 *   S(183) = 1 (nothing lost); S(349) = 1 − 1/2 = 0.5 (E2 is no longer followed); S stays 0.5 at 944.
 * Mid-Market, 1 account: M1 starts 2024-03-01, lost 2025-02-01: day 337. S = 1 − 1/1 = 0: no error estimate.
 * The whole book (104): 183 n=104 c=1 S=1; 334 n=103 d=5 S=98/103; 337 n=98 d=1 S=97/103; 349 n=97 d=1 S=96/103;
 *   456 n=96 c=35; 700 n=61 d=6 S=96/103 × 55/61; 944 n=55 c=1; 1095 n=54 c=54.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { survivalAt, survivalTable } from "../../src/components/journey.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const id = (n: number) => `S${String(n).padStart(3, "0")}`;
const span = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function files() {
  const accounts = ["account_id,customer_since,segment"];
  const renewals = ["renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after"];
  for (const n of span(1, 5)) {
    accounts.push(`${id(n)},2023-01-01,SMB`);
    renewals.push(`${id(n)}-1,${id(n)},2024-01-01,2023-12-01,Core,1000,0`);
  }
  for (const n of span(6, 40)) {
    accounts.push(`${id(n)},2024-10-01,SMB`);
    renewals.push(`${id(n)}-1,${id(n)},2025-10-01,,Core,1000,`);
  }
  for (const n of span(41, 100)) {
    accounts.push(`${id(n)},2023-01-01,SMB`);
    renewals.push(`${id(n)}-1,${id(n)},2024-01-01,2023-12-10,Core,1000,1000`);
    if (n <= 46) renewals.push(`${id(n)}-2,${id(n)},2025-01-01,2024-12-01,Core,1000,0`);
    else renewals.push(`${id(n)}-2,${id(n)},2025-01-01,2024-12-10,Core,1000,1000`, `${id(n)}-3,${id(n)},2026-01-01,,Core,1000,`);
  }
  accounts.push("E1,2024-01-01,Enterprise", "E2,2025-07-01,Enterprise", "E3,2023-06-01,Enterprise", "M1,2024-03-01,Mid-Market");
  renewals.push(
    "E1-1,E1,2025-01-01,2024-12-15,Core,50000,0",
    "E2-1,E2,2026-07-01,,Core,50000,",
    "E3-1,E3,2024-06-01,2024-05-20,Core,50000,50000", "E3-2,E3,2025-06-01,2025-05-20,Core,50000,55000", "E3-3,E3,2026-06-01,,Core,55000,",
    "M1-1,M1,2025-03-01,2025-02-01,Core,20000,0",
  );
  return { "accounts.csv": csv(...accounts), "renewals.csv": csv(...renewals) };
}

let s: Staged;
let curves: Record<string, any>[];
beforeAll(async () => {
  s = await stage(files(), { config: { asOf: "2025-12-31" } });
  curves = (await s.dataset("journey")).table("retention_curves");
});
afterAll(() => s?.close());

const curve = (segment: string | null) => curves.filter((r) => r.segment === segment);
const steps = (segment: string | null) => curve(segment).map((r) => [r.days, r.at_risk, r.events, r.censored]);

describe("Kaplan–Meier with censoring", () => {
  it("SMB: 5 of 100 lost, 35 censored, then 6 of 60 → 0.95 × 0.90 = 0.855", () => {
    expect(steps("SMB")).toEqual([[334, 100, 5, 0], [456, 95, 0, 35], [700, 60, 6, 0], [1095, 54, 0, 54]]);
    const S = curve("SMB").map((r) => r.survival);
    expect(S[0]).toBeCloseTo(0.95, 12);
    expect(S[1]).toBeCloseTo(0.95, 12);
    expect(S[2]).toBeCloseTo(0.855, 12);
    expect(S[3]).toBeCloseTo(0.855, 12);
    // Greenwood: 1/1900 + 1/540 = 0.00237816…; √ = 0.0487664…; × 0.855 = 0.041695…
    const g = 1 / 1900 + 1 / 540;
    expect(curve("SMB")[2].std_err).toBeCloseTo(0.855 * Math.sqrt(g), 12);
    expect(curve("SMB")[2].std_err).toBeCloseTo(0.041695, 5);
    // log-log 95% interval: ln 0.855 = −0.156654; ln 0.156654 = −1.853717; half-width 1.959964 × 0.0487664 / 0.156654 = 0.610138
    // lower = exp(−exp(−1.853717 + 0.610138)) = exp(−0.288352) = 0.74950; upper = exp(−exp(−2.463855)) = exp(−0.085108) = 0.91841
    expect(curve("SMB")[2].lower).toBeCloseTo(0.74950, 4);
    expect(curve("SMB")[2].upper).toBeCloseTo(0.91841, 4);
  });

  it("Enterprise: an account not yet up for renewal is censored, not retained", () => {
    // With E2 counted as retained, 2 of 3 would look retained; Kaplan–Meier gives 0.5 once E1 is lost.
    expect(steps("Enterprise")).toEqual([[183, 3, 0, 1], [349, 2, 1, 0], [944, 1, 0, 1]]);
    expect(curve("Enterprise").map((r) => r.survival)).toEqual([1, 0.5, 0.5]);
    // While S = 1 there is no interval (log of 0); std err 0.5 × √(1 / (2 × 1)) = 0.353553.
    expect([curve("Enterprise")[0].std_err, curve("Enterprise")[0].lower, curve("Enterprise")[0].upper]).toEqual([0, null, null]);
    expect(curve("Enterprise")[1].std_err).toBeCloseTo(0.5 * Math.sqrt(0.5), 12);
  });

  it("Mid-Market: every account lost → S = 0 with no error estimate", () => {
    expect(curve("Mid-Market").map((r) => [r.days, r.at_risk, r.events, r.survival, r.std_err, r.lower, r.upper])).toEqual([[337, 1, 1, 0, null, null, null]]);
  });

  it("the whole book pools every segment", () => {
    expect(steps(null)).toEqual([[183, 104, 0, 1], [334, 103, 5, 0], [337, 98, 1, 0], [349, 97, 1, 0], [456, 96, 0, 35], [700, 61, 6, 0], [944, 55, 0, 1], [1095, 54, 0, 54]]);
    const S = curve(null).map((r) => r.survival);
    const expected = [1, 98 / 103, 97 / 103, 96 / 103, 96 / 103, (96 / 103) * (55 / 61), (96 / 103) * (55 / 61), (96 / 103) * (55 / 61)];
    S.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 12);
    });
  });

  it("reads S at 12, 24 and 36 months on the page, missing where nobody was followed that long", () => {
    // SMB: day 365 → S(334) = 0.95 (60 + 35 followed at day 456 ≥ 365: first row at or after 365 has 95);
    // day 730 → S(700) = 0.855 (54 followed at 1095); day 1095 → 0.855 (54 followed on day 1095 itself).
    // Enterprise: day 365 → 0.5 (E3 followed to 944); day 730 → 0.5; day 1095: nobody followed → null.
    expect(survivalAt(curve("SMB"), 333)).toBe(1);
    const input = structuredClone(curves);
    const t = survivalTable(curves);
    const smb = t.find((r) => r.segment === "SMB")!;
    expect([smb.accounts, smb.lost, smb.s12, smb.at_risk_12, smb.s24, smb.at_risk_24, smb.s36, smb.at_risk_36].map((v) => (typeof v === "number" ? +v.toFixed(12) : v)))
      .toEqual([100, 11, 0.95, 95, 0.855, 54, 0.855, 54]);
    const ent = t.find((r) => r.segment === "Enterprise")!;
    expect([ent.accounts, ent.lost, ent.s12, ent.s24, ent.s36, ent.at_risk_36]).toEqual([3, 1, 0.5, 0.5, null, 0]);
    expect(t.map((r) => r.segment)).toEqual(["All segments", "Enterprise", "Mid-Market", "SMB"]);
    expect(curves).toEqual(input);
  });
});
