// Number formatting for pages. A missing value (a rate whose denominator is 0) is "—", never 0 or NaN.

const missing = (v) => v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v));

/** Whole numbers with thousands separators. */
export function int(v) {
  return missing(v) ? "—" : Math.round(v).toLocaleString("en-US");
}

/** Money in the dataset's currency, compact for large values ($1.2M). (table() passes the row second: ignored.) */
export function money(v, currency = "USD", { compact = true } = {}) {
  if (missing(v)) return "—";
  if (typeof currency !== "string") currency = "USD";
  return new Intl.NumberFormat("en-US", {
    style: "currency", currency, notation: compact && Math.abs(v) >= 1e5 ? "compact" : "standard",
    maximumFractionDigits: compact && Math.abs(v) >= 1e5 ? 1 : 0,
  }).format(v);
}

/** A rate (0.123) as a percentage ("12.3%"). (table() passes the row second: ignored.) */
export function pct(v, digits = 1) {
  return missing(v) ? "—" : `${(v * 100).toFixed(typeof digits === "number" ? digits : 1)}%`;
}

/** A date string as given (ISO), or "—". */
export function date(v) {
  return missing(v) || v === "" ? "—" : String(v);
}
