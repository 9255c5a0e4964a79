// The Revenue page's account-basis section: the ARR bridge of a chosen window as a waterfall, its rates as
// cards, and every window of that kind as a table. Its own two pickers (window kind, period end) redraw it.
import { bridgeSeries, WINDOWS } from "./arr-bridge.js";
import { chart } from "./chart.js";
import { el } from "./dom.js";
import { select } from "./filters.js";
import { int, money, pct } from "./format.js";
import { kpis } from "./kpi.js";
import { FAMILIES, formula, formulaText } from "./metrics.js";
import { arrBridgeSpec } from "./specs/arr-bridge.js";
import { table } from "./table.js";

/**
 * @param {Record<string, any>[]} facts the arr_bridge rows of one slice (bridgeSlice)
 * @param {{currency: string, label: string}} options
 */
export function accountBasis(facts, { currency, label }) {
  const M = (/** @type {number} */ v) => money(v, currency, { compact: false });
  const m = (/** @type {number} */ v) => money(v, currency);
  const body = el("div");
  const windowIn = select(WINDOWS, { label: "Window", value: "ttm" });
  const endSlot = el("span");
  let endIn = null;
  const draw = () => {
    const series = bridgeSeries(facts, windowIn.value);
    if (!series.length) return body.replaceChildren(el("p", { class: "empty" }, "No account held ARR in any window for these filters."));
    const b = series.find((d) => d.period_end === endIn?.value) ?? series[series.length - 1];
    const monthly = windowIn.value === "month";
    const ann = (/** @type {number | null} */ v) => (monthly ? ` · ${pct(v)} annualized` : "");
    body.replaceChildren(
      kpis([
        { label: "Starting ARR", value: m(b.starting_arr), note: `${int(b.starting_logos)} active accounts on ${b.period_start ?? "the start"}` },
        { label: "Logo churn (account basis)", value: pct(b.logo_churn_rate), note: `${int(b.churned_logos)} of ${int(b.starting_logos)} accounts left${ann(b.logo_churn_rate_annualized)}` },
        { label: "GRR (account basis)", value: pct(b.grr), note: `${formulaText(formula(FAMILIES.bridge, "grr"))}${ann(b.grr_annualized)}` },
        { label: "NRR (account basis)", value: pct(b.nrr), note: `adds expansion and cross-sell${ann(b.nrr_annualized)}` },
        { label: "Ending ARR", value: m(b.ending_arr), note: `new ${m(b.new_arr)} · reactivated ${m(b.reactivation)}` },
      ]),
      chart(arrBridgeSpec(b, { currency, title: `ARR bridge — ${windowLabel(windowIn.value)} ending ${b.period_end}${label ? ` · ${label}` : ""}` })),
      table([...series].reverse(), columns(M, monthly), { csv: `arr-bridge-${windowIn.value}.csv` }),
    );
  };
  const pickEnd = () => {
    const ends = bridgeSeries(facts, windowIn.value).map((d) => d.period_end).reverse();
    endIn = select(ends, { label: "Ending on", value: ends[0] });
    endIn.addEventListener("input", draw);
    endSlot.replaceChildren(endIn);
    draw();
  };
  windowIn.addEventListener("input", pickEnd);
  pickEnd();
  return el("div", {}, el("div", { class: "filters" }, windowIn, endSlot), body);
}

/** @param {string} w */
function windowLabel(w) {
  return { year: "year", quarter: "quarter", month: "month", ttm: "365 days" }[w] ?? w;
}

/**
 * @param {(v: number) => string} M
 * @param {boolean} monthly
 */
function columns(M, monthly) {
  return [
    { key: "period_end", label: "ending on" },
    { key: "starting_logos", label: "accounts at start", num: true, format: int },
    { key: "churned_logos", label: "accounts lost", num: true, format: int },
    { key: "starting_arr", label: "starting ARR", num: true, format: M },
    { key: "churned_arr", label: "churned", num: true, format: M },
    { key: "contraction", label: "contraction", num: true, format: M },
    { key: "expansion", label: "expansion", num: true, format: M },
    { key: "cross_sell", label: "cross-sell", num: true, format: M },
    { key: "new_arr", label: "new", num: true, format: M },
    { key: "reactivation", label: "reactivation", num: true, format: M },
    { key: "ending_arr", label: "ending ARR", num: true, format: M },
    { key: "logo_churn_rate", label: "logo churn", num: true, format: pct },
    { key: "grr", label: "GRR", num: true, format: pct },
    { key: "nrr", label: "NRR", num: true, format: pct },
    ...(monthly ? [
      { key: "logo_churn_rate_annualized", label: "logo churn, annualized", num: true, format: pct },
      { key: "grr_annualized", label: "GRR, annualized", num: true, format: pct },
      { key: "nrr_annualized", label: "NRR, annualized", num: true, format: pct },
    ] : []),
  ];
}
