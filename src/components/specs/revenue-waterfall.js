// The renewal waterfall of one cohort: starting value → unresolved → resolved →
// full and partial loss → retained → upsell and cross-sell → ending value.
import { money } from "../format.js";
import { COLOR } from "../palette.js";

/** Legend label and color of each kind of bar. */
const GROUPS = { total: "Contract value", subtotal: "Subtotal", open: "Not resolved yet", loss: "Lost", gain: "Expansion" };
const COLORS = { total: "#4269d0", subtotal: "#97bbf5", open: "#bbbbbb", loss: COLOR.loss, gain: "#3ca951" };

/**
 * The waterfall's bars from a cohort summary (the sums of revenue cohort_facts).
 * @param {Record<string, number>} s
 * @param {string} [currency]
 */
export function waterfallSteps(s, currency = "USD") {
  /** @type {[step: string, kind: string, start: number, end: number][]} */
  const steps = [
    ["Starting value", "total", 0, s.starting],
    ["Unresolved", "open", s.starting, s.resolved],
    ["Resolved", "subtotal", 0, s.resolved],
    ["Full loss", "loss", s.resolved, s.resolved - s.full_loss],
    ["Partial loss", "loss", s.resolved - s.full_loss, s.retained],
    ["Retained", "subtotal", 0, s.retained],
    ["Upsell", "gain", s.retained, s.retained + s.upsell],
    ["Cross-sell", "gain", s.retained + s.upsell, s.ending],
    ["Ending value", "total", 0, s.ending],
  ];
  return steps.map(([step, kind, start, end], order) => {
    const value = Math.abs(end - start);
    const sign = value === 0 ? "" : kind === "loss" || kind === "open" ? "−" : kind === "gain" ? "+" : "";
    return { order, step, kind, group: GROUPS[kind], start, end, value, label: `${sign}${money(value, currency)}` };
  });
}


/**
 * A Vega-Lite waterfall for one cohort summary.
 * @param {Record<string, number>} summary
 * @param {{currency?: string, title?: string}} [options]
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function waterfallSpec(summary, { currency = "USD", title = "Renewal waterfall" } = {}) {
  return floatingBarsSpec(waterfallSteps(summary, currency), { title, yTitle: `Contract value (${currency})`, groups: GROUPS, colors: COLORS });
}

/**
 * Floating bars from where the previous one ended, labelled with their value: the shape of every waterfall here
 * (the renewal waterfall, the ARR bridge).
 * @param {{step: string, start: number, end: number, group: string, label: string}[]} values
 * @param {{title: string, yTitle: string, groups: Record<string, string>, colors: Record<string, string>}} options
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function floatingBarsSpec(values, { title, yTitle, groups, colors }) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 320,
    data: { values },
    encoding: {
      x: { field: "step", type: "nominal", sort: values.map((d) => d.step), title: null, axis: { labelAngle: 0 } },
    },
    layer: [
      {
        mark: { type: "bar", width: { band: 0.7 } },
        encoding: {
          y: { field: "start", type: "quantitative", title: yTitle, axis: { format: "~s" } },
          y2: { field: "end" },
          color: {
            field: "group", type: "nominal", title: null,
            scale: { domain: Object.values(groups), range: Object.keys(groups).map((k) => colors[k]) },
            legend: { orient: "bottom" },
          },
          tooltip: [{ field: "step", title: "step" }, { field: "label", title: "value" }],
        },
      },
      {
        mark: { type: "text", dy: -8, fontSize: 11 },
        encoding: {
          y: { field: "top", type: "quantitative" },
          text: { field: "label" },
        },
        transform: [{ calculate: "max(datum.start, datum.end)", as: "top" }],
      },
    ],
  };
}
