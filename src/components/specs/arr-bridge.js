// The ARR bridge of one window as a waterfall: starting ARR → churned → contraction → expansion → cross-sell →
// new → reactivation → ending ARR (docs/metrics.md § Revenue on an account basis).
import { money } from "../format.js";
import { floatingBarsSpec } from "./revenue-waterfall.js";
import { COLOR } from "../palette.js";

const GROUPS = { total: "ARR", loss: "Lost", gain: "Gained" };
const COLORS = { total: "#4269d0", loss: COLOR.loss, gain: "#3ca951" };

/**
 * The bars, each floating from where the previous one ended.
 * @param {Record<string, number>} s bridge sums (arr_bridge or a bridgeSeries row)
 * @param {string} [currency]
 */
export function bridgeSteps(s, currency = "USD") {
  const a = s.starting_arr;
  const b = a - s.churned_arr;
  const c = b - s.contraction;
  const d = c + s.expansion;
  const e = d + s.cross_sell;
  const f = e + s.new_arr;
  /** @type {[step: string, kind: string, start: number, end: number][]} */
  const steps = [
    ["Starting ARR", "total", 0, a],
    ["Churned", "loss", a, b],
    ["Contraction", "loss", b, c],
    ["Expansion", "gain", c, d],
    ["Cross-sell", "gain", d, e],
    ["New", "gain", e, f],
    ["Reactivation", "gain", f, s.ending_arr],
    ["Ending ARR", "total", 0, s.ending_arr],
  ];
  return steps.map(([step, kind, start, end], order) => {
    const value = Math.abs(end - start);
    const sign = value === 0 || kind === "total" ? "" : kind === "loss" ? "−" : "+";
    return { order, step, kind, group: GROUPS[kind], start, end, value, label: `${sign}${money(value, currency)}` };
  });
}

/**
 * A Vega-Lite waterfall of one bridge.
 * @param {Record<string, number>} s
 * @param {{currency?: string, title?: string}} [options]
 * @returns {Record<string, any>}
 */
export function arrBridgeSpec(s, { currency = "USD", title = "ARR bridge" } = {}) {
  return floatingBarsSpec(bridgeSteps(s, currency), { title, yTitle: `ARR (${currency})`, groups: GROUPS, colors: COLORS });
}
