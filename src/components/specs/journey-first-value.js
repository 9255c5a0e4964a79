// Time to first value: its distribution, its quartiles per start quarter, and retention at the first renewal
// for a fast versus a slow first value.
import { COLOR } from "../palette.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const CLASS_COLORS = { Fast: "#3ca951", Slow: "#efb118", "Not reached": COLOR.loss, "Not fast (slow + not reached)": "#9c6b4e" };

/**
 * Stacked histogram of days to first value, fast and slow stacked, with a rule at the fast threshold.
 * @param {{bin_start: number, first_value_class: string, accounts: number}[]} bins
 * @param {{binDays: number, lastBinStart: number, threshold: number, title?: string}} options
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function firstValueHistogramSpec(bins, { binDays, lastBinStart, threshold, title = "Days from customer_since to first value" }) {
  // stacked by hand (fast below slow): Vega-Lite cannot stack bars whose x is a range
  const below = new Map();
  const values = [...bins].sort((a, b) => a.bin_start - b.bin_start || (a.first_value_class === "fast" ? -1 : 1)).map((b) => {
    const y0 = below.get(b.bin_start) ?? 0;
    below.set(b.bin_start, y0 + b.accounts);
    return {
      bin_start: b.bin_start,
      bin_end: b.bin_start + binDays,
      range: b.bin_start >= lastBinStart ? `${b.bin_start}+ days` : `${b.bin_start}–${b.bin_start + binDays - 1} days`,
      class: b.first_value_class === "fast" ? "Fast" : "Slow",
      accounts: b.accounts,
      y0,
      y1: y0 + b.accounts,
    };
  });
  return {
    $schema: SCHEMA,
    title,
    width: "container",
    height: 240,
    layer: [
      {
        data: { values },
        mark: { type: "bar", tooltip: true, stroke: "white", strokeWidth: 0.5 },
        encoding: {
          x: { field: "bin_start", type: "quantitative", title: `days to first value (bins of ${binDays}; the last holds ${lastBinStart}+)`, scale: { domain: [0, lastBinStart + binDays] } },
          x2: { field: "bin_end" },
          y: { field: "y0", type: "quantitative", title: "accounts" },
          y2: { field: "y1" },
          color: { field: "class", type: "nominal", title: null, scale: { domain: ["Fast", "Slow"], range: [CLASS_COLORS.Fast, CLASS_COLORS.Slow] }, legend: { orient: "top" } },
          tooltip: [
            { field: "range", type: "nominal", title: "days" },
            { field: "class", type: "nominal", title: "first value" },
            { field: "accounts", type: "quantitative", format: ",d" },
          ],
        },
      },
      {
        data: { values: [{ threshold }] },
        mark: { type: "rule", strokeDash: [4, 3], color: "#555" },
        encoding: { x: { field: "threshold", type: "quantitative" } },
      },
    ],
  };
}

/**
 * Median days to first value per start quarter (line), with the interquartile range (band), per series.
 * @param {{cohort: string, series: string, p25_days: number | null, median_days: number | null, p75_days: number | null, reached: number}[]} data
 * @param {{title?: string}} [options]
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function firstValueTrendSpec(data, { title = "Days to first value by start quarter: median (lines) and interquartile range of the first series (band)" } = {}) {
  const values = data.filter((r) => r.median_days !== null && Number.isFinite(r.median_days))
    .map((r) => ({ cohort: r.cohort, series: r.series, p25: r.p25_days, median: r.median_days, p75: r.p75_days, reached: r.reached }));
  const cohorts = [...new Set(values.map((d) => d.cohort))].sort();
  const series = [...new Set(values.map((d) => d.series))];
  const x = { field: "cohort", type: "ordinal", sort: cohorts, title: "start quarter", axis: { labelAngle: -45 } };
  const color = { field: "series", type: "nominal", title: null, sort: series, legend: { orient: "top" } };
  return {
    $schema: SCHEMA,
    title,
    width: "container",
    height: 240,
    data: { values },
    layer: [
      {
        mark: { type: "line", point: true, tooltip: true },
        encoding: {
          x, color,
          y: { field: "median", type: "quantitative", title: "days to first value" },
          tooltip: [
            { field: "cohort", type: "ordinal", title: "start quarter" },
            { field: "series", type: "nominal", title: "accounts" },
            { field: "median", type: "quantitative", title: "median days", format: ",.1f" },
            { field: "p25", type: "quantitative", title: "25th percentile", format: ",.1f" },
            { field: "p75", type: "quantitative", title: "75th percentile", format: ",.1f" },
            { field: "reached", type: "quantitative", title: "accounts that reached it", format: ",d" },
          ],
        },
      },
      // one band only: four overlapping ranges cannot be read. Drawn after the lines so the legend shows lines.
      {
        transform: [{ filter: { field: "series", equal: series[0] ?? "" } }],
        mark: { type: "area", opacity: 0.15 },
        encoding: { x, y: { field: "p25", type: "quantitative" }, y2: { field: "p75" }, color },
      },
    ],
  };
}

/**
 * Bars: logo retention and GRR at the first renewal per first value class.
 * @param {{first_value_class: string, resolved_events: number, logo_retention: number | null, grr: number | null}[]} data
 * @param {{title?: string}} [options]
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function firstRenewalSpec(data, { title = "Retention at the first renewal by time to first value" } = {}) {
  const names = { fast: "Fast", slow: "Slow", none: "Not reached", not_fast: "Not fast (slow + not reached)" };
  const values = data.filter((r) => names[r.first_value_class]).flatMap((r) => [
    { class: names[r.first_value_class], measure: "Logo retention", value: r.logo_retention, n: r.resolved_events },
    { class: names[r.first_value_class], measure: "GRR", value: r.grr, n: r.resolved_events },
  ]).filter((d) => d.value !== null && Number.isFinite(d.value));
  const classes = Object.values(names);
  return {
    $schema: SCHEMA,
    title,
    width: "container",
    height: 240,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "class", type: "nominal", sort: classes, title: null, axis: { labelAngle: 0 } },
      xOffset: { field: "measure", type: "nominal", sort: ["Logo retention", "GRR"] },
      y: { field: "value", type: "quantitative", title: "retention at the first renewal", scale: { domain: [0, 1] }, axis: { format: ".0%" } },
      color: { field: "measure", type: "nominal", title: null, scale: { domain: ["Logo retention", "GRR"], range: ["#4269d0", "#97bbf5"] }, legend: { orient: "top" } },
      tooltip: [
        { field: "class", type: "nominal", title: "first value" },
        { field: "measure", type: "nominal", title: "rate" },
        { field: "value", type: "quantitative", format: ".1%" },
        { field: "n", type: "quantitative", title: "first renewals resolved", format: ",d" },
      ],
    },
  };
}
