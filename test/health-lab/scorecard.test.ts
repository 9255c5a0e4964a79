/** The fitted scorecard on small synthetic books: the deciding trait weighs most, points add up, nothing leaks out of time. */
import { describe, expect, it } from "vitest";
import { buildLab, headToHead, type HealthEvent } from "../../loaders/datasets/stats/lab.ts";
import { columnsFor, designRow, fitScorecard, type LabEvent, splitOutOfTime } from "../../loaders/datasets/stats/scorecard.ts";

/**
 * Years 2021–2024, 40 renewals each (i = 0…39). Trait `decides`: held by the even-numbered renewals; with it 1 in 10
 * churn (i ≡ 6 mod 20), without it 3 in 4 (all but i ≡ 7 mod 8). `noise` (i ≡ 0 mod 3) and `other` (⌊i / 8⌋ even;
 * unmeasured when i ≡ 0 mod 5) cycle with no tie to the outcome.
 */
function book(years = [2021, 2022, 2023, 2024]): LabEvent[] {
  return years.flatMap((year) => Array.from({ length: 40 }, (_, i) => {
    const decides = i % 2 === 0;
    const churned = decides ? i % 20 === 6 : i % 8 !== 7;
    return {
      renewal_id: `R${i}-${year}`, renewal_year: year, is_churned: churned,
      decides, noise: i % 3 === 0, other: Math.floor(i / 8) % 2 === 0 ? true : i % 5 === 0 ? null : false,
    };
  }));
}
const TRAITS = ["decides", "noise", "other", "never"];

describe("out-of-time split", () => {
  it("trains on every year before the test year only, and scores the test year only", () => {
    const { train, test } = splitOutOfTime(book(), 2023);
    expect(new Set(train.map((e) => e.renewal_year))).toEqual(new Set([2021, 2022]));
    expect(new Set(test.map((e) => e.renewal_year))).toEqual(new Set([2023]));
    const trainIds = new Set(train.map((e) => e.renewal_id));
    expect(test.some((e) => trainIds.has(e.renewal_id))).toBe(false);
  });

  it("gives the same scorecard whatever happened in the test year and after it", () => {
    const events = book() as HealthEvent[];
    // the test year (2023) and 2024 turned upside down: outcomes flipped, traits inverted
    const scrambled = events.map((e) => (e.renewal_year >= 2023 ? { ...e, is_churned: !e.is_churned, decides: !e.decides, noise: null } : e));
    const a = buildLab(events, TRAITS, 2023);
    const b = buildLab(scrambled, TRAITS, 2023);
    expect(b.train.every((e) => e.renewal_year < 2023)).toBe(true);
    expect(b.card!.fit.coefficients).toEqual(a.card!.fit.coefficients);
    expect(b.card!.traits).toEqual(a.card!.traits);
  });
});

describe("fitted scorecard", () => {
  const { train } = splitOutOfTime(book(), 2024);
  const card = fitScorecard(train, TRAITS);

  it("gives the trait that decides the outcome the largest weight, as protective", () => {
    const byPoints = [...card.traits].sort((x, y) => y.points - x.points);
    expect(byPoints[0].trait).toBe("decides");
    expect(byPoints[0].direction).toBe("protective");
    expect(byPoints[0].coefficient!).toBeLessThan(-2);  // 1/10 against 3/4: log odds ratio ln((1/9)/3) = −3.30 before shrinkage
    expect(byPoints[0].points).toBeGreaterThan(50);  // more than all the other traits together (the weights sum to 100)
  });

  it("uses a missing indicator only where training renewals went unmeasured, and leaves out a trait never measured", () => {
    const cols = columnsFor(train, TRAITS);
    expect(cols.map((c) => [c.trait, c.status, c.missing])).toEqual([
      ["decides", "fitted", false], ["noise", "fitted", false], ["other", "fitted", true], ["never", "not measured", false],
    ]);
    expect(designRow({ renewal_id: "x", renewal_year: 2024, is_churned: false, decides: true, noise: false, other: null }, cols))
      .toEqual([1, 1, 0, 0, 1]);
    expect(card.traits.find((t) => t.trait === "never")).toMatchObject({ points: 0, coefficient: null, status: "not measured" });
  });

  it("maps the model to points: weights sum to 100, the safest account scores 100, the riskiest 0, in the model's order", () => {
    expect(card.traits.reduce((s, t) => s + t.points, 0)).toBeCloseTo(100, 9);
    const safest = Object.fromEntries(card.traits.map((t) => [t.trait,
      t.points_unmeasured !== null && t.points_unmeasured > Math.max(t.points_with ?? 0, t.points_without ?? 0) ? null : (t.points_with ?? 0) >= (t.points_without ?? 0)]));
    expect(card.score({ renewal_id: "s", renewal_year: 2024, is_churned: false, ...safest })).toBeCloseTo(100, 9);
    // the model's log-odds and the points run in opposite directions, on a straight line
    const events = book([2024]);
    const eta = (e: LabEvent) => designRow(e, card.columns).reduce((s, v, j) => s + v * card.fit.coefficients[j], 0);
    const [a, b] = [events[0], events[1]];
    const slope = (card.score(a) - card.score(b)) / (eta(a) - eta(b));
    expect(slope).toBeLessThan(0);
    for (const e of events) expect(card.score(e) - card.score(a)).toBeCloseTo(slope * (eta(e) - eta(a)), 9);
  });

  it("head to head: flags as many renewals as were red, and lists the churn the color missed", () => {
    const events = book().map((e, i) => ({
      ...e, account_id: `A${i}`, account_name: null, segment: "SMB", csm: "Ann", renewal_date: `${e.renewal_year}-06-01`, score: null, arr: 1000,
      color: e.renewal_year === 2024 && i % 10 === 1 ? "red" : "green",  // the CSMs flag 4 of 40
    })) as HealthEvent[];
    const lab = buildLab(events, TRAITS, 2024);
    const { row, missed } = headToHead(lab);
    // 2024: 40 renewals, churned = i 6, 26 (with) + 15 without = 17; red = i ≡ 1 (mod 10): 1, 11, 21, 31 → churned? 1, 11, 21 (≡ 1, 3, 5 mod 8) yes; 31 (≡ 7) no
    expect(row).toMatchObject({ test_year: 2024, events: 40, churned: 17, red: 4, churned_red: 3, flagged_by_color: 3 / 17 });
    // the scorecard's 4 riskiest are 4 of the 20 without `decides` (3 in 4 churn): flagged churn between 1 and 4
    expect(row!.churned_flagged_by_scorecard as number).toBeGreaterThan(1);
    for (const m of missed) expect(m.color).toBe("green");
  });

  it("head to head per segment: each segment at its own red share, the scorecard flagging within the segment", () => {
    // 2024, scorecard on `decides` alone: every renewal without it (odd i) ties at the riskiest, so a cut inside
    // them catches churn in proportion. SMB = i < 20: churned 6 and the odd ones but 7, 15 → 9; the odd ten hold 8.
    // Enterprise: 26 and the odd ones but 23, 31, 39 → 8; the odd ten hold 7. Red: 1 (churned), 7 (SMB), 20 (Ent).
    const events = book().map((e, i) => {
      const n = i % 40;
      return {
        ...e, account_id: `A${i}`, account_name: null, segment: n < 20 ? "SMB" : "Enterprise", csm: "Ann", renewal_date: `${e.renewal_year}-06-01`,
        score: null, arr: 1000, color: e.renewal_year === 2024 && [1, 7, 20].includes(n) ? "red" : "green",
      };
    }) as HealthEvent[];
    const { rows } = headToHead(buildLab(events, ["decides"], 2024));
    const pick = (r: Record<string, unknown>) => [r.segment, r.events, r.churned, r.red, r.churned_red, r.churned_flagged_by_scorecard];
    expect(rows.map(pick)).toEqual([
      [null, 40, 17, 3, 1, expect.closeTo(3 * 15 / 20, 9)],  // 3 slots among the 20 tied, 15 of them churned
      ["Enterprise", 20, 8, 1, 0, expect.closeTo(1 * 7 / 10, 9)],
      ["SMB", 20, 9, 2, 1, expect.closeTo(2 * 8 / 10, 9)],
    ]);
    expect(rows[2]).toMatchObject({ red_share: 0.1, flagged_by_color: 1 / 9 });
    expect(rows[2].flagged_by_scorecard).toBeCloseTo(1.6 / 9, 9);
  });

  it("says why there is no scorecard instead of failing: no earlier year, or no churn to learn from", () => {
    const events = book() as HealthEvent[];
    expect(buildLab(events, TRAITS, 2021)).toMatchObject({ card: null, reason: "no resolved renewal before 2021 to learn from" });
    const noChurn = events.map((e) => (e.renewal_year < 2024 ? { ...e, is_churned: false } : e));
    expect(buildLab(noChurn, TRAITS, 2024)).toMatchObject({ card: null, reason: "the years before 2024 hold no churned renewal to learn from" });
    expect(buildLab(events, TRAITS, null)).toMatchObject({ card: null, reason: "no renewal year has closed yet" });
  });

  it("falls back to the default penalty when a fold would learn from one outcome only", () => {
    // 2021 churns nothing and 2022 everything: leaving either out leaves the other, one-sided
    const events = book([2021, 2022]).map((e) => ({ ...e, is_churned: e.renewal_year === 2022 }));
    const lab = buildLab(events as HealthEvent[], TRAITS, 2023);
    expect(lab.card!.folds).toBe(0);
    expect(lab.card!.fit.lambda).toBe(1);
  });
});
