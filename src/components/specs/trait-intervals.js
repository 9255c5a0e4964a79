// Green profile: each trait's difference in retention (with − without) as a dot with its 95% interval,
// ranked from the highest lower end down. A trait whose interval crosses the zero line is "no evidence".
import { COLOR } from "../palette.js";

/** Verdict colors, shared with the page's table and legend. */
export const VERDICT_COLORS = {
  driver: "#2e8b57",
  "no evidence": "#9ca3af",
  "warning sign": COLOR.red,
  "too few events": "#d1d5db",
};

/**
 * rows: comparisons of one slice (trait, label, rank, verdict, difference, ci_low, ci_high, with_events,
 * without_events, retention_with, retention_without). Rows without an interval (not measured) are left out.
 * Differences are shown in percentage points; each trait is named with its renewals with vs without.
 */
export function traitIntervalsSpec(rows, { title = "Difference in retention, with the trait − without (95% interval)" } = {}) {
  const shown = rows
    .filter((r) => r.difference !== null && r.ci_low !== null && r.ci_high !== null)
    .map((r) => ({
      // the counts behind each interval travel with its name, so the chart never shows a figure without them
      label: `${r.label} · ${r.with_events.toLocaleString("en-US")} vs ${r.without_events.toLocaleString("en-US")}`,
      rank: r.rank,
      verdict: r.verdict,
      difference: r.difference * 100,
      ci_low: r.ci_low * 100,
      ci_high: r.ci_high * 100,
      with_events: r.with_events,
      without_events: r.without_events,
      retention_with: r.retention_with,
      retention_without: r.retention_without,
    }))
    .sort((a, b) => a.rank - b.rank);
  const order = shown.map((r) => r.label);
  const tooltip = [
    { field: "label", type: "nominal", title: "trait" },
    { field: "verdict", type: "nominal", title: "verdict" },
    { field: "difference", type: "quantitative", title: "difference (points)", format: "+.1f" },
    { field: "ci_low", type: "quantitative", title: "95% interval from", format: "+.1f" },
    { field: "ci_high", type: "quantitative", title: "to", format: "+.1f" },
    { field: "retention_with", type: "quantitative", title: "retention with", format: ".1%" },
    { field: "with_events", type: "quantitative", title: "renewals with", format: "," },
    { field: "retention_without", type: "quantitative", title: "retention without", format: ".1%" },
    { field: "without_events", type: "quantitative", title: "renewals without", format: "," },
  ];
  const color = {
    field: "verdict", type: "nominal", title: null,
    scale: { domain: Object.keys(VERDICT_COLORS), range: Object.values(VERDICT_COLORS) },
    legend: { orient: "top" },
  };
  const x = { type: "quantitative", title: "difference in logo retention, percentage points (with − without)" };
  const y = { field: "label", type: "nominal", sort: order, title: null, axis: { labelLimit: 260 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: "renewals with vs without beside each trait; bars are 95% intervals" },
    width: "container",
    height: Math.max(60, 26 * shown.length),
    data: { values: shown },
    layer: [
      { mark: { type: "rule", color: "#374151", strokeDash: [4, 3] }, encoding: { x: { datum: 0, ...x } } },
      { mark: { type: "rule", strokeWidth: 2.5 }, encoding: { y, x: { field: "ci_low", ...x }, x2: { field: "ci_high" }, color, tooltip } },
      { mark: { type: "point", filled: true, size: 90 }, encoding: { y, x: { field: "difference", ...x }, color, tooltip } },
    ],
  };
}
