/** The formula table (src/components/metrics.js) on sums written by hand: one null rule, gates, complements, annualizing. */
import { describe, expect, it } from "vitest";
import { FAMILIES, formula, formulaText, inPeriod, quarterOf, rate, rates, ratio, sumFacts } from "../../src/components/metrics.js";

describe("ratio", () => {
  it("is missing when the denominator is 0, null or undefined, or the numerator is null", () => {
    expect([ratio(1, 0), ratio(0, 0), ratio(1, null), ratio(1, undefined), ratio(null, 4)]).toEqual([null, null, null, null, null]);
    expect(ratio(0, 4)).toBe(0);
    expect(ratio(3, 4)).toBe(0.75);
  });
});

describe("inPeriod", () => {
  it("keeps all (null), a year, or one quarter", () => {
    expect([inPeriod("2025-Q1", null), inPeriod("2025-Q1", "2025"), inPeriod("2025-Q1", "2024"), inPeriod("2025-Q1", "2025-Q1"), inPeriod("2025-Q1", "2025-Q2")])
      .toEqual([true, true, false, true, false]);
    expect([quarterOf("2025-05-31"), quarterOf("2025-12"), quarterOf("2024-01-01")]).toEqual(["2025-Q2", "2025-Q4", "2024-Q1"]);
  });
});

describe("the formula table", () => {
  it("sums facts by color slice, to the cent", () => {
    // red: 3 events (2 churned), yellow 5 (1), unscored 2 (1); ARR 0.1 + 0.2 + 0.3 kept to the cent: 0.6
    const rows = [
      { color: "red", events: 3, churned: 2, arr: 0.1, lost_arr: 0.1 },
      { color: "yellow", events: 5, churned: 1, arr: 0.2, lost_arr: 0 },
      { color: "unscored", events: 2, churned: 1, arr: 0.3, lost_arr: 0.3 },
    ];
    const s = sumFacts(rows, FAMILIES.renewal_view);
    expect(s).toEqual({ events: 10, red: 3, scored: 8, churned: 4, churned_red: 2, arr: 0.6, red_arr: 0.1, lost_arr: 0.4 });
    // red share 3/10; logo churn 4/10; flagged 2/4, missed 1 − 2/4; precision 2/3; revenue churn 0.4/0.6
    expect(rates(FAMILIES.renewal_view, s)).toEqual({
      red_share: 0.3, red_share_arr: 0.1 / 0.6, logo_churn_rate: 0.4, revenue_churn_rate: 0.4 / 0.6, flagged_churn: 0.5, missed_churn: 0.5, precision: 2 / 3,
    });
  });

  it("leaves red share and flagged churn missing when nothing was scored, not 0", () => {
    const s = sumFacts([{ color: "unscored", events: 4, churned: 1, arr: 100, lost_arr: 100 }], FAMILIES.renewal_view);
    const r = rates(FAMILIES.renewal_view, s);
    expect([r.red_share, r.red_share_arr, r.flagged_churn, r.missed_churn]).toEqual([null, null, null, null]);
    expect(r.logo_churn_rate).toBe(0.25);
  });

  it("subtracts terms and annualizes only a month", () => {
    // starting 1000, churned 100, contraction 50, expansion 30, cross-sell 20: GRR 850/1000, NRR 900/1000; logo churn 1/10
    const s = { starting_logos: 10, churned_logos: 1, starting_arr: 1000, churned_arr: 100, contraction: 50, expansion: 30, cross_sell: 20 };
    const year = rates(FAMILIES.bridge, s);
    expect(year).toMatchObject({ grr: 0.85, nrr: 0.9, logo_churn_rate: 0.1, grr_annualized: null, nrr_annualized: null, logo_churn_rate_annualized: null });
    const month = rates(FAMILIES.bridge, s, { monthly: true });
    expect(month.grr_annualized).toBe(0.85 ** 12);
    expect(month.logo_churn_rate_annualized).toBe(1 - 0.9 ** 12);
  });

  it("gives logo retention as the complement of logo churn, missing with nothing resolved", () => {
    const f = formula(FAMILIES.cohort, "logo_retention_rate");
    expect(rate(f, { churned_events: 1, resolved_events: 4 })).toBe(0.75);
    expect(rate(f, { churned_events: 0, resolved_events: 0 })).toBeNull();
  });

  it("says each formula in words", () => {
    expect(formulaText(formula(FAMILIES.cohort, "grr"))).toBe("retained / resolved");
    expect(formulaText(formula(FAMILIES.cohort, "expansion_rate"))).toBe("(upsell + cross-sell) / resolved");
    expect(formulaText(formula(FAMILIES.cohort, "logo_retention_rate"))).toBe("1 − churned events / resolved events");
    expect(formulaText(formula(FAMILIES.bridge, "grr"))).toBe("(starting ARR − churned ARR − contraction) / starting ARR");
    expect(() => formula(FAMILIES.cohort, "nope")).toThrow("no formula nope");
  });

  it("names every formula once per family, over facts the family sums", () => {
    for (const [name, family] of Object.entries(FAMILIES)) {
      const keys = family.formulas.map((f) => f.key);
      expect(new Set(keys).size, name).toBe(keys.length);
      for (const f of family.formulas) for (const t of [...f.numerator, ...f.denominator]) expect(Object.keys(family.facts), `${name} ${f.key}`).toContain(t.replace(/^-/, ""));
    }
  });
});
