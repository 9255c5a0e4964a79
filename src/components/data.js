// Datasets travel column-oriented ({col: [values]}); pages work with rows.

/** Columns → an array of row objects. */
export function rows(table) {
  const cols = Object.keys(table ?? {});
  const n = cols.length ? table[cols[0]].length : 0;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = {};
    for (const c of cols) r[c] = table[c][i];
    out[i] = r;
  }
  return out;
}

/** Distinct non-null values of a field, sorted. */
export function distinct(data, field) {
  return [...new Set(data.map((d) => d[field]).filter((v) => v !== null && v !== undefined))].sort((a, b) =>
    typeof a === "number" ? a - b : String(a).localeCompare(String(b)));
}

/** The numeric fields of rows added up into one row (a field that is not a number in every row is left out). */
export function sums(data) {
  /** @type {Record<string, number>} */
  const out = {};
  const keys = Object.keys(data[0] ?? {});
  for (const k of keys) if (data.every((r) => typeof r[k] === "number")) out[k] = data.reduce((s, r) => s + r[k], 0);
  return out;
}
