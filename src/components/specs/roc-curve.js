// ROC curves: recall (churn flagged) against the share of retained renewals flagged, one line per ranking,
// with the diagonal a coin toss would draw. A curve far above the diagonal ranks churn well.
import { COLOR } from "../palette.js";

/** Each ranking's colour and label, shared with the precision–recall chart (LABEL, rankingColor) so both draw a ranking alike. */
const COLORS = { "Health score": "#2563eb", "Health color": COLOR.red, "Fitted scorecard": "#059669" };
export const LABEL = { score: "Health score", color: "Health color", scorecard: "Fitted scorecard" };

/** The lines' colour channel: one colour per ranking of `domain` (labels), in that order. */
export function rankingColor(domain) {
  return { field: "ranking", type: "nominal", title: null, scale: { domain, range: domain.map((d) => COLORS[d] ?? "#374151") }, legend: { orient: "top" } };
}

/** rows: roc rows of one slice (any subjects). Each curve starts at (0, 0). */
export function rocSpec(rows, { title = "ROC: churn flagged against retained renewals flagged" } = {}) {
  const subjects = [...new Set(rows.map((r) => r.subject))];
  const values = subjects.flatMap((s) => [
    { ranking: LABEL[s] ?? s, fpr: 0, tpr: 0, threshold: null, flagged: 0, order: -1 },
    ...rows.filter((r) => r.subject === s && r.tpr !== null && r.fpr !== null)
      .map((r, i) => ({ ranking: LABEL[s] ?? s, fpr: r.fpr, tpr: r.tpr, threshold: r.threshold, flagged: r.flagged, order: i })),
  ]);
  const domain = subjects.map((s) => LABEL[s] ?? s);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 320,
    layer: [
      {
        data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] },
        mark: { type: "line", strokeDash: [4, 4], color: "#9ca3af" },
        encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
      },
      {
        data: { values },
        mark: { type: "line", interpolate: "linear", point: false, tooltip: true },
        encoding: {
          x: { field: "fpr", type: "quantitative", title: "Retained renewals flagged (false-positive rate)", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
          y: { field: "tpr", type: "quantitative", title: "Churn flagged (recall)", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
          order: { field: "order", type: "quantitative" },
          color: rankingColor(domain),
          tooltip: [
            { field: "ranking", type: "nominal" },
            { field: "flagged", type: "quantitative", title: "renewals flagged", format: "," },
            { field: "tpr", type: "quantitative", title: "churn flagged", format: ".1%" },
            { field: "fpr", type: "quantitative", title: "retained flagged", format: ".1%" },
          ],
        },
      },
    ],
  };
}
