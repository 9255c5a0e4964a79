/** Metric cohorts: equal-count cuts, ties never split, every cohort at least minSize; and the per-slice trait comparison. */
import { describe, expect, it } from "vitest";
import { metricCohorts } from "../../loaders/datasets/stats/cohorts.ts";
import { compareTrait, type ProfileEvent, rankTraits, slices } from "../../loaders/datasets/stats/profile.ts";

const obs = (values: number[], churnedFrom = Infinity) => values.map((value, i) => ({ value, retained: i < churnedFrom }));

describe("metricCohorts", () => {
  it("cuts 100 distinct values into ten cohorts of ten", () => {
    // values 1..100; retained = the first 80 (values 1..80), so cohorts 1–8 keep 10 of 10, 9–10 keep 0
    const c = metricCohorts(obs(Array.from({ length: 100 }, (_, i) => i + 1), 80), { minSize: 5 });
    expect(c.map((x) => x.events)).toEqual(Array(10).fill(10));
    expect(c.map((x) => x.retained)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 0, 0]);
    expect(c[0]).toMatchObject({ cohort: 1, min: 1, max: 10, mean: 5.5 });
    expect(c[9]).toMatchObject({ cohort: 10, min: 91, max: 100, mean: 95.5 });
  });

  it("keeps ties together: 60 zeros and 40 distinct values", () => {
    // targets at 10, 20, …, 90; every cut up to 60 lands inside the run of zeros and moves to index 60,
    // so the zeros form one cohort of 60 and the cuts at 70, 80, 90 make four cohorts of 10 after it
    const values = [...Array(60).fill(0), ...Array.from({ length: 40 }, (_, i) => i + 1)];
    const c = metricCohorts(obs(values), { minSize: 5 });
    expect(c.map((x) => [x.events, x.min, x.max])).toEqual([[60, 0, 0], [10, 1, 10], [10, 11, 20], [10, 21, 30], [10, 31, 40]]);
  });

  it("makes fewer cohorts when each must hold minSize, and none when two cannot be filled", () => {
    // 50 values, minSize 20 → k = min(10, ⌊50/20⌋) = 2 cohorts: cut at 25
    expect(metricCohorts(obs(Array.from({ length: 50 }, (_, i) => i)), { minSize: 20 }).map((x) => x.events)).toEqual([25, 25]);
    // 39 values, minSize 20 → k = 1: no curve
    expect(metricCohorts(obs(Array.from({ length: 39 }, (_, i) => i)), { minSize: 20 })).toEqual([]);
    // one value for everyone: no shape to show
    expect(metricCohorts(obs(Array(100).fill(3)), { minSize: 5 })).toEqual([]);
  });

  it("drops a cut that would leave a cohort smaller than minSize", () => {
    // 30 values: 0 ×14, then 1..16; minSize 10 → k = 3, targets 10 and 20; the cut at 10 moves to 14,
    // the cut at 20 would leave 30 − 20 = 10 ≥ 10 and 20 − 14 = 6 < 10 → dropped: cohorts 14 and 16
    const values = [...Array(14).fill(0), ...Array.from({ length: 16 }, (_, i) => i + 1)];
    expect(metricCohorts(obs(values), { minSize: 10 }).map((x) => x.events)).toEqual([14, 16]);
  });
});

let id = 0;
const ev = (segment: string, year: number, sponsor: boolean | null, churned: boolean, color = "yellow") =>
  ({ renewal_id: `R${++id}`, segment, renewal_year: year, color, is_churned: churned, sponsor }) as unknown as ProfileEvent;

describe("compareTrait and rankTraits", () => {
  it("gives Newcombe's 56/70 vs 48/80 for a trait held by 70 renewals, 56 retained, against 48 of 80", () => {
    const events = [
      ...Array.from({ length: 70 }, (_, i) => ev("SMB", 2025, true, i >= 56, i < 10 ? "green" : "yellow")),
      ...Array.from({ length: 80 }, (_, i) => ev("SMB", 2025, false, i >= 48, i < 20 ? "red" : "yellow")),
      ev("SMB", 2025, null, false),  // unmeasured: left out of both sides
    ];
    const r = compareTrait(events, "sponsor", 30);
    expect(r).toMatchObject({
      verdict: "driver", events: 150, unmeasured: 1, with_events: 70, with_retained: 56, without_events: 80, without_retained: 48,
      retention_with: 0.8, retention_without: 0.6,
      // green retained: the first 10 with the trait (all retained); red: 20 without it
      green_retained: 10, green_retained_with: 10, prevalence_green: 1, red_events: 20, red_with: 0, prevalence_red: 0,
    });
    expect(r.ci_low).toBeCloseTo(0.0524, 4);
    expect(r.ci_high).toBeCloseTo(0.3339, 4);
    // with minEvents 71 the 70 renewals with the trait are too few for a verdict
    expect(compareTrait(events, "sponsor", 71).verdict).toBe("too few events");
  });

  it("calls an interval spanning 0 'no evidence', one below 0 a 'warning sign', and an unmeasured trait 'not measured'", () => {
    const flat = [...Array.from({ length: 40 }, (_, i) => ev("A", 2024, true, i < 4)), ...Array.from({ length: 40 }, (_, i) => ev("A", 2024, false, i < 4))];
    expect(compareTrait(flat, "sponsor", 30)).toMatchObject({ verdict: "no evidence", difference: 0 });
    const bad = [...Array.from({ length: 40 }, (_, i) => ev("A", 2024, true, i < 30)), ...Array.from({ length: 40 }, (_, i) => ev("A", 2024, false, i < 2))];
    expect(compareTrait(bad, "sponsor", 30).verdict).toBe("warning sign");
    expect(compareTrait([ev("A", 2024, null, false)], "sponsor", 30)).toMatchObject({ verdict: "not measured", events: 0, difference: null, retention_with: null });
  });

  it("ranks judged traits by the interval's lower end, then too-few, then unmeasured", () => {
    const rows = [
      { trait: "a", verdict: "no evidence", ci_low: -0.02 },
      { trait: "b", verdict: "not measured", ci_low: null },
      { trait: "c", verdict: "too few events", ci_low: 0.5 },
      { trait: "d", verdict: "driver", ci_low: 0.1 },
      { trait: "e", verdict: "warning sign", ci_low: -0.3 },
    ];
    expect(rankTraits(rows).map((r) => `${r.rank}${r.trait}`)).toEqual(["1d", "2a", "3e", "4c", "5b"]);
  });

  it("slices: all, each segment, each year, and each segment-year that has renewals", () => {
    const s = slices([ev("SMB", 2024, true, false), ev("SMB", 2025, true, false), ev("Ent", 2025, true, false)]);
    expect(s.map((x) => `${x.segment}/${x.period}:${x.events.length}`)).toEqual([
      "null/null:3", "null/2024:1", "null/2025:2", "Ent/null:1", "Ent/2025:1", "SMB/null:2", "SMB/2024:1", "SMB/2025:1",
    ]);
  });
});
