// What an analyst's page needs to show their report (reports/<name>.sql): its rows, a table whose columns
// follow the query's own, and a bar chart. Pages stay a few lines (src/reports/*.md).
import { rows } from "./data.js";
import { int, money, pct } from "./format.js";
import { table } from "./table.js";

/** The rows of report `name` from the reports dataset; a name with no SQL file says which exist. */
export function reportRows(reports, name) {
  const t = reports.tables[name];
  if (!t) throw new Error(`no report named "${name}": add reports/${name}.sql (reports now: ${Object.keys(reports.tables).join(", ") || "none"})`);
  return rows(t);
}

/** A column's label from its name: "resolved_arr" → "Resolved ARR". */
export function label(key) {
  const words = key.split("_").map((w) => (/^(arr|mrr|grr|nrr|nps|csm|id)$/.test(w) ? w.toUpperCase() : w));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How a column is shown, from its name and values: rates and shares (`*_rate`, `*_share`, `grr`, `nrr`) as
 * percentages, money (`*arr*`, `*value*`, `*mrr*`) in the currency, other whole numbers with separators.
 */
export function columnFormat(key, values, currency = "USD") {
  const numbers = values.filter((v) => v !== null && v !== undefined);
  if (!numbers.length || !numbers.every((v) => typeof v === "number")) return null;
  if (/(^|_)(rate|share|grr|nrr|pct)($|_)/.test(key)) return (v) => pct(v);
  if (/(^|_)(arr|mrr|value|revenue)($|_)/.test(key)) return (v) => money(v, currency);
  if (/(^|_)(year|id|code)$/.test(key)) return (v) => (v === null ? "—" : String(v));  // 2026, not 2,026
  if (numbers.every((v) => Number.isInteger(v))) return (v) => int(v);
  return (v) => (v === null ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: 3 }));
}

/** A table of every column of a report, formatted by columnFormat, with a CSV download named after it. */
export function reportTable(data, name, { currency = "USD" } = {}) {
  const keys = data.length ? Object.keys(data[0]) : [];
  const columns = keys.map((key) => {
    const format = columnFormat(key, data.map((d) => d[key]), currency);
    return { key, label: label(key), num: format !== null, format: format ?? undefined };
  });
  return table(data, columns, { csv: `${name}.csv`, empty: `The query in reports/${name}.sql returned no rows.` });
}
