// The lifecycle funnel: the share of accounts that reached each stage, and the median days each step took.
// Series are the segments compared (or the one chosen), so a stall shows as a bar that drops.
import { COLOR } from "../palette.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const STAGES = ["onboarded", "adopted", "first_value", "expanded", "renewed", "advocate"];
const NAMES = ["Onboarded", "Adopted", "First value", "Expanded", "Renewed", "Advocate"];
const name = (stage) => NAMES[STAGES.indexOf(stage)] ?? stage;

/**
 * Horizontal bars: share of accounts that reached each stage, one bar per series within a stage.
 * @param {{series: string, stage: string, share: number | null, reached: number, accounts: number}[]} data
 * @param {{title?: string}} [options]
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function funnelSpec(data, { title = "Share of accounts that reached each stage" } = {}) {
  const values = data.filter((r) => r.share !== null && Number.isFinite(r.share))
    .map((r) => ({ series: r.series, stage: name(r.stage), share: r.share, reached: r.reached, accounts: r.accounts }));
  const series = [...new Set(values.map((d) => d.series))];
  return {
    $schema: SCHEMA,
    title,
    width: "container",
    height: 60 + 30 * Math.min(series.length, 4) * 2,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "stage", type: "nominal", sort: NAMES, title: null },
      yOffset: { field: "series", type: "nominal", sort: series },
      x: { field: "share", type: "quantitative", title: "share of accounts", scale: { domain: [0, 1] }, axis: { format: ".0%" } },
      color: { field: "series", type: "nominal", title: null, sort: series, legend: series.length > 1 ? { orient: "top" } : null },
      tooltip: [
        { field: "series", type: "nominal", title: "accounts" },
        { field: "stage", type: "nominal", title: "stage" },
        { field: "reached", type: "quantitative", title: "reached", format: ",d" },
        { field: "accounts", type: "quantitative", title: "of", format: ",d" },
        { field: "share", type: "quantitative", title: "share", format: ".1%" },
      ],
    },
  };
}

/**
 * Bars: median days from the stage before to each stage (from customer_since to onboarded), per series.
 * @param {{series: string, stage: string, median_days: number | null, timed: number}[]} data
 * @param {{title?: string}} [options]
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function stageDaysSpec(data, { title = "Median days to reach each stage from the one before" } = {}) {
  const steps = STAGES.map((_s, i) => `${i === 0 ? "Start" : NAMES[i - 1]} → ${NAMES[i]}`);
  const values = data.filter((r) => r.median_days !== null && Number.isFinite(r.median_days))
    .map((r) => ({ series: r.series, step: steps[STAGES.indexOf(r.stage)] ?? r.stage, median_days: r.median_days, timed: r.timed }));
  const series = [...new Set(values.map((d) => d.series))];
  return {
    $schema: SCHEMA,
    title,
    width: "container",
    height: 240,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "step", type: "nominal", sort: steps, title: null, axis: { labelAngle: 0, labelLimit: 140 } },
      xOffset: { field: "series", type: "nominal", sort: series },
      y: { field: "median_days", type: "quantitative", title: "median days" },
      color: { field: "series", type: "nominal", title: null, sort: series, legend: series.length > 1 ? { orient: "top" } : null },
      tooltip: [
        { field: "series", type: "nominal", title: "accounts" },
        { field: "step", type: "nominal", title: "step" },
        { field: "median_days", type: "quantitative", title: "median days", format: ",.1f" },
        { field: "timed", type: "quantitative", title: "accounts timed", format: ",d" },
      ],
    },
  };
}

/**
 * Bars: stalled accounts per stage they sit in.
 * @param {{stage: string, accounts: number}[]} data
 * @param {{title?: string}} [options]
 * @returns {Record<string, any>} a Vega-Lite spec
 */
export function stalledSpec(data, { title = "Stalled accounts by the stage they sit in" } = {}) {
  const order = ["Not onboarded", ...NAMES];
  const values = data.map((r) => ({ stage: r.stage === "not_onboarded" ? "Not onboarded" : name(r.stage), accounts: r.accounts }));
  return {
    $schema: SCHEMA,
    title,
    width: "container",
    height: 200,
    data: { values },
    mark: { type: "bar", tooltip: true, color: COLOR.loss },
    encoding: {
      x: { field: "stage", type: "nominal", sort: order, title: null, axis: { labelAngle: 0 } },
      y: { field: "accounts", type: "quantitative", title: "accounts", axis: { tickMinStep: 1 } },
      tooltip: [{ field: "stage", type: "nominal" }, { field: "accounts", type: "quantitative", format: ",d" }],
    },
  };
}
