// One CSM's red share against their logo churn, year by year (renewal year of resolved
// renewals, colors read at the lookback): red bars shorter than churn = under-calling.
import { COLOR } from "../palette.js";

const MEASURES = [["red_share", "Red share", COLOR.red], ["logo_churn_rate", "Logo churn", "#374151"]];

/** rows: one per renewal year, {year, events, red_share, logo_churn_rate} (redVsChurn per year); missing rates are left out. */
export function csmRedVsChurnSpec(rows, { title = "Red share at the lookback against logo churn, by renewal year" } = {}) {
  const values = rows.flatMap((r) => MEASURES.map(([k, label]) => ({ year: String(r.year), measure: label, value: r[k], events: r.events })))
    .filter((v) => v.value !== null && v.value !== undefined && Number.isFinite(v.value));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: Math.max(80, 44 * rows.length),
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "year", type: "nominal", title: null, sort: rows.map((r) => String(r.year)) },
      yOffset: { field: "measure", type: "nominal", sort: MEASURES.map((m) => m[1]) },
      x: { field: "value", type: "quantitative", title: null, axis: { format: ".0%" } },
      color: { field: "measure", type: "nominal", title: null, scale: { domain: MEASURES.map((m) => m[1]), range: MEASURES.map((m) => m[2]) }, legend: { orient: "top" } },
      tooltip: [
        { field: "year", type: "nominal", title: "renewal year" },
        { field: "measure", type: "nominal", title: "figure" },
        { field: "value", type: "quantitative", title: "value", format: ".1%" },
        { field: "events", type: "quantitative", title: "resolved renewals" },
      ],
    },
  };
}
