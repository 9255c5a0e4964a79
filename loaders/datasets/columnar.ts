/** Tables travel column-oriented: `{col: [v0, v1, …]}` is far smaller than an array of row objects. */
import type { Plain, Row } from "../engine/db.ts";

/** A table as published: one array per column, all the same length. */
export type Columnar = Record<string, Plain[]>;

/** Rows → columns, keeping the declared column order. */
export function toColumns(rows: Row[], columns: string[]): Columnar {
  const out: Columnar = {};
  for (const c of columns) out[c] = rows.map((r) => r[c] ?? null);
  return out;
}

/** Columns → rows (what pages and tests work with). */
export function toRows(table: Columnar): Row[] {
  const cols = Object.keys(table);
  const n = cols.length ? table[cols[0]].length : 0;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const r: Row = {};
    for (const c of cols) r[c] = table[c][i];
    rows.push(r);
  }
  return rows;
}

/** Rounds a float so that sums computed in a different order print the same. */
export function roundValue(v: Plain): Plain {
  return typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v;
}
