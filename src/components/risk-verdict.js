// The verdict on the red pie, as the Risk, home and CSM pages show it: the book view of the
// latest closed quarter leads; where the renewal view's verdict differs, both stand side by side.
import { el } from "./dom.js";
import { pct } from "./format.js";
import { bookSentence, capital, verdictClass } from "./risk.js";

/** Why the two views can disagree, in one sentence. */
export const WHY_VIEWS_DIFFER =
  "The two views differ because the renewal view reads each account nearer its renewal (on its lookback date), while the book view reads every account on one day, as leadership saw the pie.";

/** The headline: the book view's verdict sentence, coloured by the verdict (only "red covers churn" is green). */
export function verdictHeadline(row) {
  return el("p", { class: `lead ${verdictClass(row?.verdict ?? null)}` }, bookSentence(row));
}

/**
 * One view's verdict as a small card: its name, the verdict in its words, and the figures behind it.
 * s: {verdict, red_share, logo_churn_rate, missed_churn}.
 */
export function verdictCard(title, s, detail) {
  return el("div", { class: "card" },
    el("h3", {}, title),
    el("p", { class: verdictClass(s?.verdict ?? null) }, s?.verdict ? `${capital(s.verdict)}.` : "No verdict: nothing to judge."),
    el("p", {}, s ? `Red ${pct(s.red_share)} against ${pct(s.logo_churn_rate)} logo churn; missed churn ${pct(s.missed_churn)}. ${detail}` : detail));
}

/** Both views side by side with the reason, when their verdicts differ; null when they agree. */
export function verdictPair(book, renewal, { lookback, renewalLabel }) {
  if (!book || !renewal || book.verdict === renewal.verdict) return null;
  return el("div", {},
    el("div", { class: "grid grid-cols-2" },
      verdictCard(`Book view, ${book.quarter_start}`, book, "Accounts active that day, in their color that day, against the renewals due in the year that followed."),
      verdictCard(`Renewal view, ${renewalLabel}`, renewal, `Each resolved renewal in its color ${lookback} days before its renewal date.`)),
    el("p", {}, WHY_VIEWS_DIFFER));
}
