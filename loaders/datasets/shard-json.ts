/**
 * A sharded dataset's split tables written as JSON text by DuckDB, one query per table for every shard at once.
 * At 20,000 accounts the shards hold 3.7 million rows; reading them into JavaScript values, rounding and checking
 * them one by one (emit.ts computeDataset) and splitting them by key cost ~10 s of a build. Here DuckDB writes each
 * column of each shard as the text of a JSON array, with the same values computeDataset publishes (floats rounded
 * to 12 significant digits, non-finite numbers as null, dates as YYYY-MM-DD) and the same checks (documented
 * columns, declared types, no null where none is allowed); JavaScript only joins strings.
 */
import type { Db } from "../engine/db.ts";
import { ident } from "../engine/db.ts";
import type { ColumnDef, ColumnType, DatasetDef, ShardSpec, TableDef } from "./define.ts";

/** DuckDB types each declared type may come from. */
const ACCEPTS: Record<ColumnType, RegExp> = {
  string: /^VARCHAR$/,
  number: /^(DOUBLE|FLOAT|REAL|DECIMAL\(\d+,\d+\)|(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?))$/,
  int: /^U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?$/,
  date: /^DATE$/,
  boolean: /^BOOLEAN$/,
  "string[]": /^VARCHAR\[\]$/,
};
const FLOAT = /^(DOUBLE|FLOAT|REAL|DECIMAL\(\d+,\d+\))$/;

/**
 * One value as JSON text, by its DuckDB type. A float as computeDataset publishes it (columnar.ts roundValue): a
 * whole number as is (without to_json's ".0"), −0 as 0, anything else to 12 significant digits; NaN and ±infinity are null (db.ts plain).
 * Numbers, booleans and dates by a plain cast (to_json builds a document per value: twice the time).
 */
function fragment(col: string, sqlType: string): string {
  const c = ident(col);
  if (FLOAT.test(sqlType)) {
    const x = `${c}::double`;
    return `case when ${x} is null or not isfinite(${x}) then 'null' when ${x} = 0 then '0' when ${x} = trunc(${x}) and abs(${x}) < 9007199254740992 then ${x}::bigint::varchar when ${x} = trunc(${x}) then to_json(${x})::varchar else format('{:.12g}', ${x}) end`;
  }
  if (ACCEPTS.int.test(sqlType) || sqlType === "BOOLEAN") return `coalesce(${c}::varchar, 'null')`;
  if (sqlType === "DATE") return `coalesce('"' || ${c}::varchar || '"', 'null')`;
  return `coalesce(to_json(${c})::varchar, 'null')`;
}

/**
 * A value computeDataset's checks (define.ts columnSchema) refuse: null (or NaN, ±infinity) where the documentation
 * allows none, an int beyond ±(2^53 − 1), a date that is not YYYY-MM-DD.
 */
function refused(col: string, sqlType: string, doc: ColumnDef): string {
  const c = ident(col);
  const odd = [
    ...(doc.type === "int" ? [`${c} not between -9007199254740991 and 9007199254740991`] : []),
    ...(sqlType === "DATE" ? [`${c} not between date '0001-01-01' and date '9999-12-31'`] : []),
  ];
  if (!doc.nullable) odd.unshift(FLOAT.test(sqlType) ? `${c} is null or not isfinite(${c}::double)` : `${c} is null`);
  return odd.length ? odd.join(" or ") : "false";
}

/** The query's columns and DuckDB types, checked against the table's documentation. */
async function checkedColumns(db: Db, where: string, table: TableDef): Promise<Map<string, string>> {
  const types = new Map((await db.rows<{ column_name: string; column_type: string }>(`describe ${table.sql}`)).map((r) => [r.column_name, r.column_type]));
  const undocumented = [...types.keys()].filter((c) => !(c in table.columns));
  if (undocumented.length) throw new Error(`${where}: undocumented column ${undocumented.join(", ")} (add it to the table's columns)`);
  for (const [col, doc] of Object.entries(table.columns)) {
    const type = types.get(col);
    if (type && !ACCEPTS[doc.type].test(type)) throw new Error(`${where}: ${col} is ${type} in SQL, documented as ${doc.type} (cast it in the table's SQL)`);
  }
  return types;
}

/**
 * Table `table` of every shard, shard number → the JSON text of its columns (`{"col":[…],…}`, columns in their
 * documented order, rows in the table's own order). Shards without a row of this table are absent. A row whose
 * key has no shard, or a value the documentation does not allow, is an error naming the first such row (1-based,
 * in the table's order).
 */
export async function shardTableTexts(db: Db, def: DatasetDef, spec: ShardSpec, name: string, table: TableDef): Promise<Map<number, string>> {
  const where = `dataset ${def.name}, table ${name}`;
  if (!table.sql || table.load || table.columnsFrom) throw new Error(`${where}: a sharded table is plain SQL`);
  const types = await checkedColumns(db, where, table);
  const columns = Object.entries(table.columns);
  const aggs = columns.map(([col, doc], i) => {
    const type = types.get(col);
    const text = type ? `string_agg(${fragment(col, type)}, ',' order by "__rn")` : "string_agg('null', ',')";
    const bad = type ? refused(col, type, doc) : doc.nullable ? "false" : "true";
    return `${text} as "__t${i}", min("__rn") filter (where ${bad}) as "__bad${i}"`;
  });
  const key = ident(spec.key);
  const rows = await db.rows<Record<string, string | number | null>>(`
    -- an empty over (): a streaming window, numbering the rows in the order the table's SQL gives them
    with t as (select *, row_number() over () as "__rn" from (${table.sql})),
    s as (select ${key}::varchar as "__key", shard::integer as "__shard" from (${spec.sql})),
    k as (select s."__shard", t.* from t left join s on t.${key}::varchar = s."__key")
    select "__shard", min("__rn") as "__first", arg_min(${key}::varchar, "__rn") as "__k", ${aggs.join(", ")}
    from k group by "__shard"`);
  const lost = rows.find((r) => r.__shard === null);
  if (lost) throw new Error(`${where}, row ${lost.__first}: ${spec.key} ${JSON.stringify(lost.__k)} has no shard`);
  columns.forEach(([col, doc], i) => {
    const bad = rows.map((r) => r[`__bad${i}`]).filter((b) => b !== null).map(Number);
    if (bad.length) throw new Error(`${where}, row ${Math.min(...bad)}: ${col}: a value its documentation (${doc.type}${doc.nullable ? ", nullable" : ""}) does not allow: null, a number that is not finite, an int beyond 2^53 or a date outside years 1–9999`);
  });
  const out = new Map<number, string>();
  for (const r of rows) out.set(Number(r.__shard), `{${columns.map(([col], i) => `${JSON.stringify(col)}:[${r[`__t${i}`] ?? ""}]`).join(",")}}`);
  return out;
}

/** An empty table as JSON text (a shard with no row of it still carries it, every column empty). */
export function emptyTableText(table: TableDef): string {
  return `{${Object.keys(table.columns).map((c) => `${JSON.stringify(c)}:[]`).join(",")}}`;
}
