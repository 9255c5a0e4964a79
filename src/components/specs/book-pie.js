// The book view over time: on the first day of each quarter, the red slice of the
// active accounts against the churn of their renewals in the next 365 days. Closed
// quarters (the year that followed is over) are solid; open ones sit on a grey band,
// their points hollow: their churn is still coming in.
import { COLOR } from "../palette.js";

const ALL = [
  { field: "red_share", label: "Red share of accounts", color: COLOR.red, dash: [] },
  { field: "logo_churn_rate", label: "Logo churn, next 365 days", color: "#374151", dash: [] },
  { field: "red_share_arr", label: "Red share of ARR", color: COLOR.redSoft, dash: [4, 3] },
  { field: "revenue_churn_rate", label: "Revenue churn, next 365 days", color: "#9ca3af", dash: [4, 3] },
];

/**
 * series: bookSeries() output (quarter_start, closed, red_share, logo_churn_rate, …). Missing rates are gaps.
 * compact: only red share of accounts against logo churn, short (the home page).
 */
export function bookPieSpec(series, { title = "The pie on the first day of each quarter, against the year that followed", compact = false } = {}) {
  const measures = compact ? ALL.slice(0, 2) : ALL;
  const values = series.flatMap((r) => measures
    .filter((m) => r[m.field] !== null && r[m.field] !== undefined && Number.isFinite(r[m.field]))
    .map((m) => ({ quarter_start: r.quarter_start, measure: m.label, value: r[m.field], closed: r.closed !== false ? "closed" : "open" })));
  const open = series.filter((r) => r.closed === false).map((r) => r.quarter_start);
  const scale = { domain: measures.map((m) => m.label) };
  const color = { field: "measure", type: "nominal", title: null, scale: { ...scale, range: measures.map((m) => m.color) }, legend: { orient: "top", columns: 2 } };
  const layers = [
    {
      mark: { type: "line", tooltip: true },
      encoding: {
        color,
        strokeDash: { field: "measure", type: "nominal", title: null, scale: { ...scale, range: measures.map((m) => m.dash) } },
      },
    },
    // every quarter gets a hollow point; closed ones are filled over it
    { mark: { type: "point", filled: false, size: compact ? 30 : 45, strokeWidth: 1.5, tooltip: true }, encoding: { color } },
    { transform: [{ filter: "datum.closed === 'closed'" }], mark: { type: "point", filled: true, size: compact ? 30 : 45, tooltip: true }, encoding: { color } },
  ];
  const x = { field: "quarter_start", type: "temporal", title: compact ? null : "first day of the quarter", axis: compact ? { format: "%Y", tickCount: "year" } : { format: "%Y-%m" } };
  const band = open.length ? [{
    data: { values: [{ from: open[0], to: open.at(-1), label: "open: year not over" }] },
    layer: [
      { mark: { type: "rect", color: "#e5e7eb", opacity: 0.6 }, encoding: { x: { field: "from", type: "temporal" }, x2: { field: "to" } } },
      { mark: { type: "text", align: "left", baseline: "top", dx: 2, dy: 2, fontSize: 10, color: "#6b7280" }, encoding: { x: { field: "from", type: "temporal" }, y: { value: 0 }, text: { field: "label" } } },
    ],
  }] : [];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: compact ? 150 : 260,
    layer: [
      ...band,
      {
        data: { values },
        encoding: {
          x,
          y: { field: "value", type: "quantitative", title: null, axis: { format: ".0%" } },
          tooltip: [
            { field: "quarter_start", type: "temporal", title: "day", format: "%Y-%m-%d" },
            { field: "measure", type: "nominal", title: "figure" },
            { field: "value", type: "quantitative", title: "value", format: ".1%" },
            { field: "closed", type: "nominal", title: "year that followed" },
          ],
        },
        layer: layers,
      },
    ],
  };
}
