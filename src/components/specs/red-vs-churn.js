// The red slice next to the churn it should cover: red share of logos beside logo
// churn, red share of ARR beside revenue churn. Red shorter than churn = under-calling.
import { COLOR } from "../palette.js";

const MEASURES = [
  { key: "red", label: "Red share", color: COLOR.red },
  { key: "churn", label: "Churn", color: "#374151" },
];

/** Grouped horizontal bars from a renewal-view summary (redVsChurn in ../risk.js); missing rates are left out. */
export function redVsChurnSpec(s, { title = "Red share against churn" } = {}) {
  const pairs = [
    ["Logos", s.red_share, s.logo_churn_rate],
    ["ARR", s.red_share_arr, s.revenue_churn_rate],
  ];
  const values = pairs.flatMap(([basis, red, churn]) => [
    { basis, measure: MEASURES[0].label, value: red },
    { basis, measure: MEASURES[1].label, value: churn },
  ]).filter((d) => d.value !== null && d.value !== undefined && Number.isFinite(d.value));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 160,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "basis", type: "nominal", sort: ["Logos", "ARR"], title: null },
      yOffset: { field: "measure", type: "nominal", sort: MEASURES.map((m) => m.label) },
      x: { field: "value", type: "quantitative", title: null, axis: { format: ".0%" } },
      color: {
        field: "measure", type: "nominal", title: null,
        scale: { domain: MEASURES.map((m) => m.label), range: MEASURES.map((m) => m.color) },
        legend: { orient: "top" },
      },
      tooltip: [
        { field: "basis", type: "nominal", title: "by" },
        { field: "measure", type: "nominal", title: "figure" },
        { field: "value", type: "quantitative", title: "value", format: ".1%" },
      ],
    },
  };
}
