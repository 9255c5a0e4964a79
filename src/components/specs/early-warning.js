// The early-warning map: each renewal due in 9–12 months placed by its usage trend (x) and
// license utilization (y), sized by the ARR at stake. The dashed rules are the thresholds:
// left of the vertical one usage fell by the threshold or more, below the horizontal one
// utilization is low. Usage change is drawn clipped to [−100%, +100%] (the tooltip has the value).
import { COLOR } from "../palette.js";

/**
 * rows: early_warning rows (account_name, csm, usage_change, utilization, arr_at_stake, warned, …).
 * Rows missing either measure (no usage before, no licenses) cannot be placed and are left out.
 */
export function earlyWarningSpec(rows, { usageDrop, utilization, title = "Renewals due in 9–12 months: usage trend against utilization" }) {
  const values = rows
    .filter((r) => r.usage_change !== null && r.utilization !== null)
    .map((r) => ({
      account: r.account_name ?? r.account_id,
      csm: r.csm ?? "(no CSM)",
      renewal_date: r.renewal_date,
      arr: r.arr_at_stake,
      change: r.usage_change,
      x: Math.max(-1, Math.min(1, r.usage_change)),
      y: Math.min(1.2, r.utilization),
      utilization: r.utilization,
      status: r.warned ? "warned" : "not warned",
    }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 320,
    layer: [
      {
        data: { values },
        mark: { type: "point", filled: true, opacity: 0.7, tooltip: true },
        encoding: {
          x: { field: "x", type: "quantitative", title: "usage, last 90 days against the 90 before", scale: { domain: [-1, 1] }, axis: { format: "+.0%" } },
          y: { field: "y", type: "quantitative", title: "license utilization, last 30 days", scale: { domain: [0, 1.2] }, axis: { format: ".0%" } },
          size: { field: "arr", type: "quantitative", title: "ARR at stake", legend: { format: "$~s" } },
          color: { field: "status", type: "nominal", title: null, scale: { domain: ["warned", "not warned"], range: [COLOR.red, "#9ca3af"] }, legend: { orient: "top" } },
          tooltip: [
            { field: "account", type: "nominal", title: "account" },
            { field: "csm", type: "nominal", title: "CSM" },
            { field: "renewal_date", type: "nominal", title: "renewal" },
            { field: "arr", type: "quantitative", title: "ARR at stake", format: ",.0f" },
            { field: "change", type: "quantitative", title: "usage change", format: "+.1%" },
            { field: "utilization", type: "quantitative", title: "utilization", format: ".1%" },
          ],
        },
      },
      {
        data: { values: [{ x: -usageDrop }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#6b7280" },
        encoding: { x: { field: "x", type: "quantitative" } },
      },
      {
        data: { values: [{ y: utilization }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#6b7280" },
        encoding: { y: { field: "y", type: "quantitative" } },
      },
    ],
  };
}
