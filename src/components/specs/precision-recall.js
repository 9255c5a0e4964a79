// Precision–recall curves: of the renewals a ranking flags, the share that churned (precision), against the
// share of churn it flags (recall), one line per ranking, at every distinct threshold. Churn is rare, so this
// shows what a CSM's list would hold better than ROC does: the dashed line is the churn rate, the precision
// of flagging every renewal (a ranking no better than chance stays on it).
import { LABEL, rankingColor } from "./roc-curve.js";

/** rows: roc rows of one slice (any subjects), riskiest threshold first; points without recall (no churn) are left out. */
export function precisionRecallSpec(rows, { title = "Precision–recall: churn among the renewals flagged" } = {}) {
  const subjects = [...new Set(rows.map((r) => r.subject))];
  const values = subjects.flatMap((s) => rows.filter((r) => r.subject === s && r.tpr !== null)
    .map((r, i) => ({ ranking: LABEL[s] ?? s, recall: r.tpr, precision: r.precision, flagged: r.flagged, churned: r.true_positives, order: i })));
  // flagging every renewal a ranking can rank: its last point; the ranking that ranks the most sets the line
  const last = subjects.map((s) => rows.filter((r) => r.subject === s).at(-1)).sort((a, b) => b.flagged - a.flagged)[0];
  const base = last && last.tpr !== null ? [{ rate: last.precision, flagged: last.flagged }] : [];
  const domain = subjects.map((s) => LABEL[s] ?? s);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 320,
    layer: [
      {
        data: { values: base },
        mark: { type: "rule", strokeDash: [4, 4], color: "#9ca3af", tooltip: true },
        encoding: {
          y: { field: "rate", type: "quantitative" },
          tooltip: [
            { field: "rate", type: "quantitative", title: "churn rate (flag every renewal)", format: ".1%" },
            { field: "flagged", type: "quantitative", title: "renewals", format: "," },
          ],
        },
      },
      {
        data: { values },
        mark: { type: "line", interpolate: "linear", point: { filled: true, size: 16 }, tooltip: true },
        encoding: {
          x: { field: "recall", type: "quantitative", title: "Churn flagged (recall)", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
          y: { field: "precision", type: "quantitative", title: "Flagged renewals that churned (precision)", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
          order: { field: "order", type: "quantitative" },
          color: rankingColor(domain),
          tooltip: [
            { field: "ranking", type: "nominal" },
            { field: "flagged", type: "quantitative", title: "renewals flagged", format: "," },
            { field: "churned", type: "quantitative", title: "of them churned", format: "," },
            { field: "precision", type: "quantitative", title: "precision", format: ".1%" },
            { field: "recall", type: "quantitative", title: "churn flagged", format: ".1%" },
          ],
        },
      },
    ],
  };
}
