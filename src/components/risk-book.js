// The book view (docs/metrics.md § Risk, the headline): the pie on the first day d of each quarter, from the
// additive rows of the risk dataset's book table, against the churn of the year that followed. Its rates are the
// formula table's (metrics.js FAMILIES.book_view); the SQL mart book_verdicts states the same
// (test/metrics/sql-rates.test.ts).
import { pct } from "./format.js";
import { FAMILIES, summarizeFacts } from "./metrics.js";
import { byGap, groupBy, NO_SCORES, UNDER_CALLS, verdictOf } from "./risk.js";

/**
 * Book view per quarter start d: red share of active accounts (logos, ARR) against the churn of their
 * renewals due in [d, d + 365), flagged and missed churn, closed (d + 365 ≤ asOf) and, once closed, the verdict.
 * @param {any[]} data
 * @param {{asOf?: string | null, limit?: number}} [options]
 * @returns {Record<string, any>[]}
 */
export function bookSeries(data, { asOf = null, limit = 0.5 } = {}) {
  return [...groupBy(data, "quarter_start").entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, part]) => {
    const s = summarizeFacts(part, FAMILIES.book_view);
    /** @type {Record<string, any>} */
    const row = {
      quarter_start: day,
      ...s,
      closed: asOf === null ? null : plusDays(day, 365) <= asOf,
      gap: s.red_share === null || s.logo_churn_rate === null ? null : s.logo_churn_rate - s.red_share,
    };
    return { ...row, verdict: row.closed ? verdictOf(row, limit) : null };
  });
}

/** The latest closed quarter of a bookSeries() output, or null. */
export function latestClosed(series) {
  return series.filter((r) => r.closed).at(-1) ?? null;
}

/**
 * Per CSM: the book view on day d (a quarter start), largest gap first.
 * @param {any[]} data
 * @param {string} day
 * @param {{asOf?: string | null, limit?: number, minEvents?: number}} [options]
 * @returns {Record<string, any>[]}
 */
export function bookPerCsm(data, day, { asOf = null, limit = 0.5, minEvents = 0 } = {}) {
  return [...groupBy(data.filter((r) => r.quarter_start === day), "csm").entries()].map(([csm, part]) => {
    const s = bookSeries(part, { asOf, limit })[0];
    return { csm, ...s, under_calling: csm !== null && s.events >= minEvents && s.verdict === UNDER_CALLS };
  }).sort(byGap);
}

/** ISO date + n days (UTC). */
export function plusDays(iso, days) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The headline sentence of the book view on day d: the verdict, then
 * "Red on d: 5% of accounts; 12% churned within a year; 31% of those were red."
 */
export function bookSentence(r) {
  if (!r) return "No quarter has a full year of renewals after it yet: the pie cannot be judged.";
  if (r.verdict === NO_SCORES) return `No health scores on ${r.quarter_start}: the pie cannot be judged.`;
  const verdict = r.verdict === null ? "No renewal came up in the year that followed" : capital(r.verdict);
  return `${verdict}. Red on ${r.quarter_start}: ${pct(r.red_share, 0)} of accounts; ${pct(r.logo_churn_rate, 0)} churned within a year; ` +
    `${r.flagged_churn === null ? "none churned" : `${pct(r.flagged_churn, 0)} of those were red`}.`;
}

export const capital = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Why the two views can disagree, in one sentence. */
export const WHY_VIEWS_DIFFER =
  "The two views differ because the renewal view reads each account nearer its renewal (on its lookback date), while the book view reads every account on one day, as leadership saw the pie.";

/**
 * The two views' verdicts side by side, with the reason, when they differ; null when they agree or
 * either is missing. book: a bookSeries() row; renewal: a redVsChurn() summary.
 */
export function viewsCompared(book, renewal) {
  if (!book || !renewal || !book.verdict || !renewal.verdict || book.verdict === renewal.verdict) return null;
  return { book: book.verdict, renewal: renewal.verdict, why: WHY_VIEWS_DIFFER };
}
