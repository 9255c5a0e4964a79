/**
 * Test helpers: write a small input folder, stage it into a throwaway
 * warehouse, and compute datasets from it, all in a temp directory.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type Config } from "../../loaders/engine/config.ts";
import { Db, type Row } from "../../loaders/engine/db.ts";
import { toRows } from "../../loaders/datasets/columnar.ts";
import { computeDataset, type DatasetFile } from "../../loaders/datasets/emit.ts";
import { datasetByName } from "../../loaders/datasets/index.ts";
import { silent } from "../../loaders/engine/progress.ts";
import { ingest, type Ingest } from "../../loaders/engine/warehouse.ts";

/** A staged folder: its config, ingest result, and an open read-only warehouse. */
export interface Staged {
  dir: string;
  config: Config;
  result: Ingest;
  db: Db;
  /** Rows of a SQL query against the warehouse. */
  query: (sql: string) => Promise<Row[]>;
  /** A published dataset computed from this folder, and its tables as rows. */
  dataset: (name: string) => Promise<{ file: DatasetFile; table: (t: string) => Row[] }>;
  close: () => void;
}

/** Options: the config file's content, and today's date (pinned so tests never drift). */
export interface StageOptions {
  config?: Record<string, unknown>;
  today?: string;
}

/** Lines → CSV text (header first); a helper for writing fixtures inline. */
export function csv(...lines: string[]): string {
  return lines.join("\n") + "\n";
}

/** Writes `files` (name → content) into a fresh folder and stages it. */
/** A file to write, or a symbolic link to make (`target` as the link holds it, relative to the data folder or absolute). */
export type StagedFile = string | Buffer | { symlink: string };

export async function stage(files: Record<string, StagedFile>, options: StageOptions = {}): Promise<Staged> {
  const dir = mkdtempSync(join(tmpdir(), "3r-test-"));
  const data = join(dir, "data");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(data);
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === "object" && "symlink" in content) symlinkSync(content.symlink, join(data, name));
    else writeFileSync(join(data, name), content);
  }
  const configPath = join(dir, "3r.config.json");
  writeFileSync(configPath, JSON.stringify({ onRejectedRows: "publish", ...options.config }));
  // Only today is pinned from the environment; THREER_THREADS passes (vitest.config.ts sets one DuckDB thread).
  const env = { THREER_TODAY: options.today ?? "2026-11-22", THREER_THREADS: process.env.THREER_THREADS };
  const config = loadConfig({ config: configPath, data, stateDir: join(dir, "state") }, env);
  const result = await ingest(config, silent);
  const db = await Db.open(result.dbPath, { readOnly: true, threads: config.duckdb.threads });
  return {
    dir, config, result, db,
    query: (sql) => db.rows(sql),
    dataset: async (name) => {
      const file = await computeDataset(db, datasetByName(name));
      return { file, table: (t) => toRows(file.tables[t]) };
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
