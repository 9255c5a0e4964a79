// Retention since customer_since: the start-quarter cohort heatmap and Kaplan–Meier curves per segment.

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Heatmap: one row per start quarter, one column per month since start, colored by a retention rate.
 * @param {{start_quarter: string, months: number, observed: number, [rate: string]: any}[]} cells
 * @param {{measure: string, measureLabel: string, title?: string}} options
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function cohortHeatmapSpec(cells, { measure, measureLabel, title = `${measureLabel} by months since start` }) {
  const values = cells.filter((c) => c[measure] !== null && c[measure] !== undefined && Number.isFinite(c[measure]))
    .map((c) => ({ start_quarter: c.start_quarter, months: c.months, value: c[measure], observed: c.observed }));
  const quarters = [...new Set(values.map((d) => d.start_quarter))].sort();
  const maxValue = Math.max(1, ...values.map((d) => d.value));
  const minValue = Math.min(0.5, ...values.map((d) => d.value));
  return {
    $schema: SCHEMA,
    title,
    width: "container",
    // 18 px per start quarter (a numeric height: a step height does not go with a container width)
    height: 18 * Math.max(quarters.length, 1),
    data: { values },
    mark: { type: "rect", tooltip: true },
    encoding: {
      x: { field: "months", type: "ordinal", title: "months since customer_since", axis: { labelAngle: 0, labelOverlap: true } },
      y: { field: "start_quarter", type: "ordinal", sort: quarters, title: "start quarter" },
      color: {
        field: "value", type: "quantitative", title: measureLabel,
        scale: { scheme: "redyellowgreen", domain: [minValue, maxValue] },
        legend: { format: ".0%", orient: "top", gradientLength: 220 },
      },
      tooltip: [
        { field: "start_quarter", type: "ordinal", title: "start quarter" },
        { field: "months", type: "ordinal", title: "months since start" },
        { field: "value", type: "quantitative", title: measureLabel, format: ".1%" },
        { field: "observed", type: "quantitative", title: "accounts", format: ",d" },
      ],
    },
  };
}

/**
 * Kaplan–Meier step curves, one per series, starting at 100% on day 0; with `band`, the 95% interval as an area.
 * @param {{series: string, days: number, survival: number, at_risk: number, events: number, censored: number, lower: number | null, upper: number | null}[]} data
 * @param {{band?: boolean, title?: string}} [options]
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function survivalSpec(data, { band = false, title = "Kaplan–Meier logo retention since customer_since" } = {}) {
  const series = [...new Set(data.map((d) => d.series))];
  const values = series.flatMap((s) => {
    const rows = data.filter((d) => d.series === s).sort((a, b) => a.days - b.days);
    const first = rows[0]?.days === 0 ? [] : [{ series: s, months: 0, survival: 1, at_risk: rows[0]?.at_risk ?? 0, events: 0, censored: 0, lower: null, upper: null }];
    return [...first, ...rows.map((r) => ({
      series: s, months: r.days / DAYS_PER_MONTH, survival: r.survival, at_risk: r.at_risk, events: r.events, censored: r.censored, lower: r.lower, upper: r.upper,
    }))];
  });
  const x = { field: "months", type: "quantitative", title: "months since customer_since", axis: { tickMinStep: 6 } };
  const color = { field: "series", type: "nominal", title: null, sort: series, legend: { orient: "top" } };
  const layer = [];
  layer.push({
    mark: { type: "line", interpolate: "step-after", tooltip: true },
    encoding: {
      x, color,
      y: { field: "survival", type: "quantitative", title: "accounts still customers (Kaplan–Meier)", scale: { domain: [0, 1] }, axis: { format: ".0%" } },
      tooltip: [
        { field: "series", type: "nominal", title: "accounts" },
        { field: "months", type: "quantitative", title: "months", format: ".1f" },
        { field: "survival", type: "quantitative", title: "retention", format: ".1%" },
        { field: "at_risk", type: "quantitative", title: "followed", format: ",d" },
        { field: "events", type: "quantitative", title: "lost that day", format: ",d" },
        { field: "censored", type: "quantitative", title: "censored that day", format: ",d" },
      ],
    },
  });
  if (band) {
    layer.unshift({
      transform: [{ filter: "datum.lower !== null && datum.upper !== null" }],
      // a neutral band, not a series color: it would otherwise fade the legend
      mark: { type: "area", interpolate: "step-after", opacity: 0.25, color: "#9aa5b1" },
      encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" }, detail: { field: "series", type: "nominal" } },
    });
  }
  return { $schema: SCHEMA, title, width: "container", height: 300, data: { values }, layer };
}
