// Where the team's time goes: per CSM, their touches split by kind of work (or by type),
// as 100% stacked bars with the touch count in the tooltip.
import { COLOR } from "../palette.js";

const PALETTES = {
  work: { domain: ["relationship", "risk", "revenue", "routine"], range: ["#2e8b57", COLOR.red, "#2563eb", "#b8bcc4"] },
  type: {
    domain: ["business_review", "meeting", "onsite", "call", "email", "other"],
    range: ["#14532d", "#2e8b57", "#86c49f", "#2563eb", "#93b4f0", "#b8bcc4"],
  },
};

/**
 * rows: timeAllocation() output (csm, touches, and one count per key of `by`).
 * by: "work" (relationship / risk / revenue / routine, a convention) or "type".
 */
export function timeAllocationSpec(rows, { by = "work", title = "Touches per CSM" } = {}) {
  const palette = PALETTES[by];
  const values = rows.flatMap((r) => palette.domain.map((k, i) => ({
    csm: r.csm ?? "(no CSM)", key: k, order: i, touches: r[k] ?? 0, share: r.touches ? (r[k] ?? 0) / r.touches : 0, total: r.touches,
  }))).filter((v) => v.touches > 0);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: Math.max(60, 22 * rows.length),
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "csm", type: "nominal", sort: rows.map((r) => r.csm ?? "(no CSM)"), title: null },
      x: { field: "touches", type: "quantitative", stack: "normalize", title: "share of touches", axis: { format: ".0%" } },
      color: { field: "key", type: "nominal", title: by === "work" ? "kind of work (convention)" : "touch type", scale: palette, legend: { orient: "top" } },
      order: { field: "order", type: "quantitative" },
      tooltip: [
        { field: "csm", type: "nominal", title: "CSM" },
        { field: "key", type: "nominal", title: by === "work" ? "work" : "type" },
        { field: "touches", type: "quantitative", title: "touches", format: "," },
        { field: "share", type: "quantitative", title: "share", format: ".1%" },
        { field: "total", type: "quantitative", title: "all touches", format: "," },
      ],
    },
  };
}
