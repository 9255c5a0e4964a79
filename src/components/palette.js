// The site's colours, read from CSS variables (src/style.css) so charts follow
// the page's light or dark theme. Specs take their colours from COLOR below (the
// light theme's values, so they stay pure and testable without a browser);
// chartTheme() swaps each for the variable that names the same role.

/**
 * The named colours specs use, as the light theme's values (the fallback where a variable is unset). The health
 * colours are here once: red, yellow, green and unscored grey; `loss` is the red of money lost (role --red too).
 */
export const COLOR = {
  red: "#c0392b", redSoft: "#e08a80", loss: "#d6453d", yellow: "#d4a017", green: "#2e8b57", unscored: "#b8bcc4",
  grey: "#9ca3af", greySoft: "#d1d5db", ink: "#374151",
};

/** The health colours in the order pages show them (red, yellow, green, unscored). */
export const HEALTH_RANGE = [COLOR.red, COLOR.yellow, COLOR.green, COLOR.unscored];

/** The CSS variable behind each colour the specs use literally. */
export const ROLES = {
  [COLOR.red]: "--red", [COLOR.loss]: "--red", [COLOR.redSoft]: "--red-soft",
  "#2e8b57": "--green", "#3ca951": "--green", "#86c49f": "--green-soft", "#14532d": "--green-strong",
  "#d4a017": "--yellow", "#efb118": "--yellow",
  "#4269d0": "--blue", "#2563eb": "--blue", "#97bbf5": "--blue-soft", "#93b4f0": "--blue-soft",
  "#9ca3af": "--grey", "#b8bcc4": "--grey", "#9aa5b1": "--grey", "#bbbbbb": "--grey", "#d1d5db": "--grey-soft",
  "#6b7280": "--muted", "#374151": "--ink", "#555": "--ink",
  // background bands (the open quarters on the book-view chart): the theme's faintest ink, dark on a dark page
  "#e5e7eb": "--theme-foreground-faintest",
};

/** The current value of every palette variable (empty where a variable is unset), from the document's styles. */
export function readPalette(doc = globalThis.document) {
  const style = doc ? getComputedStyle(doc.documentElement) : null;
  const names = [...new Set([...Object.values(ROLES), "--theme-foreground", "--theme-foreground-muted", "--theme-foreground-faint",
    "--theme-foreground-faintest", "--theme-background", "--theme-background-alt"])];
  return Object.fromEntries(names.map((n) => [n, style?.getPropertyValue(n).trim() ?? ""]));
}

/** True when the page is showing its dark theme. */
export function isDark(win = globalThis.window) {
  return !!win?.matchMedia?.("(prefers-color-scheme: dark)").matches;
}

/**
 * A Vega-Lite config whose text, axes and grid use the theme's colours, and
 * whose axes thin their ticks and drop overlapping labels on a narrow screen.
 */
export function vegaConfig(palette, { narrow = false } = {}) {
  const fg = palette["--theme-foreground"] || "#1b1e23";
  const muted = palette["--theme-foreground-muted"] || palette["--muted"] || "#6b7280";
  const faint = palette["--theme-foreground-faintest"] || "#e5e7eb";
  return {
    background: null,
    font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    customFormatTypes: true,
    title: { color: fg, subtitleColor: muted, anchor: "start", fontWeight: 600, limit: 0 },
    axis: { labelColor: muted, titleColor: muted, domainColor: muted, tickColor: muted, gridColor: faint, labelOverlap: true, labelFlush: true,
      ...(narrow ? { labelFontSize: 10, titleFontSize: 10, labelLimit: 90 } : {}) },
    axisQuantitative: narrow ? { tickCount: 4 } : {},
    axisTemporal: narrow ? { tickCount: 4 } : {},
    legend: { labelColor: muted, titleColor: muted, ...(narrow ? { labelLimit: 120, columns: 2 } : {}) },
    header: { labelColor: fg, titleColor: fg },
    text: { color: fg },
    view: { stroke: null },
  };
}

/** The spec with every literal colour the palette knows replaced by its variable's current value. */
export function recolor(spec, palette) {
  const walk = (v) => {
    if (typeof v === "string") {
      const role = ROLES[v.toLowerCase()];
      return role && palette[role] ? palette[role] : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "data" ? x : walk(x)]));
    return v;
  };
  return walk(spec);
}
