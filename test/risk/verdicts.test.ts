/**
 * The four verdicts, in both views, on one hand-made book where each CSM is a tiny book of their own.
 * As-of 2025-12-31; every account a customer since 2024-01-01 (segment SMB, region NA); each has one renewal
 * due 2025-06-30, resolved that day, 1,000 → 0 (churned) or 1,000 → 1,000.
 * Health: a snapshot on 2024-09-01 (the color on d = 2024-10-01, the latest closed quarter: 2024-10-01 + 365 =
 * 2025-10-01 ≤ 2025-12-31, while 2025-01-01 + 365 = 2026-01-01 is not) and one on 2025-03-01 (the color at the
 * lookback, 2025-06-30 − 90 = 2025-04-01). Accounts not listed as red are green on both dates.
 *
 * | CSM | accounts | churned  | red on d | red at lookback | book view (d = 2024-10-01)                   | renewal view (L = 90)            |
 * | Ada | 10       | A01–A02  | A01–A03  | A01–A03         | 30% ≥ 20%, flagged 2/2 → covers               | same → covers (precision 2/3)    |
 * | Ben | 10       | B01–B03  | B01      | B01             | 10% < 30% → under-calls                       | same → under-calls               |
 * | Cat | 10       | C01–C02  | C03–C05  | C03–C05         | 30% ≥ 20%, flagged 0/2, missed 100% > 50% → misses | same → misses (precision 0) |
 * | Dan | 10       | D01–D02  | D03      | D01–D03         | 10% < 20% → under-calls (missed 100%)         | 30% ≥ 20%, flagged 2/2 → covers  |
 * | Eve | 5        | E01      | none (no snapshot at all)  | | no health scores, red share null              | no health scores                 |
 * Whole book, book view: red 8/45 < churn 10/45 → under-calls; churned red A01, A02, B01 = 3/10, missed 70%.
 * Whole book, renewal view: red 10/45 = churn 10/45 (not below); churned red A01, A02, B01, D01, D02 = 5/10,
 * missed 50%, not above the 0.5 limit → covers. The views differ: the renewal view reads Dan's accounts nearer renewal.
 * Quarters 2024-01-01 to 2024-07-01 come before any snapshot: closed, "no health scores". From 2025-01-01: open, no verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERDICTS as SQL_VERDICTS } from "../../loaders/datasets/risk.ts";
import { bookPerCsm, bookSentence, bookSeries, latestClosed, viewsCompared, WHY_VIEWS_DIFFER } from "../../src/components/risk-book.js";
import { perCsm, redVsChurn, VERDICTS, withGroups } from "../../src/components/risk.js";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const BOOKS: [csm: string, prefix: string, n: number, churned: string[], redOnD: string[], redAtLookback: string[], scored: boolean][] = [
  ["Ada", "A", 10, ["A01", "A02"], ["A01", "A02", "A03"], ["A01", "A02", "A03"], true],
  ["Ben", "B", 10, ["B01", "B02", "B03"], ["B01"], ["B01"], true],
  ["Cat", "C", 10, ["C01", "C02"], ["C03", "C04", "C05"], ["C03", "C04", "C05"], true],
  ["Dan", "D", 10, ["D01", "D02"], ["D03"], ["D01", "D02", "D03"], true],
  ["Eve", "E", 5, ["E01"], [], [], false],
];

function files() {
  const accounts: string[] = [], renewals: string[] = [], health: string[] = [];
  for (const [csm, prefix, n, churned, redOnD, redAtLookback, scored] of BOOKS) {
    for (let i = 1; i <= n; i++) {
      const id = `${prefix}${String(i).padStart(2, "0")}`;
      accounts.push(`${id},2024-01-01,${csm},SMB,NA`);
      renewals.push(`R${id},${id},2025-06-30,2025-06-30,Core,1000,${churned.includes(id) ? 0 : 1000}`);
      if (!scored) continue;
      health.push(`${id},2024-09-01,${redOnD.includes(id) ? "red" : "green"}`, `${id},2025-03-01,${redAtLookback.includes(id) ? "red" : "green"}`);
    }
  }
  return {
    "accounts.csv": csv("account_id,customer_since,csm,segment,region", ...accounts),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", ...renewals),
    "health.csv": csv("account_id,as_of,color", ...health),
  };
}

const AS_OF = "2025-12-31";
const D = "2024-10-01";
let s: Staged;
let risk: Awaited<ReturnType<Staged["dataset"]>>;
beforeAll(async () => {
  s = await stage(files(), { config: { asOf: AS_OF } });
  risk = await s.dataset("risk");
});
afterAll(() => s?.close());

const pick = (rows: Record<string, unknown>[], keys: string[]) => rows.map((r) => keys.map((k) => r[k]));

describe("book view verdicts (book_verdicts)", () => {
  it("gives each CSM's tiny book its verdict on the latest closed quarter", () => {
    const rows = risk.table("book_verdicts").filter((r) => r.quarter_start === D && r.dimension === "csm");
    expect(pick(rows, ["dimension_value", "closed", "active_accounts", "red_accounts", "resolved", "churned", "churned_red", "verdict"])).toEqual([
      ["Ada", true, 10, 3, 10, 2, 2, "red covers churn"],
      ["Ben", true, 10, 1, 10, 3, 1, "red under-calls churn"],
      ["Cat", true, 10, 3, 10, 2, 0, "red is big enough but misses most churn"],
      ["Dan", true, 10, 1, 10, 2, 0, "red under-calls churn"],
      ["Eve", true, 5, 0, 5, 1, 0, "no health scores"],
    ]);
    // Eve never scored: red share, its ARR share and flagged churn are missing, never 0
    expect(pick(rows, ["red_share", "red_share_arr", "logo_churn_rate", "flagged_churn", "missed_churn"])).toEqual([
      [0.3, 0.3, 0.2, 1, 0],
      [0.1, 0.1, 0.3, Number((1 / 3).toPrecision(12)), Number((2 / 3).toPrecision(12))],
      [0.3, 0.3, 0.2, 0, 1],
      [0.1, 0.1, 0.2, 0, 1],
      [null, null, 0.2, null, null],
    ]);
  });

  it("under-calls for the whole book, and has no health scores before scoring started, no verdict while open", () => {
    const all = risk.table("book_verdicts").filter((r) => r.dimension === "all");
    expect(all.every((r) => r.dimension_value === "all")).toBe(true);
    expect(pick(all, ["quarter_start", "closed", "red_share", "verdict"])).toEqual([
      ["2024-01-01", true, null, "no health scores"],
      ["2024-04-01", true, null, "no health scores"],
      ["2024-07-01", true, null, "no health scores"],
      ["2024-10-01", true, Number((8 / 45).toPrecision(12)), "red under-calls churn"],
      ["2025-01-01", false, Number((8 / 45).toPrecision(12)), null],
      ["2025-04-01", false, Number((10 / 45).toPrecision(12)), null],  // the 2025-03-01 snapshots hold on 04-01
      // the 10 churned are gone (lost 2025-06-30): 35 left, red on the 2025-03-01 snapshot A03, C03–C05, D03 = 5
      ["2025-07-01", false, Number((5 / 35).toPrecision(12)), null],
      ["2025-10-01", false, Number((5 / 35).toPrecision(12)), null],
    ]);
    const oct = all[3];
    expect(oct).toMatchObject({ active_accounts: 45, red_accounts: 8, resolved: 45, churned: 10, churned_red: 3, flagged_churn: 0.3, missed_churn: 0.7 });
    // segment and region hold the whole book here
    expect(risk.table("book_verdicts").filter((r) => r.quarter_start === D && r.dimension !== "all" && r.dimension !== "csm")
      .map((r) => [r.dimension, r.dimension_value, r.verdict])).toEqual([["region", "NA", "red under-calls churn"], ["segment", "SMB", "red under-calls churn"]]);
  });
});

describe("renewal view verdicts (renewal_verdicts)", () => {
  it("gives each CSM its verdict, and says red covers churn for the whole book where the book view says it under-calls", () => {
    const rows = risk.table("renewal_verdicts").filter((r) => r.cohort === "all");
    expect(pick(rows, ["dimension", "dimension_value", "events", "red_events", "churned", "churned_red", "red_share", "precision", "verdict"])).toEqual([
      ["all", "all", 45, 10, 10, 5, Number((10 / 45).toPrecision(12)), 0.5, "red covers churn"],
      ["csm", "Ada", 10, 3, 2, 2, 0.3, Number((2 / 3).toPrecision(12)), "red covers churn"],
      ["csm", "Ben", 10, 1, 3, 1, 0.1, 1, "red under-calls churn"],
      ["csm", "Cat", 10, 3, 2, 0, 0.3, 0, "red is big enough but misses most churn"],
      ["csm", "Dan", 10, 3, 2, 2, 0.3, Number((2 / 3).toPrecision(12)), "red covers churn"],
      ["csm", "Eve", 5, 0, 1, 0, null, null, "no health scores"],
      ["region", "NA", 45, 10, 10, 5, Number((10 / 45).toPrecision(12)), 0.5, "red covers churn"],
      ["segment", "SMB", 45, 10, 10, 5, Number((10 / 45).toPrecision(12)), 0.5, "red covers churn"],
    ]);
    expect(rows[0].missed_churn).toBe(0.5);
    // one cohort per year and quarter too: here all renewals fall in 2025-Q2
    expect([...new Set(risk.table("renewal_verdicts").map((r) => r.cohort))]).toEqual(["2025", "2025-Q2", "all"]);
  });

  it("follows riskMissedChurnLimit: at 0.4 the whole book's 50% missed is most of its churn; never flags a CSM without scores", async () => {
    const t = await stage(files(), { config: { asOf: AS_OF, thresholds: { riskMissedChurnLimit: 0.4, underCallMinEvents: 5 } } });
    try {
      const d = await t.dataset("risk");
      expect(d.table("settings")[0].risk_missed_churn_limit).toBe(0.4);
      const all = d.table("renewal_verdicts").filter((r) => r.cohort === "all" && r.dimension === "all");
      expect(all.map((r) => r.verdict)).toEqual(["red is big enough but misses most churn"]);
      // with 5 renewals enough to judge a CSM, Eve (5, never scored, 1 churned) has no red share and is not under-calling
      const calls = d.table("csms").filter((r) => r.lookback_days === 90);
      expect(calls.map((r) => [r.csm, r.red_share, r.under_calling])).toEqual([
        ["Ada", 0.3, false], ["Ben", 0.1, true], ["Cat", 0.3, false], ["Dan", 0.3, false], ["Eve", null, false],
      ]);
    } finally {
      t.close();
    }
  });
});

describe("the pages' functions agree with the SQL verdicts", () => {
  it("book view: every slice and quarter, from the additive book rows", () => {
    const book = withGroups(risk.table("book"), risk.table("groups"));
    const series = bookSeries(book, { asOf: AS_OF, limit: 0.5 });
    const sql = risk.table("book_verdicts").filter((r) => r.dimension === "all");
    expect(series.map((r) => [r.quarter_start, r.closed, r.verdict])).toEqual(sql.map((r) => [r.quarter_start, r.closed, r.verdict]));
    expect(latestClosed(series)!.quarter_start).toBe(D);
    const csms = bookPerCsm(book, D, { asOf: AS_OF, limit: 0.5, minEvents: 10 });
    // largest gap (churn − red share) first: Ben 30 − 10, Dan 20 − 10, then Ada and Cat (20 − 30), Eve (no gap) last
    expect(csms.map((r) => [r.csm, r.verdict, r.under_calling])).toEqual([
      ["Ben", "red under-calls churn", true], ["Dan", "red under-calls churn", true],
      ["Ada", "red covers churn", false], ["Cat", "red is big enough but misses most churn", false], ["Eve", "no health scores", false],
    ]);
    expect(csms[0].gap).toBeCloseTo(0.2, 12);
  });

  it("renewal view: per CSM sorted by gap, and the whole book", () => {
    const renewals = withGroups(risk.table("renewals"), risk.table("groups")).filter((r: { lookback_days?: unknown }) => r.lookback_days === 90);
    expect(redVsChurn(renewals, 0.5).verdict).toBe("red covers churn");
    expect(perCsm(renewals, 10, 0.5).map((r) => [r.csm, r.verdict])).toEqual([
      ["Ben", "red under-calls churn"], ["Ada", "red covers churn"], ["Cat", "red is big enough but misses most churn"], ["Dan", "red covers churn"], ["Eve", "no health scores"],
    ]);
    expect(VERDICTS).toEqual([...SQL_VERDICTS]);
  });

  it("puts the two views side by side, with the reason, only where their verdicts differ", () => {
    const book = withGroups(risk.table("book"), risk.table("groups"));
    const renewals = withGroups(risk.table("renewals"), risk.table("groups")).filter((r: { lookback_days?: unknown }) => r.lookback_days === 90);
    // whole book: the book view under-calls, the renewal view covers (Dan's accounts turned red after d)
    expect(viewsCompared(latestClosed(bookSeries(book, { asOf: AS_OF })), redVsChurn(renewals, 0.5)))
      .toEqual({ book: "red under-calls churn", renewal: "red covers churn", why: WHY_VIEWS_DIFFER });
    const mine = (csm: string) => [
      bookPerCsm(book, D, { asOf: AS_OF }).find((x) => x.csm === csm),
      redVsChurn(renewals.filter((r: { csm?: unknown }) => r.csm === csm), 0.5),
    ] as const;
    expect(viewsCompared(...mine("Dan"))).toMatchObject({ book: "red under-calls churn", renewal: "red covers churn" });
    expect(viewsCompared(...mine("Ada"))).toBeNull();  // both "red covers churn"
    expect(WHY_VIEWS_DIFFER).toContain("the renewal view reads each account nearer its renewal");
  });

  it("writes the headline sentence of the book view", () => {
    const book = withGroups(risk.table("book"), risk.table("groups"));
    const r = latestClosed(bookSeries(book, { asOf: AS_OF }));
    // 8/45 = 17.8% → 18%; 10/45 = 22.2% → 22%; 3/10 = 30%
    expect(bookSentence(r)).toBe("Red under-calls churn. Red on 2024-10-01: 18% of accounts; 22% churned within a year; 30% of those were red.");
    const eve = bookPerCsm(book, D, { asOf: AS_OF }).find((x) => x.csm === "Eve");
    expect(bookSentence(eve)).toBe("No health scores on 2024-10-01: the pie cannot be judged.");
  });
});
