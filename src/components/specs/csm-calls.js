// Per CSM: red share beside logo churn, as a dumbbell. A CSM whose red dot sits left
// of their churn dot (with enough renewals) under-calls churn and is flagged.
import { COLOR } from "../palette.js";

/**
 * rows: perCsm() output (csm, events, red_share, logo_churn_rate, under_calling).
 * minEvents: fewer resolved renewals than this are shown as "too few renewals".
 * A CSM without a name is shown as "(no CSM)"; rows with missing rates are left out. CSMs are drawn in
 * the rows' order (perCsm and bookPerCsm list the largest gap, churn − red share, first).
 */
export function csmCallsSpec(rows, { minEvents = 0, title = "Red share against churn, per CSM", axisTitle = "share of resolved renewals" } = {}) {
  const named = rows
    .filter((r) => r.red_share !== null && r.logo_churn_rate !== null)
    .map((r) => ({
      csm: r.csm ?? "(no CSM)",
      events: r.events,
      red_share: r.red_share,
      logo_churn_rate: r.logo_churn_rate,
      flag: r.under_calling ? "under-calling" : r.events < minEvents ? "too few renewals" : "ok",
    }));
  const order = named.map((r) => r.csm);
  const y = { field: "csm", type: "nominal", sort: order, title: null };
  const tooltip = [
    { field: "csm", type: "nominal", title: "CSM" },
    { field: "events", type: "quantitative", title: "resolved renewals" },
    { field: "red_share", type: "quantitative", title: "red share", format: ".1%" },
    { field: "logo_churn_rate", type: "quantitative", title: "logo churn", format: ".1%" },
    { field: "flag", type: "nominal", title: "verdict" },
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: Math.max(60, 22 * named.length),
    data: { values: named },
    encoding: { y },
    layer: [
      {
        mark: { type: "rule", strokeWidth: 3 },
        encoding: {
          x: { field: "red_share", type: "quantitative", title: axisTitle, axis: { format: ".0%", tickCount: 8 } },
          x2: { field: "logo_churn_rate" },
          color: {
            field: "flag", type: "nominal", title: null,
            scale: { domain: ["under-calling", "ok", "too few renewals"], range: [COLOR.red, "#9ca3af", "#d1d5db"] },
            legend: { orient: "top" },
          },
          tooltip,
        },
      },
      {
        mark: { type: "point", filled: true, size: 80, color: COLOR.red, tooltip: true },
        encoding: { x: { field: "red_share", type: "quantitative" }, tooltip },
      },
      {
        mark: { type: "point", filled: false, size: 80, strokeWidth: 2, color: "#374151", tooltip: true },
        encoding: { x: { field: "logo_churn_rate", type: "quantitative" }, tooltip },
      },
    ],
  };
}
