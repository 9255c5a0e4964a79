// Datasets reach pages as Arrow IPC files, one per table (loaders/datasets/arrow.ts); pages work with rows.
import { DataType, tableFromIPC } from "apache-arrow";

/**
 * Loads a dataset's tables, each named by the bytes of its Arrow file. A page writes each FileAttachment with a
 * literal path and calls `.arrayBuffer()` on it at once (never `.arrow()`, which would fetch apache-arrow from a CDN),
 * so only the tables a page reads are downloaded and published:
 * `await load({book: FileAttachment("data/risk/book.arrow").arrayBuffer()})`.
 * Returns the dataset as pages use it: {dataset, title, asOf, currency} (from the files' metadata) and
 * `tables`, each {column: values} with plain JS values (numbers, strings, booleans, arrays of strings, null).
 * @param {Record<string, ArrayBuffer | Promise<ArrayBuffer>>} files
 * @returns {Promise<{dataset: string, title: string, asOf: string, currency: string, tables: Record<string, Record<string, any[]>>}>}
 */
export async function load(files) {
  const named = await Promise.all(Object.entries(files).map(async ([name, bytes]) => /** @type {const} */ ([name, tableFromIPC(new Uint8Array(await bytes))])));
  /** @type {Record<string, string>} */
  const meta = {};
  for (const [k, v] of named[0]?.[1].schema.metadata ?? []) meta[k] = v;
  /** @type {Record<string, Record<string, any[]>>} */
  const tables = {};
  for (const [name, table] of named) tables[name] = columns(table);
  return { dataset: meta.dataset, title: meta.title, asOf: meta.asOf, currency: meta.currency, tables };
}

/**
 * An Arrow table → {column: values}. Iterating a vector yields null for nulls and decodes dictionaries; a list
 * cell is a vector, turned into an array.
 * @param {import("apache-arrow").Table} table
 */
export function columns(table) {
  /** @type {Record<string, any[]>} */
  const out = {};
  for (const field of table.schema.fields) {
    const values = Array.from(table.getChild(field.name) ?? []);
    out[field.name] = DataType.isList(field.type) ? values.map((v) => (v === null ? null : Array.from(v))) : values;
  }
  return out;
}

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
