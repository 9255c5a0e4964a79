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
export function readableSpec(spec, { currency = "USD", maxWidth = Infinity } = {}) {
  const view = (v) => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return v;
    const out = { ...v };
    if (typeof out.title === "string") out.title = words(out.title);
    else if (out.title && typeof out.title.text === "string") out.title = { ...out.title, text: words(out.title.text) };
    if (typeof out.width === "number" && out.width > maxWidth) out.width = Math.max(120, Math.floor(maxWidth));
    if (out.encoding) out.encoding = Object.fromEntries(Object.entries(out.encoding).map(([k, d]) =>
      [k, CHANNELS.includes(k) ? (Array.isArray(d) ? d.map((x) => channel(x, currency)) : channel(d, currency)) : d]));
    for (const key of ["layer", "vconcat", "hconcat", "concat"]) if (Array.isArray(out[key])) out[key] = out[key].map(view);
    if (out.spec) out.spec = view(out.spec);
    return out;
  };
  return view(spec);
}

function channel(d, currency) {
  if (!d || typeof d !== "object" || typeof d.field !== "string") return d;
  const out = { ...d };
  if (out.title === undefined) out.title = label(out.field);
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
