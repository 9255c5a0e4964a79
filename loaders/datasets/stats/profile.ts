/**
 * The green profile's statistics (docs/metrics.md § Green profile): for every slice
 * of resolved renewals (all, or one segment, one renewal year, or both), each
 * trait's with/without retention and the Newcombe interval of the difference,
 * its prevalence among green retained and red renewals, and metric cohorts.
 * Computed once per slice here, so the page filters without any statistics.
 */
import type { Row } from "../../engine/db.ts";
import { metricCohorts } from "./cohorts.ts";
import { newcombe, wilson } from "./intervals.ts";

/** One resolved renewal as green_profile_events publishes it (traits and metrics by column name). */
export type ProfileEvent = Row & { segment: string; renewal_year: number; color: string; is_churned: boolean };

/** A slice: null segment or period = all of them. */
export interface Slice {
  segment: string | null;
  period: string | null;
  events: ProfileEvent[];
}

/** Every non-empty slice: all renewals, each segment, each renewal year, and each segment in each year. */
export function slices(events: ProfileEvent[]): Slice[] {
  const segments = [null, ...[...new Set(events.map((e) => e.segment))].sort()];
  const periods = [null, ...[...new Set(events.map((e) => String(e.renewal_year)))].sort()];
  return segments.flatMap((segment) => periods.map((period) => ({
    segment,
    period,
    events: events.filter((e) => (segment === null || e.segment === segment) && (period === null || String(e.renewal_year) === period)),
  }))).filter((s) => s.events.length > 0);
}

const rate = (k: number, n: number) => (n > 0 ? k / n : null);

/** Verdicts, best first: a trait whose interval spans 0 is "no evidence", never a driver. */
export const VERDICTS = ["driver", "no evidence", "warning sign", "too few events", "not measured"] as const;

/** One trait compared within one slice. */
export function compareTrait(events: ProfileEvent[], trait: string, minEvents: number): Row {
  const known = events.filter((e) => e[trait] !== null && e[trait] !== undefined);
  const side = (has: boolean) => known.filter((e) => e[trait] === has);
  const [withT, withoutT] = [side(true), side(false)];
  const kept = (list: ProfileEvent[]) => list.filter((e) => !e.is_churned).length;
  const [kw, ko] = [kept(withT), kept(withoutT)];
  const ci = newcombe(kw, withT.length, ko, withoutT.length);
  const greenRetained = known.filter((e) => e.color === "green" && !e.is_churned);
  const red = known.filter((e) => e.color === "red");
  const count = (list: ProfileEvent[]) => list.filter((e) => e[trait] === true).length;
  const verdict = known.length === 0 ? "not measured"
    : withT.length < minEvents || withoutT.length < minEvents ? "too few events"
    : ci!.low > 0 ? "driver" : ci!.high < 0 ? "warning sign" : "no evidence";
  return {
    trait, verdict,
    events: known.length, unmeasured: events.length - known.length,
    with_events: withT.length, with_retained: kw, without_events: withoutT.length, without_retained: ko,
    retention_with: rate(kw, withT.length), retention_without: rate(ko, withoutT.length),
    difference: ci?.estimate ?? null, ci_low: ci?.low ?? null, ci_high: ci?.high ?? null,
    green_retained: greenRetained.length, green_retained_with: count(greenRetained), prevalence_green: rate(count(greenRetained), greenRetained.length),
    red_events: red.length, red_with: count(red), prevalence_red: rate(count(red), red.length),
  };
}

/** Ranks one slice's comparisons: by verdict group (judged, too few, unmeasured), then by the interval's lower end. */
export function rankTraits(rows: Row[]): Row[] {
  const group = (r: Row) => (r.verdict === "not measured" ? 2 : r.verdict === "too few events" ? 1 : 0);
  const low = (r: Row) => (typeof r.ci_low === "number" ? r.ci_low : -Infinity);
  const order = rows.map((r, i) => ({ r, i })).sort((a, b) => group(a.r) - group(b.r) || low(b.r) - low(a.r) || a.i - b.i);
  return order.map(({ r }, i) => ({ ...r, rank: i + 1 }));
}

/** Retention per metric cohort within one slice, with Wilson intervals; no row when the slice cannot fill two cohorts. */
export function cohortRows(events: ProfileEvent[], metric: string, minEvents: number): Row[] {
  const obs = events.filter((e) => typeof e[metric] === "number").map((e) => ({ value: e[metric] as number, retained: !e.is_churned }));
  return metricCohorts(obs, { maxCohorts: 10, minSize: minEvents }).map((c) => {
    const ci = wilson(c.retained, c.events)!;
    return {
      metric, cohort: c.cohort, events: c.events, retained: c.retained,
      retention: ci.estimate, ci_low: ci.low, ci_high: ci.high,
      value_min: c.min, value_max: c.max, value_mean: c.mean,
    };
  });
}
