// Page data as Arrow: what a page reads back (src/components/data.js) must be exactly the values the JSON export carries.
import { tableFromIPC, Type } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { datasetArchive, tableToArrow } from "../../loaders/datasets/arrow.ts";
import type { DatasetFile } from "../../loaders/datasets/emit.ts";
import { columns, load } from "../../src/components/data.js";

// Hand-made: one column per kind of value a dataset publishes, each with a null.
const table = {
  csm: ["Zoë", "Zoë", null, "Zoë", "Bo"], // 2 distinct in 4 present: repeats, so a dictionary (and not all ASCII)
  account_id: ["A1", "Å2", "A3", null, "A5"], // 4 distinct in 4: plain text, not all ASCII
  renewal_date: ["2025-01-15", null, "2025-03-01", "2025-03-01", "2025-03-01"],
  accounts: [1, 2, null, 2_147_483_647, -2_147_483_648], // the int32 extremes stay int32
  arr_cents: [1, 2, null, 2_147_483_648, 3], // one past int32: a float64, never an int64 (no BigInt)
  grr: [0.9, null, 1, 0, 0.123456789012],
  red: [true, false, null, true, false],
  reasons: [["no touch", "red"], [], null, ["red"], ["x"]],
  empty: [null, null, null, null, null],
};

/** The type ids of a read table's columns. */
const typesOf = (bytes: Uint8Array) => Object.fromEntries(tableFromIPC(bytes).schema.fields.map((f) => [f.name, f.typeId]));

describe("Arrow page data", () => {
  it("reads back every value, null and type as the JSON had it", () => {
    const bytes = tableToArrow(table, { asOf: "2025-06-30" });
    const read = tableFromIPC(bytes);
    expect(columns(read)).toEqual(table);
    expect(read.schema.metadata.get("asOf")).toBe("2025-06-30");
    expect(typesOf(bytes)).toEqual({
      csm: Type.Dictionary, account_id: Type.Utf8, renewal_date: Type.Dictionary, accounts: Type.Int, arr_cents: Type.Float,
      grr: Type.Float, red: Type.Bool, reasons: Type.List, empty: Type.Utf8,
    });
    for (const values of Object.values(columns(read))) for (const v of values) expect(typeof v).not.toBe("bigint");
  });

  it("keeps an empty table's columns, and says which column mixes types", () => {
    expect(columns(tableFromIPC(tableToArrow({ a: [], b: [] }, {})))).toEqual({ a: [], b: [] });
    expect(() => tableToArrow({ ok: [1, 2], bad: [1, "2"] }, {})).toThrow("column bad: a column mixes types (number, string)");
  });

  it("load() gives pages the dataset as the JSON file had it, from the tables named", async () => {
    const file: DatasetFile = { dataset: "risk", title: "Risk", asOf: "2025-06-30", currency: "EUR", tables: { book: { csm: ["Ana"], n: [3] }, csms: { csm: ["Ana", "Bo"] } } };
    const archive = datasetArchive(file);
    // The tar holds one member per table, named <table>.arrow, each 512-byte aligned after its header.
    const members = [...archive.toString("latin1").matchAll(/(\w+\.arrow)\0/g)].map((m) => m[1]);
    expect(members).toEqual(["book.arrow", "csms.arrow"]);
    const bytes = (t: string) => {
      const b = tableToArrow(file.tables[t], { dataset: "risk", title: "Risk", asOf: "2025-06-30", currency: "EUR" });
      return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    };
    expect(await load({ book: bytes("book") })).toEqual({ dataset: "risk", title: "Risk", asOf: "2025-06-30", currency: "EUR", tables: { book: { csm: ["Ana"], n: [3] } } });
  });
});
