/** Writing: rows go to buffered temporary CSV files, then DuckDB sorts them into zstd Parquet. */
import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { TableSpec } from "./tables.js";

/** Rows per Parquet row group: large groups let dictionaries and run lengths compress the sorted keys. */
export const ROW_GROUP_SIZE = 1_000_000;

type Cell = string | number | boolean | null;

/** One CSV field: empty for null, quoted when it holds a comma, quote or newline. */
function field(v: Cell): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** An append-only CSV file with a 1 MB write buffer; counts its rows. */
export class CsvSink {
  readonly path: string;
  rows = 0;
  private fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.path = path;
    this.fd = openSync(path, "w");
  }

  /** Appends one row. */
  row(...cells: Cell[]): void {
    this.line(cells.map(field).join(","));
  }

  /** Appends one pre-formatted line (numbers only, no quoting needed). */
  line(text: string): void {
    this.buffer.push(text);
    this.size += text.length + 1;
    this.rows++;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length) writeSync(this.fd, this.buffer.join("\n") + "\n");
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A single-threaded DuckDB connection, so that Parquet files come out byte-identical run after run. */
export async function openDuckDB(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  return instance.connect();
}

/** Sorts one table's CSV into `<dir>/<name>.parquet`; returns the file size in bytes. */
export async function writeParquet(conn: DuckDBConnection, spec: TableSpec, csvPath: string, dir: string): Promise<number> {
  const columns = spec.csv.map(([n, t]) => `'${n}': '${t}'`).join(", ");
  const select = spec.select ?? spec.csv.map(([n]) => n).join(", ");
  const target = join(dir, `${spec.name}.parquet`);
  await conn.run(`
    COPY (
      SELECT ${select}
      FROM read_csv('${csvPath.replaceAll("'", "''")}', columns = {${columns}}, header = false,
                    delim = ',', quote = '"', escape = '"', auto_detect = false)
      ORDER BY ${spec.orderBy}
    ) TO '${target.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`);
  return statSync(target).size;
}
