// How often health colors change: accounts by color changes per 90 days.

/** A histogram of changes_per_90_days over accounts (nulls, i.e. never scored, left out). */
export function volatilitySpec(accounts, { title = "Accounts by color changes per 90 days" } = {}) {
  const values = accounts
    .filter((a) => a.changes_per_90_days !== null && a.changes_per_90_days !== undefined)
    .map((a) => ({ rate: a.changes_per_90_days }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 220,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "rate", type: "quantitative", bin: { step: 0.25 }, title: "color changes per 90 days" },
      y: { aggregate: "count", type: "quantitative", title: "accounts" },
      color: { value: "#6b7280" },
      tooltip: [
        { field: "rate", type: "quantitative", bin: { step: 0.25 }, title: "changes per 90 days" },
        { aggregate: "count", type: "quantitative", title: "accounts" },
      ],
    },
  };
}
