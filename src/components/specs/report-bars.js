// A bar chart for an analyst's report: one bar per category, optionally side by side per group.

/**
 * @param {Record<string, any>[]} data report rows
 * @param {{x: string, y: string, group?: string, title?: string, format?: string, xTitle?: string, yTitle?: string, groupTitle?: string}} options
 *   x: the category field; y: the measure; group: a field drawn as side-by-side bars; format: a d3 format (".0%");
 *   the titles default to the field names with spaces for underscores
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function reportBarsSpec(data, { x, y, group, title, format, xTitle, yTitle, groupTitle }) {
  const words = (f) => f.replace(/_/g, " ");
  xTitle ??= words(x);
  yTitle ??= words(y);
  groupTitle ??= group ? words(group) : undefined;
  const values = data.filter((d) => d[y] !== null && d[y] !== undefined).map((d) => ({ ...d, [x]: d[x] ?? "(none)" }));
  const groupType = group && values.every((d) => typeof d[group] === "number") ? "ordinal" : "nominal";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    ...(title ? { title } : {}),
    width: "container",
    height: 260,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: x, type: "nominal", sort: { field: y, op: "sum", order: "descending" }, title: xTitle, axis: { labelAngle: -30, labelOverlap: true } },
      y: { field: y, type: "quantitative", title: yTitle, ...(format ? { axis: { format } } : {}) },
      ...(group ? {
        xOffset: { field: group, type: groupType },
        color: { field: group, type: groupType, title: groupTitle, legend: { orient: "top" } },
      } : {}),
      tooltip: [
        { field: x, type: "nominal", title: xTitle },
        ...(group ? [{ field: group, type: groupType, title: groupTitle }] : []),
        { field: y, type: "quantitative", title: yTitle, ...(format ? { format } : {}) },
      ],
    },
  };
}
