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

/** One trait compared within one slice. One pass over the events: a slice can hold every renewal of the book. */
export function compareTrait(events: ProfileEvent[], trait: string, minEvents: number): Row {
  let known = 0, withN = 0, withKept = 0, withoutN = 0, withoutKept = 0, green = 0, greenWith = 0, red = 0, redWith = 0;
  for (const e of events) {
    const has = e[trait];
    if (has === null || has === undefined) continue;
    known++;
    const kept = !e.is_churned;
    // the trait is true, false or unmeasured; anything else counts on neither side, as a strict comparison would
    if (has === true) { withN++; if (kept) withKept++; } else if (has === false) { withoutN++; if (kept) withoutKept++; }
    if (e.color === "green" && kept) { green++; if (has === true) greenWith++; }
    if (e.color === "red") { red++; if (has === true) redWith++; }
  }
  const ci = newcombe(withKept, withN, withoutKept, withoutN);
  const verdict = known === 0 ? "not measured"
    : withN < minEvents || withoutN < minEvents ? "too few events"
    : ci!.low > 0 ? "driver" : ci!.high < 0 ? "warning sign" : "no evidence";
  return {
    trait, verdict,
    events: known, unmeasured: events.length - known,
    with_events: withN, with_retained: withKept, without_events: withoutN, without_retained: withoutKept,
    retention_with: rate(withKept, withN), retention_without: rate(withoutKept, withoutN),
    difference: ci?.estimate ?? null, ci_low: ci?.low ?? null, ci_high: ci?.high ?? null,
    green_retained: green, green_retained_with: greenWith, prevalence_green: rate(greenWith, green),
    red_events: red, red_with: redWith, prevalence_red: rate(redWith, red),
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
