// Two rates side by side per period (GRR next to NRR, logo churn next to revenue
// churn), so that neither is ever read without the other.

/**
 * A grouped bar chart of two (or more) rates per period.
 * series: rows with the period field and the rate fields; a period whose rates are all missing is left out.
 * measures: [{field, label, color}]; reference: a rate drawn as a rule (1 for 100%).
 * @param {Record<string, any>[]} series
 * @param {{x?: string, measures: {field: string, label: string, color: string}[], title?: string, reference?: number | null, yTitle?: string}} options
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function pairedRatesSpec(series, { x = "period", measures, title, reference = null, yTitle = "rate" }) {
  const values = series.flatMap((r) => measures
    .filter((m) => r[m.field] !== null && r[m.field] !== undefined && Number.isFinite(r[m.field]))
    .map((m) => ({ period: r[x], measure: m.label, value: r[m.field] })));
  const periods = [...new Set(values.map((d) => d.period))];
  const bars = {
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "period", type: "ordinal", sort: periods, title: null, axis: { labelAngle: 0, labelOverlap: true } },
      xOffset: { field: "measure", type: "nominal", sort: measures.map((m) => m.label) },
      y: { field: "value", type: "quantitative", title: yTitle, axis: { format: ".0%" } },
      color: {
        field: "measure", type: "nominal", title: null,
        scale: { domain: measures.map((m) => m.label), range: measures.map((m) => m.color) },
        legend: { orient: "top" },
      },
      tooltip: [
        { field: "period", type: "ordinal", title: "period" },
        { field: "measure", type: "nominal", title: "rate" },
        { field: "value", type: "quantitative", title: "value", format: ".1%" },
      ],
    },
  };
  /** @type {Record<string, any>[]} */
  const layer = [bars];
  if (reference !== null) {
    layer.push({ data: { values: [{ ref: reference }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#555" }, encoding: { y: { field: "ref", type: "quantitative" } } });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 260,
    data: { values },
    layer,
  };
}
