// Headline figures as cards.
import { el } from "./dom.js";

/** items: [{label, value (already formatted), note?}] */
export function kpis(items) {
  return el("div", { class: "kpis" }, items.map((k) =>
    el("div", { class: "kpi" }, el("div", { class: "label" }, k.label), el("div", { class: "value" }, k.value), k.note ? el("div", { class: "kpi-note" }, k.note) : null)));
}
