// Calibration of the health score: churn rate (with its 95% Wilson interval) per score decile, plotted at the
// decile's mean score. A useful score shows churn falling as the score rises.

/** rows: calibration rows of one slice. */
export function scoreCalibrationSpec(rows, { title = "Churn rate by health-score decile" } = {}) {
  const values = rows.map((r) => ({
    decile: r.decile, score: r.score_mean, low: r.ci_low, high: r.ci_high, rate: r.churn_rate,
    events: r.events, churned: r.churned, range: `${r.score_min}–${r.score_max}`,
  }));
  const x = { field: "score", type: "quantitative", title: "Mean health score of the decile", scale: { domain: [0, 100] } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 260,
    data: { values },
    layer: [
      {
        mark: { type: "rule", color: "#9ca3af" },
        encoding: { x, y: { field: "low", type: "quantitative", title: "Churn rate (95% CI)", axis: { format: ".0%" } }, y2: { field: "high" } },
      },
      {
        mark: { type: "point", filled: true, size: 60, color: "#2563eb", tooltip: true },
        encoding: {
          x,
          y: { field: "rate", type: "quantitative" },
          tooltip: [
            { field: "decile", type: "ordinal" },
            { field: "range", type: "nominal", title: "scores" },
            { field: "events", type: "quantitative", title: "renewals", format: "," },
            { field: "churned", type: "quantitative", format: "," },
            { field: "rate", type: "quantitative", title: "churn rate", format: ".1%" },
            { field: "low", type: "quantitative", title: "95% CI low", format: ".1%" },
            { field: "high", type: "quantitative", title: "95% CI high", format: ".1%" },
          ],
        },
      },
    ],
  };
}
