// Renders a Vega-Lite spec (from a pure spec function in ./specs) with
// vega-embed from node_modules. The container carries data-chart so the
// browser test can tell a chart that failed to render.
import embed from "vega-embed";
import { el } from "./dom.js";

/** A chart element for a Vega-Lite spec; a render failure is shown and logged. */
export function chart(spec, { label } = {}) {
  const div = el("div", { class: "chart", "data-chart": "vega-lite", role: "figure", "aria-label": label ?? spec.title?.text ?? spec.title ?? "chart" });
  embed(div, spec, { actions: false, renderer: "svg", tooltip: { theme: "light" } }).catch((err) => {
    div.replaceChildren(el("p", { class: "empty" }, `This chart could not be drawn: ${err.message}`));
    console.error(err);
  });
  return div;
}
