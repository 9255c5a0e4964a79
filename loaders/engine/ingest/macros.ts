/**
 * SQL macros the staging models use to parse raw text: the very expressions
 * validation accepted, so a staged value is exactly what was checked.
 */
import type { ColumnSpec } from "../contract.ts";
import type { Db } from "../db.ts";
import { clean, isMissing, parse } from "./checks.ts";

const spec = (kind: ColumnSpec["kind"]): ColumnSpec => ({ name: "x", kind, required: false, meaning: "" });

/** `txt(x)`, `to_date(x)`, `to_int(x)`, `to_num(x)`, `to_bool(x)`, `to_enum(x)`: a raw value (text, or already typed) → clean typed value or null. */
export async function createMacros(db: Db): Promise<void> {
  const typedOrNull = (kind: ColumnSpec["kind"]) => `case when ${isMissing("x")} then null else ${parse(spec(kind), "x")} end`;
  await db.run(`
    create or replace macro txt(x) as ${clean("x")};
    create or replace macro to_date(x) as ${typedOrNull("date")};
    create or replace macro to_int(x) as ${typedOrNull("int")};
    create or replace macro to_num(x) as ${typedOrNull("number")};
    create or replace macro to_bool(x) as ${typedOrNull("boolean")};
    create or replace macro to_enum(x) as lower(${clean("x")});
  `);
}
