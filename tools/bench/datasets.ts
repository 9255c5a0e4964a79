/**
 * Each published table: the toolkit's computeDataset (query, conversion to
 * plain values, rounding, zod checks, columnar shaping) versus the same SQL
 * on a bare @duckdb/node-api connection (runAndReadAll, no conversion) over
 * the same staged warehouse with the same threads and memory settings.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Db } from "../../loaders/engine/db.ts";
import type { DatasetDef } from "../../loaders/datasets/define.ts";
import type { computeDataset } from "../../loaders/datasets/emit.ts";

/** The toolkit's dataset code, as loaded from the bench's snapshot of the project. */
export interface Toolkit {
  DATASETS: readonly DatasetDef[];
  computeDataset: typeof computeDataset;
  Db: typeof Db;
}

/** Imports the dataset code of the project copy at `tree` (the code that built its warehouse). */
export async function loadToolkit(tree: string): Promise<Toolkit> {
  const load = (p: string) => import(pathToFileURL(join(tree, "loaders", p)).href);
  const [index, emit, db] = await Promise.all([load("datasets/index.ts"), load("datasets/emit.ts"), load("engine/db.ts")]);
  return { DATASETS: index.DATASETS, computeDataset: emit.computeDataset, Db: db.Db };
}

/** Timings of one table, in milliseconds (medians of 3 after one warm-up run). */
export interface TableTiming {
  dataset: string;
  table: string;
  kind: "sql" | "ts";
  rows: number;
  /** Size of the table in the published JSON (column-oriented). */
  jsonBytes: number;
  toolkitMs: number;
  /** The toolkit's query alone (Db.rows: query + conversion to plain JS values); null for a TS table. */
  queryMs: number | null;
  bareMs: number | null;
  /** Bare, then the result as JS values (getColumnsJS): the least any JS consumer of the rows must pay. */
  bareJsMs: number | null;
  ratio: number | null;
}

/** One dataset: sums over its tables; the ratio compares SQL tables only (TS tables have no bare equivalent). */
export interface DatasetTiming {
  dataset: string;
  tables: number;
  tsTables: number;
  toolkitMs: number;
  toolkitSqlMs: number;
  bareMs: number;
  bareJsMs: number;
  ratio: number | null;
  /** toolkit / (bare + JS values). */
  ratioJs: number | null;
}

/** Median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** Times every table of every dataset; `log` gets one line per table. */
export async function compareDatasets(dbPath: string, kit: Toolkit, log: (m: string) => void): Promise<{ tables: TableTiming[]; datasets: DatasetTiming[] }> {
  const db = await kit.Db.open(dbPath, { readOnly: true });
  // The same settings loaders/engine/db.ts gives the toolkit.
  const bare = await DuckDBInstance.create(dbPath, {
    threads: process.env.THREER_THREADS ?? String(Math.max(1, availableParallelism())),
    memory_limit: process.env.THREER_MEMORY ?? "2GB",
    preserve_insertion_order: "true",
    access_mode: "READ_ONLY",
  });
  const conn = await bare.connect();
  const tables: TableTiming[] = [];
  try {
    for (const def of kit.DATASETS) {
      for (const [name, t] of Object.entries(def.tables)) {
        const one: DatasetDef = { ...def, tables: { [name]: t } };
        const toolkit = () => kit.computeDataset(db, one);
        const query = t.sql ? () => db.rows(t.sql!) : null;
        const plain = t.sql ? () => conn.runAndReadAll(t.sql!) : null;
        const plainJs = t.sql ? async () => (await conn.runAndReadAll(t.sql!)).getColumnsJS() : null;
        const out = await toolkit();
        for (const f of [query, plain, plainJs]) if (f) await f();
        const runs: Record<"toolkit" | "query" | "bare" | "bareJs", number[]> = { toolkit: [], query: [], bare: [], bareJs: [] };
        // Interleaved, so that a neighbour's burst of CPU hurts both sides alike.
        for (let i = 0; i < 3; i++) {
          runs.toolkit.push(await time(toolkit));
          if (query) runs.query.push(await time(query));
          if (plain) runs.bare.push(await time(plain));
          if (plainJs) runs.bareJs.push(await time(plainJs));
        }
        const cols = Object.values(out.tables[name]);
        const bareMs = plain ? median(runs.bare) : null;
        const row: TableTiming = {
          dataset: def.name, table: name, kind: t.sql ? "sql" : "ts", rows: cols.length ? cols[0].length : 0,
          jsonBytes: Buffer.byteLength(JSON.stringify(out.tables[name])),
          toolkitMs: median(runs.toolkit), queryMs: query ? median(runs.query) : null, bareMs, bareJsMs: plainJs ? median(runs.bareJs) : null,
          ratio: bareMs ? median(runs.toolkit) / bareMs : null,
        };
        tables.push(row);
        log(`${def.name}.${name}: ${row.rows.toLocaleString("en-US")} rows, toolkit ${row.toolkitMs.toFixed(1)} ms, bare ${bareMs === null ? "n/a (TS)" : `${bareMs.toFixed(1)} ms`}`);
      }
    }
  } finally {
    conn.closeSync();
    bare.closeSync();
    db.close();
  }
  return { tables, datasets: summarize(tables) };
}

/** Per-dataset sums of the table timings. */
export function summarize(tables: TableTiming[]): DatasetTiming[] {
  const names = [...new Set(tables.map((t) => t.dataset))];
  return names.map((dataset) => {
    const ts = tables.filter((t) => t.dataset === dataset);
    const sql = ts.filter((t) => t.kind === "sql");
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const bareMs = sum(sql.map((t) => t.bareMs!));
    const bareJsMs = sum(sql.map((t) => t.bareJsMs!));
    const toolkitSqlMs = sum(sql.map((t) => t.toolkitMs));
    return {
      dataset, tables: ts.length, tsTables: ts.length - sql.length, toolkitMs: sum(ts.map((t) => t.toolkitMs)),
      toolkitSqlMs, bareMs, bareJsMs, ratio: bareMs > 0 ? toolkitSqlMs / bareMs : null, ratioJs: bareJsMs > 0 ? toolkitSqlMs / bareJsMs : null,
    };
  });
}
