// Renders a Vega-Lite spec (from a pure spec function in ./specs) with
// vega-embed from node_modules. The container carries data-chart so the
// browser test can tell a chart that failed to render. Every chart follows the
// page's light or dark theme (colours from CSS variables, redrawn when the
// browser switches), fits its column, and can be saved as PNG or SVG.
import embed from "vega-embed";
import { readableSpec } from "./chart-spec.js";
import { el } from "./dom.js";
import { money } from "./format.js";
import { isDark, readPalette, recolor, vegaConfig } from "./palette.js";

const NARROW = 640; // px of window width below which axes thin their ticks

/**
 * A chart element for a Vega-Lite spec; a render failure is shown and logged.
 * @param {any} spec
 * @param {{label?: string, currency?: string}} [options]
 */
export function chart(spec, { label, currency = "USD" } = {}) {
  const div = el("div", { class: "chart", "data-chart": "vega-lite", role: "figure", "aria-label": label ?? spec.title?.text ?? spec.title ?? "chart" });
  let view = null;
  const draw = () => {
    const narrow = window.innerWidth < NARROW;
    const main = document.getElementById("observablehq-main");
    // a fixed-width chart (the printable loss worksheet) shrinks to the column on a phone
    const maxWidth = (main?.clientWidth || window.innerWidth) - 40;
    const palette = readPalette();
    const shown = recolor(readableSpec(spec, { currency, maxWidth, narrow }), palette);
    shown.config = { ...vegaConfig(palette, { narrow }), ...shown.config };
    view?.finalize();
    return embed(div, shown, {
      renderer: "svg",
      tooltip: { theme: isDark() ? "dark" : "light" },
      // save as PNG or SVG; nothing that would leave the machine (editor, source viewers)
      actions: { export: true, source: false, compiled: false, editor: false },
      downloadFileName: fileName(label ?? spec.title?.text ?? spec.title),
      expressionFunctions: { money: (v, cur) => money(v, typeof cur === "string" && cur ? cur : currency) },
    }).then((r) => { view = r.view; }).catch((err) => {
      div.replaceChildren(el("p", { class: "empty" }, `This chart could not be drawn: ${err.message}`));
      console.error(err);
    });
  };
  draw();
  // redraw in the other theme when the browser switches between light and dark
  window.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", () => { if (div.isConnected) draw(); });
  return div;
}

function fileName(title) {
  const s = String(Array.isArray(title) ? title.join(" ") : title ?? "chart").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return s.slice(0, 60) || "chart";
}
