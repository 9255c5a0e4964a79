// The verdict on the red pie, as the Risk, home and CSM pages show it: the book view of the
// latest closed quarter leads; where the renewal view's verdict differs, both stand side by side.
import { el } from "./dom.js";
import { pct } from "./format.js";
import { bookSentence, capital, viewsCompared } from "./risk-book.js";
import { verdictClass } from "./risk.js";

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
  const compared = viewsCompared(book, renewal);
  if (!compared) return null;
  return el("div", {},
    el("div", { class: "grid grid-cols-2" },
      verdictCard(`Book view, ${book.quarter_start}`, book, "Accounts active that day, in their color that day, against the renewals due in the year that followed."),
      verdictCard(`Renewal view, ${renewalLabel}`, renewal, `Each resolved renewal in its color ${lookback} days before its renewal date.`)),
    el("p", {}, compared.why));
}
