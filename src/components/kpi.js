// Headline figures as cards: the value, its change against the prior period
// (▲/▼, green when the move is good for the business, red when bad) and a
// sparkline of its recent periods, where the dataset has a time dimension.
import { el } from "./dom.js";
import { change } from "./format.js";

/**
 * items: [{label, value (already formatted), note?,
 *          trend?: {now, before, kind: "pct" | "money" | "int" | "num", upIsGood = true, vs: "2024", currency},
 *          spark?: [numbers, oldest first] (nulls are gaps)}]
 */
export function kpis(items) {
  return el("div", { class: "kpis" }, items.map((k) => {
    const t = k.trend ? trend(k.trend) : null;
    return el("div", { class: "kpi" },
      el("div", { class: "label" }, k.label),
      el("div", { class: "value" }, k.value),
      t || k.spark ? el("div", { class: "kpi-change" },
        t ? el("div", { class: `kpi-trend ${t.tone}`, title: t.title }, `${t.arrow} ${t.text}`, k.trend.vs ? el("span", { class: "kpi-vs" }, ` vs ${k.trend.vs}`) : null) : el("span"),
        k.spark ? sparkline(k.spark, k.label) : null) : null,
      k.note ? el("div", { class: "kpi-note" }, k.note) : null);
  }));
}

/**
 * The change of a figure against the prior period: arrow, signed text in the figure's unit, and its tone —
 * "good" when it moved the way the business wants (up for GRR, down for churn), "bad" the other way, "flat" when unchanged or unknown.
 */
/** @param {{now: number | null, before: number | null, kind?: string, upIsGood?: boolean | null, currency?: string}} t */
export function trend({ now, before, kind = "int", upIsGood = true, currency = "USD" }) {
  const known = [now, before].every((v) => typeof v === "number" && Number.isFinite(v));
  const d = known ? now - before : null;
  // a move smaller than the figure shows (0.04 points on a rate shown to 0.1) is no move
  const still = d === null || Math.abs(d) < (kind === "pct" ? 0.0005 : kind === "num" ? 0.005 : 0.5);
  const arrow = still ? "▶" : d > 0 ? "▲" : "▼";
  // upIsGood null: a figure with no better direction (a share of the book) gets an arrow but no colour
  const tone = still || upIsGood === null ? "flat" : (d > 0) === upIsGood ? "good" : "bad";
  const text = d === null ? "no prior period" : change(now, before, kind, currency);
  return { arrow, text, tone, title: d === null ? "no figure for the prior period" : still ? "unchanged from the prior period" : upIsGood === null ? `${d > 0 ? "up" : "down"} on the prior period` : `${tone === "good" ? "better" : "worse"} than the prior period` };
}

/**
 * A figure over an ordered list of periods, up to the chosen one: the series for a sparkline (oldest first) and
 * the value of the period before the chosen one. compute(period) gives the figure of one period.
 */
/**
 * @param {string[]} periods @param {string} current @param {(period: string) => number | null | undefined} compute
 * @param {{last?: number}} [options]
 */
export function history(periods, current, compute, { last = 8 } = {}) {
  const i = periods.indexOf(current);
  if (i < 0) return { values: [], before: null, prior: null };
  const span = periods.slice(Math.max(0, i - last + 1), i + 1);
  const values = span.map((p) => { const v = compute(p); return typeof v === "number" && Number.isFinite(v) ? v : null; });
  return { values, before: i > 0 ? values.at(-2) ?? null : null, prior: i > 0 ? periods[i - 1] : null };
}

/** The sparkline's polyline points in a w×h box (y up is larger; nulls break the line into segments). */
export function sparkPoints(values, w = 80, h = 24, pad = 2) {
  const known = values.filter((v) => v !== null && Number.isFinite(v));
  if (known.length < 2) return [];
  const lo = Math.min(...known), hi = Math.max(...known);
  const x = (i) => pad + (i * (w - 2 * pad)) / (values.length - 1);
  const y = (v) => (hi === lo ? h / 2 : h - pad - ((v - lo) * (h - 2 * pad)) / (hi - lo));
  const segments = [[]];
  values.forEach((v, i) => { if (v === null || !Number.isFinite(v)) segments.push([]); else segments.at(-1).push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`); });
  return segments.filter((s) => s.length > 0);
}

function sparkline(values, label) {
  const segments = sparkPoints(values);
  if (segments.length === 0) return null;
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 80 24");
  svg.setAttribute("class", "kpi-spark");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${label}, last ${values.length} periods`);
  for (const s of segments) {
    const line = document.createElementNS(NS, s.length === 1 ? "circle" : "polyline");
    if (s.length === 1) { const [cx, cy] = s[0].split(","); line.setAttribute("cx", cx); line.setAttribute("cy", cy); line.setAttribute("r", "1.5"); }
    else line.setAttribute("points", s.join(" "));
    svg.append(line);
  }
  return svg;
}
