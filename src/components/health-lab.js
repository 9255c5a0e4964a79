// The Health lab page's wording and row picking, pure functions so they are tested without a browser.
import { pct } from "./format.js";

export const SUBJECT_LABEL = { score: "Health score", color: "Health color", scorecard: "Fitted scorecard" };

/** Rows of one slice: exact cohort ('all' or a year) and segment (null = the whole book). */
export function forSlice(data, cohort, segment) {
  return data.filter((r) => r.cohort === cohort && r.segment === segment);
}

/** An AUC with its interval: "0.79 (95% CI 0.77–0.82)"; "—" when it cannot be computed. */
export function aucText(r) {
  if (!r || r.auc === null || r.auc === undefined) return "—";
  return `${r.auc.toFixed(2)} (95% CI ${r.ci_low.toFixed(2)}–${r.ci_high.toFixed(2)})`;
}

/** One sentence per subject: what its AUC means, and its verdict in the words docs/metrics.md uses. */
export function aucSentence(r) {
  if (!r) return "";
  const who = SUBJECT_LABEL[r.subject] ?? r.subject;
  const left = r.no_score ? ` (${r.no_score.toLocaleString("en-US")} renewals had no ${r.subject === "color" ? "color" : "score"} at the lookback and are left out)` : "";
  if (r.auc === null) return `${who}: not enough events to judge${left}.`;
  const chance = Math.round(r.auc * 100);
  return `${who}: AUC ${aucText(r)}: a churned renewal ranked riskier than a retained one ${chance}% of the time; ${r.verdict}${left}.`;
}

/**
 * The head-to-head sentence: "At the same 12% red, the scorecard would have flagged 58% of churn against the color's 31%."
 */
export function headToHeadSentence(h) {
  if (!h) return "No scorecard could be fitted, so there is no head to head.";
  return `At the same ${pct(h.red_share, 0)} red, the scorecard would have flagged ${pct(h.flagged_by_scorecard, 0)} of churn against the color's ${pct(h.flagged_by_color, 0)} ` +
    `(${h.test_year}: ${h.churned.toLocaleString("en-US")} churned of ${h.events.toLocaleString("en-US")} renewals; ${h.red.toLocaleString("en-US")} were red at the lookback).`;
}

/** A coefficient as the change in churn odds: "×0.15 (0.10–0.22)". */
export function oddsText(r) {
  if (r.coefficient === null || r.coefficient === undefined) return "—";
  const f = (x) => Math.exp(x).toFixed(2);
  return `×${f(r.coefficient)} (${f(r.ci_low)}–${f(r.ci_high)})`;
}

/** Scorecard rows as the table shows them: fitted traits by points, then the ones left out. */
export function scorecardRows(data) {
  return data.map((r) => ({
    ...r,
    earns: r.direction === "protective" ? "with the trait" : r.direction === "risk" ? "without the trait" : "—",
    // an interval spanning no effect leaves the direction unsettled: say so rather than print a bare "risk"
    direction_text: r.coefficient === null ? "—" : r.ci_low < 0 && r.ci_high > 0 ? "unclear" : r.direction,
    odds: oddsText(r),
    unmeasured: r.points_unmeasured === null ? "as without" : r.points_unmeasured.toFixed(1),
  }));
}

/** Years the model learnt from, in words: "2023–2024". */
export function yearsText(years) {
  if (!years?.length) return "no year";
  return years.length === 1 ? years[0] : `${years[0]}–${years[years.length - 1]}`;
}
