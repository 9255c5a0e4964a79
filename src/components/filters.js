// Select filters that work with Framework's view(): each is an element with
// a .value and an "input" event.
import { el } from "./dom.js";

/** A labelled <select>. options: array of values or [value, label] pairs. */
export function select(options, { label, value } = {}) {
  const pairs = options.map((o) => (Array.isArray(o) ? o : [o, String(o)]));
  const s = el("select", {}, pairs.map(([v, l], i) => el("option", { value: String(i) }, l)));
  const start = pairs.findIndex(([v]) => v === value);
  s.selectedIndex = start >= 0 ? start : 0;
  const wrap = el("label", {}, label ?? "", s);
  Object.defineProperty(wrap, "value", { get: () => pairs[s.selectedIndex]?.[0] });
  s.addEventListener("change", () => wrap.dispatchEvent(new Event("input", { bubbles: true })));
  s.addEventListener("input", (e) => { e.stopPropagation(); wrap.dispatchEvent(new Event("input", { bubbles: true })); });
  return wrap;
}

/** "All" plus each distinct value, for a filter over a field. */
export function allOf(values, allLabel = "All") {
  return [[null, allLabel], ...values.map((v) => [v, String(v)])];
}

/** Keeps rows matching every non-null filter value: filterRows(rows, {segment: "SMB", csm: null}). */
export function filterRows(data, criteria) {
  const active = Object.entries(criteria).filter(([, v]) => v !== null && v !== undefined);
  return data.filter((d) => active.every(([k, v]) => d[k] === v));
}
