// Number formatting for pages, tables and charts: one rule per kind of figure.
// A missing value (a rate whose denominator is 0) is "—", never 0 or NaN.
//   money  under 10,000 in whole units ($9,876); from 10,000 compact with one decimal ($23.8K, $130.0K, $1.2M)
//   counts whole with separators (2,000), and a noun agrees with its number ("1 account", "2 accounts")
//   rates  a percentage with one decimal (12.3%); a change between rates is in points (+1.5 pts)

const missing = (v) => v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v));

/** Amounts at or above this are shown compact ($23.8K): one rule across tables, cards and charts. */
export const COMPACT_FROM = 10_000;

/** Whole numbers with thousands separators. */
export function int(v) {
  return missing(v) ? "—" : Math.round(v).toLocaleString("en-US");
}

/** A number with a fixed number of decimals and separators (1,234.5). */
export function num(v, digits = 1) {
  return missing(v) ? "—" : v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Money in the dataset's currency: whole units under 10,000, compact with one decimal from 10,000 ($23.8K, $1.2M),
 * so one column never mixes "$130K" and "$23,823". {compact: false} writes the whole amount ($23,823).
 * (table() passes the row second: ignored.)
 */
export function money(v, currency = "USD", { compact = true } = {}) {
  if (missing(v)) return "—";
  if (typeof currency !== "string") currency = "USD";
  const short = compact && Math.abs(v) >= COMPACT_FROM;
  return new Intl.NumberFormat("en-US", {
    style: "currency", currency, notation: short ? "compact" : "standard",
    minimumFractionDigits: short ? 1 : 0, maximumFractionDigits: short ? 1 : 0,
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

/** A count with its noun, agreeing in number: count(1, "account") → "1 account"; count(2000, "account") → "2,000 accounts". */
export function count(n, one, many = `${one}s`) {
  return `${int(n)} ${n === 1 ? one : many}`;
}

/** The change between two figures, signed, in the figure's own unit: points for rates, the money rule for money. */
export function change(now, before, kind = "int", currency = "USD") {
  if (missing(now) || missing(before)) return "—";
  const d = now - before;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
  const a = Math.abs(d);
  if (kind === "pct") return `${sign}${(a * 100).toFixed(1)} pts`;
  if (kind === "money") return `${sign}${money(a, currency)}`;
  if (kind === "num") return `${sign}${num(a, 2)}`;
  return `${sign}${int(a)}`;
}

// Words a field name is made of that readers know in capitals.
const WORDS = { arr: "ARR", csm: "CSM", csms: "CSMs", nps: "NPS", grr: "GRR", nrr: "NRR", id: "id", ttm: "TTM", qbr: "QBR", ebr: "EBR" };

/** A field name as a reader's label: "renewal_date" → "renewal date", "current_arr" → "current ARR". */
export function label(field) {
  return String(field).split(/_+/).filter(Boolean).map((w) => WORDS[w.toLowerCase()] ?? w).join(" ");
}
