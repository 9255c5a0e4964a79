// The book as the dashboard showed it on the first day of each quarter: the red
// slice of active accounts against the churn of their renewals in the next 365 days.

const MEASURES = [
  { field: "red_share", label: "Red share of accounts", color: "#c0392b", dash: [] },
  { field: "red_share_arr", label: "Red share of ARR", color: "#e08a80", dash: [4, 3] },
  { field: "logo_churn_rate", label: "Logo churn, next 365 days", color: "#374151", dash: [] },
  { field: "revenue_churn_rate", label: "Revenue churn, next 365 days", color: "#9ca3af", dash: [4, 3] },
];

/** A line chart per quarter start; series: bookSeries() output. Missing rates are gaps. */
export function bookPieSpec(series, { title = "The pie on the first day of each quarter, against the year that followed" } = {}) {
  const values = series.flatMap((r) => MEASURES
    .filter((m) => r[m.field] !== null && r[m.field] !== undefined && Number.isFinite(r[m.field]))
    .map((m) => ({ quarter_start: r.quarter_start, measure: m.label, value: r[m.field], complete: r.complete !== false })));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 260,
    data: { values },
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      x: { field: "quarter_start", type: "temporal", title: "first day of the quarter", axis: { format: "%Y-%m" } },
      y: { field: "value", type: "quantitative", title: null, axis: { format: ".0%" } },
      color: {
        field: "measure", type: "nominal", title: null,
        scale: { domain: MEASURES.map((m) => m.label), range: MEASURES.map((m) => m.color) },
        legend: { orient: "top", columns: 2 },
      },
      strokeDash: {
        field: "measure", type: "nominal",
        title: null,
        scale: { domain: MEASURES.map((m) => m.label), range: MEASURES.map((m) => m.dash) },
      },
      tooltip: [
        { field: "quarter_start", type: "temporal", title: "day", format: "%Y-%m-%d" },
        { field: "measure", type: "nominal", title: "figure" },
        { field: "value", type: "quantitative", title: "value", format: ".1%" },
        { field: "complete", type: "nominal", title: "year over" },
      ],
    },
  };
}
