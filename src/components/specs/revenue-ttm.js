// The trailing-twelve-months series: GRR, NRR, revenue churn and logo churn on each month end.
import { COLOR } from "../palette.js";

const MEASURES = [
  { field: "grr", label: "GRR", color: "#4269d0" },
  { field: "nrr", label: "NRR", color: "#3ca951" },
  { field: "revenue_churn_rate", label: "Revenue churn", color: COLOR.loss },
  { field: "logo_churn_rate", label: "Logo churn", color: "#ff8ab7" },
];

/**
 * A line chart of the TTM rates; series: rows with month_end and the four rates (missing rates are gaps).
 * @param {Record<string, any>[]} series
 * @param {{title?: string}} [options]
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function ttmSpec(series, { title = "Trailing twelve months" } = {}) {
  const values = series.flatMap((r) => MEASURES
    .filter((m) => r[m.field] !== null && r[m.field] !== undefined && Number.isFinite(r[m.field]))
    .map((m) => ({ month_end: r.month_end, measure: m.label, value: r[m.field] })));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 260,
    data: { values },
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      // dates are calendar days: read and shown in UTC so no time zone moves a month end
      x: { field: "month_end", type: "temporal", timeUnit: "utcyearmonthdate", title: "month end", axis: { format: "%b %Y" } },
      y: { field: "value", type: "quantitative", title: "rate", axis: { format: ".0%" } },
      color: {
        field: "measure", type: "nominal", title: null,
        scale: { domain: MEASURES.map((m) => m.label), range: MEASURES.map((m) => m.color) },
        legend: { orient: "top" },
      },
      tooltip: [
        { field: "month_end", type: "temporal", timeUnit: "utcyearmonthdate", title: "month end", format: "%Y-%m-%d" },
        { field: "measure", type: "nominal", title: "rate" },
        { field: "value", type: "quantitative", title: "value", format: ".1%" },
      ],
    },
  };
}
