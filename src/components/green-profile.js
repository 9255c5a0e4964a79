// Green profile page helpers: pick a slice, and word the blueprint from the published comparisons.
// Pure functions over rows (tested in test/green-profile/page.test.ts); text only, never HTML.
import { count, int, pct } from "./format.js";

/** Rows of one slice: segment and period null = all (the dataset publishes every combination). */
export function forSlice(data, segment, period) {
  return data.filter((r) => r.segment === segment && r.period === period);
}

/** Comparisons joined with their trait definitions (label, phrase, area, measured, today_state), by rank. */
export function withDefinitions(comparisons, traits) {
  const defs = new Map(traits.map((t) => [t.trait, t]));
  return comparisons.map((c) => ({ ...defs.get(c.trait), ...c })).sort((a, b) => a.rank - b.rank);
}

/** A fraction as signed percentage points: 0.134 → "13.4", −0.023 → "−2.3". */
export function points(v, digits = 1) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const s = (Math.abs(v) * 100).toFixed(digits);
  return v < 0 && Number(s) !== 0 ? `−${s}` : s;
}

/** "95% CI 11.3–15.6", or "95% CI −2.3 to 2.2" when a bound is negative (a dash would read as a minus). */
export function ciText(r) {
  const lo = points(r.ci_low);
  const hi = points(r.ci_high);
  return r.ci_low < 0 || r.ci_high < 0 ? `95% CI ${lo} to ${hi}` : `95% CI ${lo}–${hi}`;
}

/** "Accounts with an executive sponsor renewed 93.1% of the time against 79.6% without (difference 13.4 points, …)." */
export function traitSentence(r) {
  const other = r.phrase.startsWith("with ") ? "without" : "for the others";
  return `Accounts ${r.phrase} renewed ${pct(r.retention_with)} of the time against ${pct(r.retention_without)} ${other} ` +
    `(difference ${points(r.difference)} points, ${ciText(r)}; ${count(r.with_events, "renewal")} with, ${int(r.without_events)} without).`;
}

/** Prevalence among green retained against red renewals, in words; null when neither group has a renewal. */
export function prevalenceSentence(r) {
  if (!r.green_retained && !r.red_events) return null;
  const green = r.green_retained
    ? `${pct(r.prevalence_green, 0)} of the renewals green at the lookback and retained had it (${int(r.green_retained_with)} of ${int(r.green_retained)})`
    : "No renewal was green at the lookback and retained";
  const red = r.red_events
    ? `${pct(r.prevalence_red, 0)} of those red at the lookback (${int(r.red_with)} of ${int(r.red_events)})`
    : "no renewal was red at the lookback";
  return `${green[0].toUpperCase()}${green.slice(1)}, against ${red}.`;
}

/** The slice's comparisons grouped by verdict, each group in rank order. */
export function blueprint(rows) {
  const by = (v) => rows.filter((r) => r.verdict === v);
  return {
    drivers: by("driver"),
    warnings: by("warning sign"),
    noEvidence: by("no evidence"),
    tooFew: by("too few events"),
    notMeasured: by("not measured"),
  };
}

/** "SMB, 2025" / "all segments, all years". */
export function sliceLabel(segment, period) {
  return `${segment ?? "all segments"}, ${period ?? "all years"}`;
}

/** A metric value formatted by its unit (share, ratio, count, days, score). */
export function metricValue(v, unit) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  if (unit === "share") return pct(v, 0);
  if (unit === "ratio") return v.toFixed(2);
  if (unit === "days") return count(v, "day");
  return Number.isInteger(v) ? int(v) : v.toFixed(1);
}
