/**
 * The health-lab dataset end to end on a hand-made book of 12 renewals, one account each, renewing on 30 June
 * 2023, 2024 or 2025 (lookback 90 days: 1 April), as-of date 2025-12-31, so 2025 is the test year.
 *
 * | account | year | outcome  | snapshots (as_of color score)                      | at the lookback   | sponsor |
 * | A01     | 2023 | churned  | 03-01 red 20                                       | red 20            | no      |
 * | A02     | 2023 | retained | 04-01 green 80 (on the lookback day: counts)        | green 80          | yes     |
 * | A03     | 2023 | churned  | 03-01 yellow 50, 04-02 red 10 (the day after)       | yellow 50         | yes     |
 * | A04     | 2023 | retained | none                                               | unscored          | yes     |
 * | A05     | 2024 | churned  | 01-01 red 30                                       | red 30            | no      |
 * | A06     | 2024 | retained | 01-01 yellow 50                                    | yellow 50         | yes     |
 * | A07     | 2024 | retained | 01-01 green, no score                              | green, no score   | no      |
 * | A08     | 2024 | retained | 01-01 green 90                                     | green 90          | yes     |
 * | A09     | 2025 | churned  | 01-01 yellow 60                                    | yellow 60         | no      |
 * | A10     | 2025 | retained | 01-01 yellow 60                                    | yellow 60         | yes     |
 * | A11     | 2025 | churned  | 01-01 green 85                                     | green 85          | no      |
 * | A12     | 2025 | retained | 01-01 green 95 and 01-01 red 25 (same day: severer) | red 25            | yes     |
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, stage, type Staged } from "../helpers/stage.ts";

const book = [
  ["A01", 2023, true, [["2023-03-01", "red", "20"]], false],
  ["A02", 2023, false, [["2023-04-01", "green", "80"]], true],
  ["A03", 2023, true, [["2023-03-01", "yellow", "50"], ["2023-04-02", "red", "10"]], true],
  ["A04", 2023, false, [], true],
  ["A05", 2024, true, [["2024-01-01", "red", "30"]], false],
  ["A06", 2024, false, [["2024-01-01", "yellow", "50"]], true],
  ["A07", 2024, false, [["2024-01-01", "green", ""]], false],
  ["A08", 2024, false, [["2024-01-01", "green", "90"]], true],
  ["A09", 2025, true, [["2025-01-01", "yellow", "60"]], false],
  ["A10", 2025, false, [["2025-01-01", "yellow", "60"]], true],
  ["A11", 2025, true, [["2025-01-01", "green", "85"]], false],
  ["A12", 2025, false, [["2025-01-01", "green", "95"], ["2025-01-01", "red", "25"]], true],
] as const;

let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv("account_id,account_name,customer_since,segment,csm", ...book.map(([a]) => `${a},Name ${a},2022-06-30,SMB,Ann Lee`)),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
      ...book.map(([a, y, churned]) => `R${a},${a},${y}-06-30,${y}-06-30,Core,1000,${churned ? 0 : 1000}`)),
    "health.csv": csv("account_id,as_of,color,score,source", ...book.flatMap(([a, , , snaps]) => snaps.map(([d, c, sc]) => `${a},${d},${c},${sc},csm`))),
    "contacts.csv": csv("contact_id,account_id,role,is_exec_sponsor", ...book.map(([a, , , , sponsor]) => `C${a},${a},decision_maker,${sponsor}`)),
  }, { config: { asOf: "2025-12-31", lookbackDays: 90 } });
}, 120_000);
afterAll(() => s?.close());

describe("health-lab dataset", () => {
  it("reads the score in force on the lookback date: that day counts, the day after does not, a snapshot without score gives none, the severer of one day holds", async () => {
    const rows = await s.query("select account_id, color, score from health_lab_events order by account_id");
    expect(rows.map((r) => `${r.account_id}:${r.color}:${r.score}`)).toEqual([
      "A01:red:20", "A02:green:80", "A03:yellow:50", "A04:unscored:null", "A05:red:30", "A06:yellow:50",
      "A07:green:null", "A08:green:90", "A09:yellow:60", "A10:yellow:60", "A11:green:85", "A12:red:25",
    ]);
  });

  it("tests on 2025, the latest year closed by the as-of date, and learns from 2023–2024 only", async () => {
    const d = await s.dataset("health-lab");
    expect(d.table("fit")[0]).toMatchObject({ test_year: 2025, train_years: ["2023", "2024"], train_events: 8, train_churned: 3, test_events: 4, test_churned: 2, folds: 2, no_scorecard: null });
  });

  it("gives the AUC of score and color worked by hand, leaving out and counting what was not scored", async () => {
    const d = await s.dataset("health-lab");
    const all = d.table("auc").filter((r) => r.cohort === "all" && r.segment === null);
    // Score (risk = 100 − score); churned 20, 50, 30, 60, 85 against retained 80, 50, 90, 60, 25 (A04, A07: no score):
    // 20 beats all 5 → 5; 50: 80, 90, 60 + tie ½ → 3.5; 30: 4; 60: 80, 90 + tie ½ → 2.5; 85: 90 → 1. 16 / 25 = 0.64
    const score = all.find((r) => r.subject === "score")!;
    expect(score).toMatchObject({ events: 12, churned: 5, no_score: 2, verdict: "no better than chance" });
    expect(score.auc).toBeCloseTo(0.64, 10);
    // Color (red 2, yellow 1, green 0); churned red, yellow, red, yellow, green against retained green, yellow, green,
    // green, yellow, red (A04 unscored): each red 3 + 2 + ½ = 5.5, each yellow 3 + 1 = 4, the green 1.5 → 20.5 / 30
    const color = all.find((r) => r.subject === "color")!;
    expect(color).toMatchObject({ events: 12, churned: 5, no_score: 1 });
    expect(color.auc).toBeCloseTo(20.5 / 30, 10);
    // the scorecard is judged on the test year only
    expect(d.table("auc").filter((r) => r.subject === "scorecard").map((r) => `${r.cohort}/${r.segment}`)).toEqual(["2025/null", "2025/SMB"]);
  });

  it("fits the sponsor as protective, and at the color's 1-in-4 red flags half the churn against the color's none", async () => {
    const d = await s.dataset("health-lab");
    // training: with a sponsor 1 of 5 churned, without 2 of 3; no other trait has a source table
    const card = d.table("scorecard");
    expect(card[0]).toMatchObject({ trait: "has_exec_sponsor", status: "fitted", direction: "protective", points: 100, points_with: 100, points_without: 0 });
    expect(card.slice(1).every((r) => r.status === "not measured" && r.points === 0)).toBe(true);
    // 2025: A12 red (1 of 4); the scorecard's riskiest are A09 and A11 (no sponsor, both churned), tied for 1 slot → ½ churn each
    expect(d.table("head_to_head")[0]).toMatchObject({ test_year: 2025, events: 4, churned: 2, red: 1, red_share: 0.25, churned_red: 0,
      segment: null, churned_flagged_by_scorecard: 1, flagged_by_color: 0, flagged_by_scorecard: 0.5 });
    // one segment: its row is the whole book's again
    expect(d.table("head_to_head").map((r) => r.segment)).toEqual([null, "SMB"]);
    expect({ ...d.table("head_to_head")[1], segment: null }).toEqual(d.table("head_to_head")[0]);
    expect(d.table("missed_by_color").map((r) => [r.renewal_id, r.account_name, r.csm, r.renewal_date, r.arr, r.color, r.scorecard_points, r.at_cutoff]))
      .toEqual([["RA09", "Name A09", "Ann Lee", "2025-06-30", 1000, "yellow", 0, true], ["RA11", "Name A11", "Ann Lee", "2025-06-30", 1000, "green", 0, true]]);
  });
});
