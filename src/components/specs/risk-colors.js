// The health pie: each color's slice of the accounts (or of their ARR). Unscored
// is a slice of its own so that the pie never hides accounts nobody scored.
import { HEALTH_RANGE } from "../palette.js";

/** Health colors and how every risk chart paints them (the page's CSS colors). */
export const COLOR_SCALE = {
  domain: ["red", "yellow", "green", "unscored"],
  range: HEALTH_RANGE,
};

/**
 * A donut of the colors. slices: rows with `color` and the measure `field`
 * (e.g. calibration rows with events or arr); colors with nothing are left out.
 * @param {any[]} slices
 * @param {{field?: string, title?: string, label?: string}} [options]
 */
export function colorPieSpec(slices, { field = "events", title, label = "renewals" } = {}) {
  const total = slices.reduce((n, s) => n + (s[field] ?? 0), 0);
  const values = slices
    .filter((s) => (s[field] ?? 0) > 0)
    .map((s) => ({ color: s.color, value: s[field], share: s[field] / total }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 220,
    height: 220,
    data: { values },
    mark: { type: "arc", innerRadius: 55, stroke: "#fff", tooltip: true },
    encoding: {
      theta: { field: "value", type: "quantitative", stack: true },
      color: { field: "color", type: "nominal", title: null, scale: COLOR_SCALE, sort: COLOR_SCALE.domain, legend: { orient: "bottom", columns: 2 } },
      order: { field: "order", type: "quantitative" },
      tooltip: [
        { field: "color", type: "nominal", title: "color" },
        { field: "value", type: "quantitative", title: label, format: ",.0f" },
        { field: "share", type: "quantitative", title: "share", format: ".1%" },
      ],
    },
    transform: [{ calculate: `indexof(${JSON.stringify(COLOR_SCALE.domain)}, datum.color)`, as: "order" }],
  };
}
