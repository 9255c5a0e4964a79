// Risk figures for any filter: sum the published count rows of the risk dataset,
// then take the ratios of METRICS.md § Risk. The SQL marts risk_csm_calls and
// risk_headline use the same definitions; test/risk/figures.test.ts checks both agree.
import { pct } from "./format.js";

/** The slices of the pie, in the order pages show them. Unscored is a slice, never dropped. */
export const COLORS = ["red", "yellow", "green", "unscored"];

/** A ratio that is missing (null) when the denominator is 0, never 0 or NaN. */
export function ratio(num, den) {
  return den === 0 || den === null || den === undefined ? null : num / den;
}

/** Rows carrying group_id → the same rows with the group's segment, region and csm. */
export function withGroups(data, groups) {
  const byId = new Map(groups.map((g) => [g.group_id, g]));
  return data.map((r) => {
    const g = byId.get(r.group_id);
    return { ...r, segment: g?.segment ?? null, region: g?.region ?? null, csm: g?.csm ?? null };
  });
}

/** Does a cohort quarter ("2025-Q1") fall in a period: null (all), a year ("2025") or that quarter. */
export function inPeriod(quarter, period) {
  if (period === null || period === undefined) return true;
  return period.length === 4 ? quarter.startsWith(`${period}-`) : quarter === period;
}

const cents = (v) => Math.round(v * 100) / 100;

/**
 * The renewal view of a set of renewal count rows (one lookback): red share by logos
 * and ARR against logo and revenue churn, missed churn, and red's precision and recall.
 * Identity: recall = precision × red_share / logo_churn_rate.
 */
export function redVsChurn(data) {
  let events = 0, red = 0, churned = 0, churnedRed = 0, arr = 0, redArr = 0, lostArr = 0;
  for (const r of data) {
    events += r.events; churned += r.churned; arr += r.arr; lostArr += r.lost_arr;
    if (r.color === "red") { red += r.events; churnedRed += r.churned; redArr += r.arr; }
  }
  [arr, redArr, lostArr] = [arr, redArr, lostArr].map(cents);
  const redShare = ratio(red, events);
  const logoChurn = ratio(churned, events);
  return {
    events, red, churned, churned_red: churnedRed, arr, red_arr: redArr, lost_arr: lostArr,
    red_share: redShare,
    red_share_arr: ratio(redArr, arr),
    logo_churn_rate: logoChurn,
    revenue_churn_rate: ratio(lostArr, arr),
    missed_churn: ratio(churned - churnedRed, churned),
    precision: ratio(churnedRed, red),
    recall: ratio(churnedRed, churned),
    under_calls: redShare !== null && logoChurn !== null && redShare < logoChurn,
  };
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

/**
 * Per CSM: the renewal view and the under-calling flag (a named CSM with at least
 * minEvents resolved renewals whose red share is below their logo churn rate).
 */
export function perCsm(data, minEvents) {
  const groups = new Map();
  for (const r of data) {
    if (!groups.has(r.csm)) groups.set(r.csm, []);
    groups.get(r.csm).push(r);
  }
  return [...groups.entries()].map(([csm, part]) => {
    const s = redVsChurn(part);
    return { csm, ...s, under_calling: csm !== null && csm !== "(none)" && s.events >= minEvents && s.under_calls };
  }).sort((a, b) => String(a.csm ?? "\uffff").localeCompare(String(b.csm ?? "\uffff")));
}

/** Book view per quarter start: red share of active accounts (logos, ARR) against the churn of the next 365 days. */
export function bookSeries(data) {
  const byDay = new Map();
  for (const r of data) {
    const s = byDay.get(r.quarter_start) ?? { quarter_start: r.quarter_start, accounts: 0, red_accounts: 0, unscored_accounts: 0, arr: 0, red_arr: 0, events: 0, churned: 0, resolved_arr: 0, lost_arr: 0, unresolved: 0 };
    s.accounts += r.accounts; s.arr += r.arr; s.events += r.events; s.churned += r.churned;
    s.resolved_arr += r.resolved_arr; s.lost_arr += r.lost_arr; s.unresolved += r.unresolved;
    if (r.color === "red") { s.red_accounts += r.accounts; s.red_arr += r.arr; }
    if (r.color === "unscored") s.unscored_accounts += r.accounts;
    byDay.set(r.quarter_start, s);
  }
  return [...byDay.values()].sort((a, b) => a.quarter_start.localeCompare(b.quarter_start)).map((s) => ({
    ...s,
    red_share: ratio(s.red_accounts, s.accounts),
    red_share_arr: ratio(cents(s.red_arr), cents(s.arr)),
    unscored_share: ratio(s.unscored_accounts, s.accounts),
    logo_churn_rate: ratio(s.churned, s.events),
    revenue_churn_rate: ratio(cents(s.lost_arr), cents(s.resolved_arr)),
  }));
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
  parts.push(s.under_calls ? "Red under-calls churn: the red slice is smaller than the churn it should cover." : "The red slice is at least as large as the churn that followed.");
  return parts.join(" ");
}
