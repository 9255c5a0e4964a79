// Risk figures for any filter: sum the published count rows of the risk dataset, then take the rates of the
// formula table in metrics.js (FAMILIES.renewal_view; docs/metrics.md § Risk) and the verdict below. The SQL marts
// risk_csm_calls, book_verdicts and renewal_verdicts state the same; test/metrics/sql-rates.test.ts checks them.
import { pct } from "./format.js";
import { FAMILIES, ratio, summarizeFacts } from "./metrics.js";

/** The slices of the pie, in the order pages show them. Unscored is a slice, never dropped. */
export const COLORS = ["red", "yellow", "green", "unscored"];

/** Rows carrying group_id → the same rows with the group's segment, region and csm. */
export function withGroups(data, groups) {
  const byId = new Map(groups.map((g) => [g.group_id, g]));
  return data.map((r) => {
    const g = byId.get(r.group_id);
    return { ...r, segment: g?.segment ?? null, region: g?.region ?? null, csm: g?.csm ?? null };
  });
}

export const cents = (v) => Math.round(v * 100) / 100;

/** The four verdicts of docs/metrics.md § Risk, in their fixed words (the same as loaders/datasets/risk.ts VERDICTS). */
export const NO_SCORES = "no health scores";
export const UNDER_CALLS = "red under-calls churn";
export const MISSES = "red is big enough but misses most churn";
export const COVERS = "red covers churn";
export const VERDICTS = [NO_SCORES, UNDER_CALLS, MISSES, COVERS];

/**
 * The verdict of either view: "no health scores" when nothing in the slice was scored; none (null) when no
 * renewal was resolved; else size first (red share below logo churn), then aim (missed churn above the limit).
 * @param {Record<string, any>} s {scored, red_share, logo_churn_rate, missed_churn}
 * @param {number} limit
 */
export function verdictOf(s, limit) {
  if (!s.scored) return NO_SCORES;
  if (s.logo_churn_rate === null) return null;
  if (s.red_share < s.logo_churn_rate) return UNDER_CALLS;
  if (s.missed_churn !== null && s.missed_churn > limit) return MISSES;
  return COVERS;
}

/** Only "red covers churn" reads as good news. */
export const verdictClass = (v) => (v === COVERS ? "verdict-ok" : v === NO_SCORES || v === null ? "verdict-none" : "verdict-bad");

/**
 * The renewal view of a set of renewal count rows (one lookback): red share by logos and ARR against logo and
 * revenue churn, flagged and missed churn, red's precision and recall, and the verdict (rates: metrics.js
 * FAMILIES.renewal_view). With nothing scored the red shares are null, never 0.
 * Identity: recall = precision × red_share / logo_churn_rate.
 * @param {Record<string, any>[]} data
 * @returns {Record<string, any>}
 */
export function redVsChurn(data, limit = 0.5) {
  const s = summarizeFacts(data, FAMILIES.renewal_view);
  /** @type {Record<string, any>} */
  const row = {
    ...s,
    recall: s.flagged_churn,
    gap: s.red_share === null || s.logo_churn_rate === null ? null : s.logo_churn_rate - s.red_share,
    under_calls: s.red_share !== null && s.logo_churn_rate !== null && s.red_share < s.logo_churn_rate,
  };
  return { ...row, verdict: s.events ? verdictOf(row, limit) : null };
}

/** Calibration: per color, events, logo and revenue churn, and the share of all churned logos it held. */
export function calibration(data) {
  const total = redVsChurn(data);
  return COLORS.map((color) => {
    const s = redVsChurn(data.filter((r) => r.color === color));
    return {
      color, events: s.events, churned: s.churned, arr: s.arr, lost_arr: s.lost_arr,
      share_of_events: ratio(s.events, total.events),
      logo_churn_rate: s.logo_churn_rate,
      revenue_churn_rate: s.revenue_churn_rate,
      share_of_churned: ratio(s.churned, total.churned),
    };
  });
}

/** Largest gap (logo churn − red share) first; slices without a gap last, then by name. */
export function byGap(a, b) {
  const ga = a.gap ?? -Infinity, gb = b.gap ?? -Infinity;
  return gb - ga || String(a.csm ?? "\uffff").localeCompare(String(b.csm ?? "\uffff"));
}

/** Rows grouped by the value of one key, in first-seen order. */
export function groupBy(data, key) {
  const groups = new Map();
  for (const r of data) {
    if (!groups.has(r[key])) groups.set(r[key], []);
    groups.get(r[key]).push(r);
  }
  return groups;
}

/**
 * Per CSM: the renewal view and the under-calling flag (a named CSM with at least
 * minEvents resolved renewals whose red share is below their logo churn rate), largest gap first.
 * @returns {Record<string, any>[]}
 */
export function perCsm(data, minEvents, limit = 0.5) {
  return [...groupBy(data, "csm").entries()].map(([csm, part]) => {
    const s = redVsChurn(part, limit);
    return { csm, ...s, under_calling: csm !== null && csm !== "(none)" && s.events >= minEvents && s.under_calls };
  }).sort(byGap);
}

/** The flagged under-calling CSMs (risk_csm_calls rows) at one lookback, largest gap (churn − red share) first. */
export function underCallers(calls, lookback) {
  return calls.filter((c) => c.under_calling && c.lookback_days === lookback)
    .map((c) => ({ ...c, gap: c.logo_churn_rate - c.red_share }))
    .sort(byGap);
}

/** Lead-time buckets, in days before renewal_date; "never red" is kept apart. */
export const LEAD_BUCKETS = [[1, 30, "1–30 days"], [31, 60, "31–60 days"], [61, 90, "61–90 days"], [91, 180, "91–180 days"], [181, 365, "181–365 days"]];
export const NEVER_RED = "never red";

/** Churned renewals per lead-time bucket, with their share of all churned renewals. */
export function leadTimes(data) {
  const labels = [...LEAD_BUCKETS.map((b) => b[2]), NEVER_RED];
  const counts = new Map(labels.map((l) => [l, { bucket: l, events: 0, arr: 0 }]));
  for (const r of data) {
    const b = r.lead_days === null ? NEVER_RED : LEAD_BUCKETS.find(([lo, hi]) => r.lead_days >= lo && r.lead_days <= hi)?.[2];
    const c = counts.get(b);
    if (c) { c.events += r.events; c.arr += r.arr; }
  }
  const total = [...counts.values()].reduce((n, c) => n + c.events, 0);
  return labels.map((l) => ({ ...counts.get(l), arr: cents(counts.get(l).arr), share: ratio(counts.get(l).events, total) }));
}

/** The median lead time (days) of churned renewals that were red at some point, or null. */
export function medianLead(data) {
  const days = data.filter((r) => r.lead_days !== null).flatMap((r) => Array(r.events).fill(r.lead_days)).sort((a, b) => a - b);
  if (!days.length) return null;
  const m = days.length >> 1;
  return days.length % 2 ? days[m] : (days[m - 1] + days[m]) / 2;
}

/**
 * The page's lead sentence, generated from the renewal view and calibration of the current filters.
 * @param {ReturnType<typeof redVsChurn>} s
 * @param {ReturnType<typeof calibration>} calib
 * @param {{period?: string | null, lookback: number}} options
 */
export function riskSentence(s, calib, { period = null, lookback }) {
  const when = period === null ? "Across all resolved renewals" : `In ${period}`;
  if (!s.events) return `${when} no renewal was resolved under these filters.`;
  const share = (c) => calib.find((x) => x.color === c)?.share_of_churned ?? null;
  const quiet = share("green") === null ? null : share("green") + share("yellow");
  const parts = [
    `${when}, ${lookback} days before renewal, red covered ${pct(s.red_share, 0)} of the accounts up for renewal (${pct(s.red_share_arr, 0)} of their ARR); ` +
      `${pct(s.logo_churn_rate, 0)} churned (${pct(s.revenue_churn_rate, 0)} of the revenue).`,
  ];
  if (s.churned) {
    const unscored = share("unscored");
    parts.push(`${pct(quiet, 0)} of the churned accounts were green or yellow ${lookback} days before renewal${unscored ? `, and ${pct(unscored, 0)} had no score` : ""}.`);
  }
  parts.push(s.verdict === NO_SCORES ? "No event was scored at the lookback: the pie cannot be judged."
    : s.verdict === UNDER_CALLS ? "Red under-calls churn: the red slice is smaller than the churn it should cover."
    : s.verdict === MISSES ? "Red is big enough but misses most churn: most churned accounts were not red."
    : "Red covers churn: the slice is big enough and holds most of the churned accounts.");
  return parts.join(" ");
}
