// Datasets reach pages as Arrow IPC files, one per table (loaders/datasets/arrow.ts); pages work with rows.
import { DataType, makeVector, tableFromIPC } from "apache-arrow";

/**
 * Loads a dataset's tables, each named by the bytes of its Arrow file. A page writes each FileAttachment with a
 * literal path and calls `.arrayBuffer()` on it at once (never FileAttachment's own Arrow reader, which would fetch apache-arrow from a CDN),
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
 * An Arrow table → {column: values}, with plain JS values: null for nulls, dictionaries decoded, a list cell an
 * array. Column by column over the raw buffers, not value by value through the vector's iterator (which decodes
 * UTF-8 one value at a time: slower than JSON.parse of the same data).
 * @param {import("apache-arrow").Table} table
 */
export function columns(table) {
  /** @type {Record<string, any[]>} */
  const out = {};
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name);
    const chunks = (vector?.data ?? []).map((chunk) => chunkValues(chunk, field.type));
    out[field.name] = chunks.length === 1 ? chunks[0] : [].concat(...chunks);
  }
  return out;
}

const utf8 = new TextDecoder();

/**
 * One record batch's values of a column.
 * @param {import("apache-arrow").Data} chunk
 * @param {import("apache-arrow").DataType} type
 * @returns {any[]}
 */
function chunkValues(chunk, type) {
  const n = chunk.length;
  const out = new Array(n);
  const valid = chunk.nullCount > 0 ? (/** @type {number} */ i) => chunk.getValid(i) : () => true;
  if (DataType.isDictionary(type)) {
    const dict = chunk.dictionary ? textValues(chunk.dictionary.data[0]) : [];
    for (let i = 0; i < n; i++) out[i] = valid(i) ? dict[chunk.values[i]] : null;
  } else if (DataType.isUtf8(type)) {
    const text = textValues(chunk);
    for (let i = 0; i < n; i++) out[i] = valid(i) ? text[i] : null;
  } else if (DataType.isInt(type) || DataType.isFloat(type)) {
    for (let i = 0; i < n; i++) out[i] = valid(i) ? chunk.values[i] : null;
  } else {
    // booleans (bit-packed) and lists of text: few and small, the vector's own reading is fine
    const vector = makeVector(chunk);
    for (let i = 0; i < n; i++) {
      const v = vector.get(i);
      out[i] = v === null ? null : DataType.isList(type) ? Array.from(v) : v;
    }
  }
  return out;
}

/**
 * The strings of a UTF-8 chunk (nulls read as ""). All-ASCII text (ids, dates, most names) is decoded in one call and
 * cut by offsets; otherwise byte offsets are not character offsets, and each value is decoded on its own.
 * @param {import("apache-arrow").Data} chunk
 * @returns {string[]}
 */
function textValues(chunk) {
  const { valueOffsets: offsets, values: bytes } = chunk;
  const n = chunk.length;
  const out = new Array(n);
  const first = offsets[0];
  const all = utf8.decode(bytes.subarray(first, offsets[n]));
  if (all.length === offsets[n] - first) for (let i = 0; i < n; i++) out[i] = all.slice(offsets[i] - first, offsets[i + 1] - first);
  else for (let i = 0; i < n; i++) out[i] = utf8.decode(bytes.subarray(offsets[i], offsets[i + 1]));
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
