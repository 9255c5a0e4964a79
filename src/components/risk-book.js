// The book view (docs/metrics.md § Risk, the headline): the pie on the first day d of each quarter,
// from the additive rows of the risk dataset's book table, against the churn of the year that
// followed; the SQL mart book_verdicts computes the same (test/risk/verdicts.test.ts).
import { pct } from "./format.js";
import { byGap, cents, flaggedMissed, groupBy, NO_SCORES, ratio, UNDER_CALLS, verdictOf } from "./risk.js";

/**
 * Book view per quarter start d: red share of active accounts (logos, ARR) against the churn of their
 * renewals due in [d, d + 365), flagged and missed churn, closed (d + 365 ≤ asOf) and, once closed, the verdict.
 * @param {any[]} data
 * @param {{asOf?: string | null, limit?: number}} [options]
 */
export function bookSeries(data, { asOf = null, limit = 0.5 } = {}) {
  const byDay = new Map();
  for (const r of data) {
    const s = byDay.get(r.quarter_start) ?? { quarter_start: r.quarter_start, accounts: 0, red_accounts: 0, scored: 0, unscored_accounts: 0, arr: 0, red_arr: 0, events: 0, churned: 0, churned_red: 0, resolved_arr: 0, lost_arr: 0, unresolved: 0 };
    s.accounts += r.accounts; s.arr += r.arr; s.events += r.events; s.churned += r.churned;
    s.resolved_arr += r.resolved_arr; s.lost_arr += r.lost_arr; s.unresolved += r.unresolved;
    if (r.color === "red") { s.red_accounts += r.accounts; s.red_arr += r.arr; s.churned_red += r.churned; }
    if (r.color === "unscored") s.unscored_accounts += r.accounts;
    else s.scored += r.accounts;
    byDay.set(r.quarter_start, s);
  }
  return [...byDay.values()].sort((a, b) => a.quarter_start.localeCompare(b.quarter_start)).map((s) => {
    const red_share = s.scored ? ratio(s.red_accounts, s.accounts) : null;
    const logo_churn_rate = ratio(s.churned, s.events);
    const row = {
      ...s,
      closed: asOf === null ? null : plusDays(s.quarter_start, 365) <= asOf,
      red_share,
      red_share_arr: s.scored ? ratio(cents(s.red_arr), cents(s.arr)) : null,
      unscored_share: ratio(s.unscored_accounts, s.accounts),
      logo_churn_rate,
      revenue_churn_rate: ratio(cents(s.lost_arr), cents(s.resolved_arr)),
      ...flaggedMissed(s.scored, s.churned_red, s.churned),
      gap: red_share === null || logo_churn_rate === null ? null : logo_churn_rate - red_share,
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
