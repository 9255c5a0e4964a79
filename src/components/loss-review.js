// The loss review's figures, from the rows of the loss-review dataset: which lost renewals fall in
// the chosen period (by the month the loss was settled), and what they had in common.

import { quarterOf, ratio } from "./metrics.js";

/**
 * Period choices as [value, label] pairs over the months losses were settled in: every month
 * (latest first), every quarter, every year, and all time. Values: "2025-03", "2025-Q1", "2025", "all".
 */
export function lossPeriods(renewals) {
  const months = [...new Set(renewals.map((r) => r.resolved_month))].sort().reverse();
  const quarters = [...new Set(months.map(quarterOf))];
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  return [
    ...months.map((m) => [m, m]),
    ...quarters.map((q) => [q, q]),
    ...years.map((y) => [y, y]),
    ["all", "All time"],
  ];
}


/** Does a settlement month fall in a period (a month, a quarter, a year or "all")? */
export function inLossPeriod(month, period) {
  if (period === "all") return true;
  if (period.length === 4) return month.startsWith(`${period}-`);
  if (period.includes("Q")) return quarterOf(month) === period;
  return month === period;
}

/** What the lost renewals of a period had in common: counts and shares a loss review starts from. */
export function lossSummary(renewals) {
  const n = renewals.length;
  const count = (f) => renewals.filter(f).length;
  const neverRed = count((r) => r.first_red_day === null);
  return {
    renewals: n,
    lost_arr: Math.round(renewals.reduce((s, r) => s + r.lost_arr, 0) * 100) / 100,
    never_red: neverRed,
    never_red_share: ratio(neverRed, n),
    red_at_lookback: count((r) => r.lookback_color === "red"),
    no_business_review: count((r) => r.business_reviews === 0),
    no_business_review_share: ratio(count((r) => r.business_reviews === 0), n),
    no_decision_maker: count((r) => r.decision_makers_touched === 0),
    no_decision_maker_share: ratio(count((r) => r.decision_makers_touched === 0), n),
    usage_down: count((r) => r.usage_change !== null && r.usage_change <= -1 / 3),
    reasons: tally(renewals.map((r) => r.loss_reason ?? "(no reason given)")),
  };
}

/** Counts of each value, most frequent first (ties by name). */
function tally(values) {
  const m = new Map();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].map(([value, n]) => ({ value, n })).sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
}

/** Rows grouped by renewal_id, each group in its original order. */
export function byRenewal(data) {
  const m = new Map();
  for (const r of data) {
    if (!m.has(r.renewal_id)) m.set(r.renewal_id, []);
    m.get(r.renewal_id).push(r);
  }
  return m;
}
