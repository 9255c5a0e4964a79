/**
 * A thin layer over @duckdb/node-api: open a database with sensible limits,
 * run statements, read rows as plain JSON-ready values.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { availableParallelism } from "node:os";

/** A plain value as published: no bigint, dates as ISO strings. */
export type Plain = string | number | boolean | null | Plain[];
export type Row = Record<string, Plain>;

/** Open options: a read-only open never takes the write lock; threads and memory come from the config (`duckdb`). */
export interface OpenOptions {
  readOnly?: boolean;
  /** null or absent: every core. */
  threads?: number | null;
  /** Default 2GB: with what DuckDB and Node hold outside its buffer pool, a 100M-row book builds under 3 GiB (docs/decisions.md). */
  memoryLimit?: string;
  /** Time zone in which a timestamp becomes a date; UTC unless the config says otherwise (never the machine's). */
  timeZone?: string;
}

/**
 * The storage format of a database file this toolkit creates. DuckDB's default is the oldest format it can write
 * (v1.0.0), whose string compression is the slow part of writing a large table: with this one, storing the
 * per-user-day usage grain cost ~30% less CPU (docs/decisions.md, "Usage staging at 100M rows"). A warehouse is
 * a cache only this toolkit's DuckDB reads; one written in an older format is rebuilt (warehouse.ts).
 */
export const STORAGE_VERSION = "v1.5.0";

/** DuckDB's settings for an open. */
function settings(options: OpenOptions): Record<string, string> {
  const s: Record<string, string> = {
    threads: String(options.threads ?? Math.max(1, availableParallelism())),
    memory_limit: options.memoryLimit ?? "2GB",
    // CSV and Parquet reads keep file order, so rowid + 2 is the line number.
    preserve_insertion_order: "true",
    storage_compatibility_version: STORAGE_VERSION,
  };
  if (options.readOnly) s.access_mode = "READ_ONLY";
  return s;
}

/** An open database and one connection to it. */
export class Db {
  private constructor(readonly instance: DuckDBInstance, readonly conn: DuckDBConnection, private readonly timeZone: string, private readonly owner: boolean) {}

  static async open(path = ":memory:", options: OpenOptions = {}): Promise<Db> {
    const instance = await DuckDBInstance.create(path, settings(options));
    const timeZone = options.timeZone ?? "UTC";
    return new Db(instance, await Db.connect(instance, timeZone), timeZone, true);
  }

  private static async connect(instance: DuckDBInstance, timeZone: string): Promise<DuckDBConnection> {
    const conn = await instance.connect();
    // DuckDB takes the machine's zone by default: a date would depend on where the build runs.
    await conn.run(`set TimeZone = '${timeZone.replaceAll("'", "''")}'`);
    return conn;
  }

  /**
   * A second connection to the same database, with the same settings, to run a query beside this one's (DuckDB
   * runs them at once). Its `close` closes only the connection.
   */
  async fork(): Promise<Db> {
    return new Db(this.instance, await Db.connect(this.instance, this.timeZone), this.timeZone, false);
  }

  /** Runs a statement (or several separated by semicolons) for its effect. */
  async run(sql: string, params?: Record<string, Plain>): Promise<void> {
    if (params) await this.conn.run(sql, params as never);
    else await this.conn.run(sql);
  }

  /** Runs a query and returns its rows as plain objects. */
  async rows<T extends Row = Row>(sql: string, params?: Record<string, Plain>): Promise<T[]> {
    const reader = params ? await this.conn.runAndReadAll(sql, params as never) : await this.conn.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((r) => plainRow(r)) as T[];
  }

  /** Runs a query and returns its result column by column (as published), in the query's column order. */
  async columns(sql: string): Promise<Record<string, Plain[]>> {
    return (await this.typedColumns(sql)).columns;
  }

  /** As `columns`, with DuckDB's type of each column as it names it (e.g. "VARCHAR", "DECIMAL(18,2)"), in order. */
  async typedColumns(sql: string): Promise<{ columns: Record<string, Plain[]>; types: { name: string; type: string }[] }> {
    const reader = await this.conn.runAndReadAll(sql);
    const columns: Record<string, Plain[]> = {};
    for (const [name, values] of Object.entries(reader.getColumnsObjectJS())) columns[name] = (values as unknown[]).map(plain);
    const names = reader.columnNames();
    return { columns, types: reader.columnTypes().map((t, i) => ({ name: names[i], type: t.toString() })) };
  }

  /** The first row of a query, or undefined. */
  async one<T extends Row = Row>(sql: string, params?: Record<string, Plain>): Promise<T | undefined> {
    return (await this.rows<T>(sql, params))[0];
  }

  /** The storage format of the open database file (e.g. "v1.5.0+"), null in memory. */
  async storageVersion(): Promise<string | null> {
    const r = await this.one<{ v: string | null }>("select tags['storage_version'] as v from duckdb_databases() where database_name = current_database()");
    return r?.v ?? null;
  }

  /** Names of the tables in the main schema. */
  async tables(): Promise<Set<string>> {
    const rows = await this.rows<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'main'");
    return new Set(rows.map((r) => r.name));
  }

  close(): void {
    this.conn.closeSync();
    if (this.owner) this.instance.closeSync();
  }
}

/** Converts one DuckDB JS value to a plain JSON value. */
export function plain(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function plainRow(r: Record<string, unknown>): Row {
  const out: Row = {};
  for (const k of Object.keys(r)) out[k] = plain(r[k]);
  return out;
}

/** Quotes an identifier for SQL. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for SQL (used only for file paths and names we control). */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
