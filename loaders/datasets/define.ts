/**
 * A published dataset: named tables, one Arrow file each for the pages (`data/<name>/<table>.arrow`, arrow.ts)
 * and one JSON file in `npm run report` (`<name>.json`). Each table is one SQL query over
 * the warehouse, with every column typed and documented; the types become a
 * zod schema that checks the rows before they are written.
 */
import { z } from "zod";
import type { Db, Row } from "../engine/db.ts";

/** Column types as published. */
export type ColumnType = "string" | "number" | "int" | "date" | "boolean" | "string[]";

/** One documented column. */
export interface ColumnDef {
  type: ColumnType;
  /** May be null (a rate with a zero denominator is null: shown as "—"). */
  nullable?: boolean;
  doc: string;
}

/** One table of a dataset. */
export interface TableDef {
  doc: string;
  /** A query over the warehouse; it must order its rows so output is deterministic. */
  sql?: string;
  /** Or: rows computed in TypeScript (for what SQL cannot do, like locating lines in files). */
  load?: (db: Db) => Promise<Row[]>;
  columns: Record<string, ColumnDef>;
  /** Or: columns taken from the query's own result types when the dataset is computed (an analyst's report: datasets/reports.ts). */
  columnsFrom?: (types: { name: string; type: string }[]) => Record<string, ColumnDef>;
}

/** A dataset: the unit a page loads and `npm run report` writes. */
export interface DatasetDef {
  name: string;
  title: string;
  doc: string;
  tables: Record<string, TableDef>;
  /** Published as many small files instead of one (see shards.ts): for per-entity pages that must stay light. */
  shards?: ShardSpec;
}

/**
 * How a sharded dataset is split. Its stub is `src/data/<name>/[archive].tar.ts` (archives Framework unpacks at
 * build time): archive `a<k>` holds `shard-<n>.json` for its shards: the rows of every table whose `key` falls in
 * shard n; archive a0 also holds one file per entry of `files` (whole tables, e.g. a small index the page reads
 * first). Shards are runs of keys in the warehouse's order, so an archive is a range of keys.
 */
export interface ShardSpec {
  /** The column every split table carries (e.g. account_id). */
  key: string;
  /** A query giving `key`, `shard` (an integer ≥ 0) and `archive` (an integer ≥ 0) for every key, in key order. */
  sql: string;
  /** File name (without .json) → tables published whole in it rather than split. */
  files: Record<string, string[]>;
}

/** Declares a dataset (an identity function that checks the shape at compile time). */
export function defineDataset(d: DatasetDef): DatasetDef {
  return d;
}

const base: Record<ColumnType, z.ZodType> = {
  string: z.string(),
  number: z.number().finite(),
  int: z.number().int(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  boolean: z.boolean(),
  "string[]": z.array(z.string()),
};

/** The zod schema of one published column (an array of its values). */
export function columnSchema(c: ColumnDef) {
  return z.array(c.nullable ? base[c.type].nullable() : base[c.type]);
}
