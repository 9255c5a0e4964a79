// Green profile: metric cohorts (Fighting Churn with Data). Renewals ordered by one measure and cut into
// up to ten equal groups; each dot is a group's retention at its average value, the bar its 95% interval.

const FORMATS = { share: ".0%", ratio: ".2f", count: ",.1~f", days: ",.0f", score: ".1~f" };

/**
 * rows: the cohorts of one metric in one slice (cohort, events, retained, retention, ci_low, ci_high,
 * value_min, value_max, value_mean). unit: share | ratio | count | days | score (how values are formatted).
 * baseline: the slice's overall retention, drawn as a dashed line (omitted when null).
 * @param {Array<Record<string, any>>} rows
 * @param {{ title?: string, unit?: string, baseline?: number | null }} [options]
 */
export function metricCohortsSpec(rows, { title, unit = "count", baseline = null } = {}) {
  const format = FORMATS[unit] ?? ",.2f";
  const values = rows.map((r) => ({
    cohort: r.cohort, events: r.events, retained: r.retained, retention: r.retention,
    ci_low: r.ci_low, ci_high: r.ci_high, value_min: r.value_min, value_max: r.value_max, value_mean: r.value_mean,
  }));
  const x = { field: "value_mean", type: "quantitative", title: "average in the cohort", axis: { format }, scale: { zero: false, nice: true } };
  const y = { type: "quantitative", title: "logo retention", axis: { format: ".0%" }, scale: { zero: false } };
  const tooltip = [
    { field: "cohort", type: "ordinal", title: "cohort" },
    { field: "value_min", type: "quantitative", title: "from", format },
    { field: "value_max", type: "quantitative", title: "to", format },
    { field: "events", type: "quantitative", title: "renewals", format: "," },
    { field: "retention", type: "quantitative", title: "retention", format: ".1%" },
    { field: "ci_low", type: "quantitative", title: "95% interval from", format: ".1%" },
    { field: "ci_high", type: "quantitative", title: "to", format: ".1%" },
  ];
  /** @type {{mark: Record<string, any>, encoding: Record<string, any>}[]} */
  const layer = [
    { mark: { type: "rule", color: "#9ca3af" }, encoding: { x, y: { field: "ci_low", ...y }, y2: { field: "ci_high" }, tooltip } },
    { mark: { type: "line", color: "#2e8b57", strokeWidth: 1.5 }, encoding: { x, y: { field: "retention", ...y } } },
    { mark: { type: "point", filled: true, size: 50, color: "#2e8b57" }, encoding: { x, y: { field: "retention", ...y }, tooltip } },
  ];
  if (baseline !== null && baseline !== undefined) {
    layer.unshift({ mark: { type: "rule", color: "#374151", strokeDash: [4, 3] }, encoding: { y: { datum: baseline, ...y } } });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 180,
    data: { values },
    layer,
  };
}
