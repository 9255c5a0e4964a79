/**
 * Datasets reach the pages as Arrow IPC files, one per table (`<dataset>/<table>.arrow` in the dataset's archive):
 * typed columns the browser reads without parsing text, and a page downloads only the tables it names.
 * `npm run report` keeps writing JSON; both come from the same computed DatasetFile.
 *
 * Types are chosen from the values, so the page gets back exactly the JS values the JSON carried: whole numbers
 * travel in the narrowest of Int8/16/32 that holds them, other numbers as Float64 (never Int64: no BigInt reaches a
 * page), dates and other text as UTF-8, dictionary-encoded when values repeat (segments, colors, months, CSM names),
 * lists of text as lists. Narrow types matter: small counts are most columns, and gzip does not undo 4 bytes a count.
 * The dataset's name, title, as-of date and currency ride in every table's schema metadata.
 */
import {
  Bool, type DataType, Dictionary, Field, Float64, Int8, Int16, Int32, List, Table, tableToIPC, Utf8, vectorFromArray,
} from "apache-arrow";
import type { Plain } from "../engine/db.ts";
import type { Columnar } from "./columnar.ts";
import type { DatasetFile } from "./emit.ts";
import { tar } from "./shards.ts";

/** The narrowest signed integer type holding every value in [lo, hi], or null when none of 32 bits does. */
function intType(lo: number, hi: number): DataType | null {
  for (const [bits, T] of [[8, Int8], [16, Int16], [32, Int32]] as const) if (lo >= -(2 ** (bits - 1)) && hi < 2 ** (bits - 1)) return new T();
  return null;
}

/** The Arrow type for a column's values (all null: UTF-8, which reads back as null all the same). */
export function arrowType(values: Plain[]): DataType {
  const present = values.filter((v) => v !== null);
  if (!present.length) return new Utf8();
  if (present.every((v) => typeof v === "boolean")) return new Bool();
  if (present.every((v) => typeof v === "number")) {
    let lo = Infinity, hi = -Infinity, whole = true;
    for (const v of present as number[]) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      whole &&= Number.isInteger(v);
    }
    return (whole && intType(lo, hi)) || new Float64();
  }
  if (present.every((v) => Array.isArray(v))) return new List(new Field("item", new Utf8(), true));
  if (present.every((v) => typeof v === "string")) {
    // A dictionary pays when values repeat: an index per row instead of the text.
    const distinct = new Set(present).size;
    return distinct * 2 <= present.length ? new Dictionary(new Utf8(), intType(0, distinct) as Int8 | Int16 | Int32) : new Utf8();
  }
  throw new Error(`a column mixes types (${[...new Set(present.map((v) => (Array.isArray(v) ? "list" : typeof v)))].join(", ")})`);
}

/** One table as an Arrow IPC file (the file format: what tableFromIPC reads from an ArrayBuffer). */
export function tableToArrow(table: Columnar, meta: Record<string, string>): Uint8Array {
  const cols = Object.entries(table);
  const vectors = Object.fromEntries(cols.map(([name, values]) => {
    try {
      return [name, vectorFromArray(values as unknown[], arrowType(values))];
    } catch (err) {
      throw new Error(`column ${name}: ${(err as Error).message}`);
    }
  }));
  const t = new Table(vectors);
  for (const [k, v] of Object.entries(meta)) t.schema.metadata.set(k, v);
  return tableToIPC(t, "file");
}

/** The members of a dataset's archive: `<folder><table>.arrow` for every table. */
export function datasetToArrow(file: DatasetFile, folder = ""): Record<string, Uint8Array> {
  const meta = { dataset: file.dataset, title: file.title, asOf: file.asOf, currency: file.currency };
  return Object.fromEntries(Object.entries(file.tables).map(([name, table]) => {
    try {
      return [`${folder}${name}.arrow`, tableToArrow(table, meta)];
    } catch (err) {
      throw new Error(`dataset ${file.dataset}, table ${name}: ${(err as Error).message}`);
    }
  }));
}

/** The archive Framework unpacks into `data/<dataset>/<table>.arrow`; `extra` tables are for pages only (precompute.ts). */
export function datasetArchive(file: DatasetFile, extra: Record<string, Columnar> = {}): Buffer {
  return tar(datasetToArrow({ ...file, tables: { ...file.tables, ...extra } }));
}
