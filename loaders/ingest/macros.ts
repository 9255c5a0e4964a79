/**
 * SQL macros the staging models use to parse raw text: the very expressions
 * validation accepted, so a staged value is exactly what was checked.
 */
import type { ColumnSpec } from "../contract.ts";
import type { Db } from "../db.ts";
import { clean, parse } from "./checks.ts";

const spec = (kind: ColumnSpec["kind"]): ColumnSpec => ({ name: "x", kind, required: false, meaning: "" });

/** `txt(x)`, `to_date(x)`, `to_int(x)`, `to_num(x)`, `to_bool(x)`, `to_enum(x)`: raw text → clean typed value or null. */
export async function createMacros(db: Db): Promise<void> {
  const c = clean("x");
  await db.run(`
    create or replace macro txt(x) as ${c};
    create or replace macro to_date(x) as ${parse(spec("date"), c)};
    create or replace macro to_int(x) as ${parse(spec("int"), c)};
    create or replace macro to_num(x) as ${parse(spec("number"), c)};
    create or replace macro to_bool(x) as ${parse(spec("boolean"), c)};
    create or replace macro to_enum(x) as lower(${c});
  `);
}
