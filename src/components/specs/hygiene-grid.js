// The hygiene grid: one row per CSM, one column per check, each cell the share of the CSM's
// active accounts failing that check (darker = worse), with the share written in the cell.

/**
 * grid: hygieneGrid() rows (csm, accounts, <check>_share, <check>_accounts, <check>_arr).
 * checkList: checks() from ../relationship.js, in column order.
 * A CSM without a name is shown as "(no CSM)"; a missing share (no accounts) is left out.
 */
export function hygieneGridSpec(grid, checkList, { title = "Share of active accounts failing each check" } = {}) {
  const values = grid.flatMap((g) => checkList.map((c) => ({
    csm: g.csm ?? "(no CSM)",
    check: c.short ?? c.label,
    check_label: c.label,
    share: g[`${c.key}_share`],
    failing: g[`${c.key}_accounts`],
    accounts: g.accounts,
    arr: g[`${c.key}_arr`],
  }))).filter((v) => v.share !== null && v.share !== undefined);
  const x = { field: "check", type: "nominal", sort: checkList.map((c) => c.short ?? c.label), title: null, axis: { labelAngle: 0, labelLimit: 150, orient: "top" } };
  const y = { field: "csm", type: "nominal", sort: grid.map((g) => g.csm ?? "(no CSM)"), title: null };
  const tooltip = [
    { field: "csm", type: "nominal", title: "CSM" },
    { field: "check_label", type: "nominal", title: "check" },
    { field: "share", type: "quantitative", title: "share failing", format: ".1%" },
    { field: "failing", type: "quantitative", title: "accounts failing" },
    { field: "accounts", type: "quantitative", title: "active accounts" },
    { field: "arr", type: "quantitative", title: "ARR of accounts failing", format: ",.0f" },
  ];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: Math.max(60, 26 * new Set(values.map((v) => v.csm)).size),
    data: { values },
    encoding: { x, y },
    layer: [
      {
        mark: { type: "rect", tooltip: true },
        encoding: {
          color: { field: "share", type: "quantitative", title: "failing", scale: { domain: [0, 1], scheme: "reds" }, legend: { format: ".0%" } },
          tooltip,
        },
      },
      {
        mark: { type: "text", fontSize: 11 },
        encoding: {
          text: { field: "share", type: "quantitative", format: ".0%" },
          color: { condition: { test: "datum.share > 0.5", value: "white" }, value: "black" },
        },
      },
    ],
    config: { axis: { labelFontSize: 11 } },
  };
}
