// What every chart gets before it is drawn, whatever spec function made it:
// readers' labels instead of field names, money in the site's one money rule,
// and no wider than the space it has. Pure: tested without a browser.
import { label } from "./format.js";

const CHANNELS = ["x", "y", "x2", "y2", "color", "fill", "stroke", "size", "shape", "opacity", "theta", "radius", "text", "tooltip", "detail", "row", "column", "facet", "xOffset", "yOffset"];
// Fields whose numbers are amounts of money (contract value), so a plain number format becomes the money rule.
const MONEY_FIELD = /(^|_)(arr|value|starting|ending|retained|upsell|cross_sell|partial_loss|full_loss|lost|amount)($|_)/;
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;

/**
 * The spec, readable: every encoded field without a title gets its label ("renewal_date" → "renewal date"), titles
 * that quote a field name are reworded, money formats ("$~s", or ",.0f" on an ARR field) use the money rule
 * (formatType "money", registered by chart.js), and fixed widths above `maxWidth` shrink to it.
 */
export function readableSpec(spec, { currency = "USD", maxWidth = Infinity, narrow = false } = {}) {
  // on a phone, value labels over more than six bars collide: they are left to the tooltip
  const crowded = narrow && (spec?.data?.values?.length ?? 0) > 6;
  // inherited: a channel's title set by one layer, which the other layers of the same chart share
  // (Vega-Lite would otherwise join every layer's field name into the axis title: "rate, ref")
  const view = (v, inherited = {}) => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return v;
    const out = { ...v };
    // a bold 13 px title is about 8 px a character; the actions button takes 40 px of the line
    const chars = Math.floor((maxWidth - 40) / 8);
    if (typeof out.title === "string") out.title = wrap(words(out.title), chars);
    else if (out.title && typeof out.title.text === "string") out.title = { ...out.title, text: wrap(words(out.title.text), chars) };
    if (typeof out.width === "number" && out.width > maxWidth) out.width = Math.max(120, Math.floor(maxWidth));
    const shared = { ...inherited, ...layerTitles(out.encoding) };
    if (out.encoding) out.encoding = Object.fromEntries(Object.entries(out.encoding).map(([k, d]) =>
      [k, CHANNELS.includes(k) ? (Array.isArray(d) ? d.map((x) => channel(x, currency)) : channel(d, currency, shared[k], /2$/.test(k))) : d]));
    if (Array.isArray(out.layer)) {
      const fromLayers = Object.assign({}, ...out.layer.map((l) => layerTitles(l?.encoding)).reverse());
      const kept = crowded ? out.layer.filter((l) => (l?.mark?.type ?? l?.mark) !== "text") : out.layer;
      out.layer = (kept.length ? kept : out.layer).map((l) => view(l, { ...fromLayers, ...shared }));
    }
    for (const key of ["vconcat", "hconcat", "concat"]) if (Array.isArray(out[key])) out[key] = out[key].map((x) => view(x));
    if (out.spec) out.spec = view(out.spec);
    return out;
  };
  return view(spec);
}

/** The titles a view's encoding sets explicitly on its position and colour channels. */
function layerTitles(encoding) {
  const out = {};
  for (const k of ["x", "y", "x2", "y2", "color", "theta"]) {
    const d = encoding?.[k];
    if (d && typeof d === "object" && !Array.isArray(d) && d.title !== undefined) out[k] = d.title;
  }
  return out;
}

/** A long title as lines of at most `chars` characters, broken between words. */
export function wrap(text, chars) {
  if (!Number.isFinite(chars) || text.length <= chars || chars < 10) return text;
  const lines = [""];
  for (const w of text.split(" ")) {
    if (lines.at(-1) && (lines.at(-1) + " " + w).length > chars) lines.push(w);
    else lines[lines.length - 1] = lines.at(-1) ? `${lines.at(-1)} ${w}` : w;
  }
  return lines;
}

function channel(d, currency, inheritedTitle, secondary = false) {
  if (!d || typeof d !== "object" || typeof d.field !== "string") return d;
  const out = { ...d };
  // x2/y2 share their axis with x/y: a title of their own would be joined onto the axis title ("value, end")
  if (out.title === undefined && !secondary) out.title = inheritedTitle !== undefined ? inheritedTitle : label(out.field);
  else if (typeof out.title === "string") out.title = words(out.title);
  const money = (fmt) => typeof fmt === "string" && (fmt.startsWith("$") || (MONEY_FIELD.test(out.field) && /^,?\.0f$|^,d$|^~s$/.test(fmt)));
  if (money(out.format)) Object.assign(out, { format: currency, formatType: "money" });
  for (const k of ["axis", "legend"]) if (out[k] && money(out[k].format)) out[k] = { ...out[k], format: currency, formatType: "money" };
  return out;
}

/** A title with any snake_case field name in it reworded ("by renewal_date" → "by renewal date"). */
export function words(text) {
  return text.replace(SNAKE, (w) => label(w));
}
