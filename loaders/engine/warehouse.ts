/**
 * Ingest once: stage the inputs into one DuckDB file per data folder and build
 * every SQL model on top. Each step (raw load, validation, model) has a
 * fingerprint of everything it reads; a step whose fingerprint is unchanged
 * is kept, so an unchanged input is not read again and a changed one rebuilds
 * exactly what depends on it.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { asOfLabel, type Config } from "./config.ts";
import { CONTRACT, TABLE_NAMES, type TableName } from "./contract.ts";
import { Db, ident, literal, STORAGE_VERSION } from "./db.ts";
import { engineHash, fileHashes, hash } from "./fingerprint.ts";
import { discover, type InputFile } from "./ingest/discover.ts";
import { createEmptyRaw, dropRelation, loadRaw } from "./ingest/load-raw.ts";
import { createFigureMacros } from "./figure-macros.ts";
import { createMacros } from "./ingest/macros.ts";
import type { Notice } from "./ingest/notices.ts";
import type { Problem } from "./ingest/problems.ts";
import { sanityNotices } from "./ingest/sanity.ts";
import { DATE_COLUMN, dataSpan, tableStats, type TableStats } from "./table-stats.ts";
import { readerError } from "./ingest/file-kind.ts";
import { validateTable } from "./ingest/validate.ts";
import { withLock } from "./lock.ts";
import { listModels } from "./models.ts";
import { modelError, ReportError } from "./reports.ts";
import { type Log, progress } from "./progress.ts";
import { sqlVariables, usedVariables } from "./variables.ts";

/** What the staging found for one table. */
export interface TableSummary {
  table_name: TableName;
  file: string | null;
  format: string | null;
  bytes: number | null;
  sha256: string | null;
  rows_read: number;
  rows_rejected: number;
  rows_used: number;
  /** The file could not be used at all (a file-level problem): every row it has counts as rejected. */
  unusable: boolean;
  date_column: string | null;
  date_min: string | null;
  date_max: string | null;
}

/** The outcome of an ingest. */
export interface Ingest {
  dbPath: string;
  asOf: string;
  /** Where the as-of date came from, as the footer and the Data quality page say it (config.ts asOfLabel). */
  asOfSource: string;
  /** Problems that make a table unusable (missing file or column, unreadable file…). */
  fatal: Problem[];
  tables: TableSummary[];
  /** Fingerprint of every step, by the table it makes. */
  fingerprints: Record<string, string>;
  /** Steps that ran (the rest were unchanged). */
  rebuilt: string[];
  ignoredFiles: string[];
  /** Problems with the folder itself (missing or doubled files): part of `fatal`, not stored with any table. */
  discovery: Problem[];
  /** Things to know that reject no row (also on the Data quality page). */
  notices: Notice[];
}

/** Options of an ingest. */
export interface IngestOptions {
  /** Called as soon as a file is found unusable, before the larger files are read (so `check` can say it early). */
  onFileProblems?: (problems: Problem[]) => void;
  /**
   * Called once the inputs are read and validated and every stg_ table is built, before the models: the facts the
   * provenance footer shows are final by then (so a build can hand Framework its footer while the models build).
   */
  onInputsStaged?: (facts: Pick<Ingest, "asOf" | "asOfSource" | "tables">) => void;
}

/** Errors of a disk that is full or cannot be written. */
const DISK_FULL = /ENOSPC|EROFS|EDQUOT|No space left|Read-only file system|Permission denied|EACCES/i;

/** The warehouse file for a config's data folder. */
export function warehousePath(config: Config): string {
  return join(config.stateDir, hash(config.dataDir).slice(0, 12), "warehouse.duckdb");
}

/**
 * Runs `fn` holding the data folder's lock (see lock.ts): staging and every read of the warehouse
 * that must match it go inside one call, so no other command re-stages in between.
 */
export function withWarehouse<T>(config: Config, fn: () => Promise<T>): Promise<T> {
  return withLock(`${warehousePath(config)}.lock`, fn);
}

/** Stages the inputs and builds the models, reusing every unchanged step. */
export async function ingest(config: Config, log: Log = progress(), options: IngestOptions = {}): Promise<Ingest> {
  const dbPath = warehousePath(config);
  mkdirSync(join(dbPath, ".."), { recursive: true });
  return withWarehouse(config, async () => {
    try {
      return await ingestLocked(config, dbPath, log, options);
    } catch (err) {
      // A full or read-only disk: a half-written warehouse is only a cache, so free its space; retrying cannot help.
      if (DISK_FULL.test(`${(err as NodeJS.ErrnoException).code ?? ""} ${String(err)}`)) {
        for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true });
        throw err;
      }
      // A warehouse we cannot open or that an older version wrote is only a cache: start over once.
      if (!/Serialization|Corrupt|not a valid DuckDB|IO Error/i.test(String(err))) throw err;
      log(`warehouse unreadable (${String(err).split("\n")[0]}); rebuilding it`);
      rmSync(dbPath, { force: true });
      rmSync(`${dbPath}.wal`, { force: true });
      return ingestLocked(config, dbPath, log, options);
    }
  });
}

async function ingestLocked(config: Config, dbPath: string, log: Log, options: IngestOptions): Promise<Ingest> {
  const started = Date.now();
  const found = discover(config.dataDir);
  const fatal: Problem[] = [...found.problems];
  const files = Object.values(found.files);
  const sha = await fileHashes(files.map((f) => f.path), join(config.stateDir, "file-hashes.json"));
  // The time zone decides the date of a timestamp: every step depends on it.
  const engine = hash(engineHash(), config.timeZone);
  const db = await openCurrent(dbPath, config, log);
  const rebuilt: string[] = [];
  try {
    await db.run(`create table if not exists _3r_nodes (name varchar primary key, fingerprint varchar)`);
    await db.run(`create table if not exists _3r_raw (table_name varchar primary key, path varchar, format varchar,
      bytes bigint, sha256 varchar, records bigint, malformed_lines bigint[], fatal json)`);
    await db.run(`create table if not exists _3r_raw_notices (table_name varchar primary key, notices json)`);
    await createMacros(db);
    await createFigureMacros(db);
    const stored = new Map((await db.rows<{ name: string; fingerprint: string }>("select * from _3r_nodes")).map((r) => [r.name, r.fingerprint]));
    const existing = await db.tables();
    const fps: Record<string, string> = {};
    /** Runs `build` unless the step's fingerprint and table are already there. */
    const step = async (name: string, fp: string, build: () => Promise<void>) => {
      fps[name] = fp;
      if (stored.get(name) === fp && existing.has(name)) return;
      const t0 = Date.now(), cpu0 = process.cpuUsage();
      await build();
      await db.run(`insert or replace into _3r_nodes values (${literal(name)}, ${literal(fp)})`);
      rebuilt.push(name);
      // CPU time (all of DuckDB's threads) says what a step costs even on a busy machine, where wall time does not.
      const cpu = process.cpuUsage(cpu0);
      log(`${name} built in ${((Date.now() - t0) / 1000).toFixed(1)}s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)}s cpu`);
    };

    // Small files first: a problem in accounts is told before 3 million usage rows are read.
    const bySize = [...TABLE_NAMES].sort((a, b) => (found.files[a]?.bytes ?? 0) - (found.files[b]?.bytes ?? 0));
    for (const table of bySize) {
      const file = found.files[table];
      const mapping = config.columns[table] ?? {};
      const fp = hash("raw", engine, file ? [file.path, sha[file.path]] : "absent", mapping);
      await step(`raw_${table}`, fp, async () => {
        if (!file) {
          await createEmptyRaw(db, table);
          await db.run(`insert or replace into _3r_raw values (${literal(table)}, null, null, null, null, 0, [], '[]')`);
          await db.run(`insert or replace into _3r_raw_notices values (${literal(table)}, '[]')`);
          return;
        }
        log(`${table}: reading ${file.path.split("/").pop()} (${(file.bytes / 1e6).toFixed(1)} MB)`);
        const r = await loadRaw(db, file, mapping, join(dbPath, ".."));
        await db.run(`insert or replace into _3r_raw_notices values (${literal(table)}, ${literal(JSON.stringify(r.notices))})`);
        await db.run(`insert or replace into _3r_raw values (${literal(table)}, ${literal(file.path)}, ${literal(file.format)},
          ${file.bytes}, ${literal(sha[file.path])}, ${r.records}, [${r.malformedLines.join(",")}]::bigint[],
          ${literal(JSON.stringify([...r.fatal, ...r.rows]))})`);
        log(`${table}: ${r.records.toLocaleString("en-US")} rows read`);
      });
      if (options.onFileProblems && file) {
        const early = JSON.parse((await db.one<{ f: string }>(`select fatal::varchar as f from _3r_raw where table_name = ${literal(table)}`))!.f) as Problem[];
        const unusableFile = early.filter((p) => p.line === null || p.line === 1);
        if (unusableFile.length) options.onFileProblems(unusableFile);
      }
    }
    const readRawInfo = async () => new Map((await db.rows<{ table_name: string; fatal: string }>("select table_name, fatal::varchar as fatal from _3r_raw"))
      .map((r) => [r.table_name, JSON.parse(r.fatal) as Problem[]]));
    const fileLevel = (problems: Problem[]) => problems.filter((p) => p.line === null || p.line === 1);
    let rawInfo = await readRawInfo();
    // Parents whose keys cannot be checked against: unreadable, or with no (single) file.
    const unusable = new Set<TableName>([...[...rawInfo].filter(([, p]) => fileLevel(p).length).map(([t]) => t as TableName),
      ...TABLE_NAMES.filter((t) => !found.files[t])]);
    for (const table of TABLE_NAMES) {
      const parents = Object.values(CONTRACT[table].parents ?? {});
      // accounts read subscriptions too: customer_since may be empty for an account that has subscription rows.
      const billing = table === "accounts" ? [fps.raw_subscriptions, unusable.has("subscriptions")] : [];
      const fp = hash("rejects", engine, fps[`raw_${table}`], parents.map((p) => [fps[`raw_${p}`], fps[`_rej_${p}`], unusable.has(p)]), config.today, billing);
      await step(`_rej_${table}`, fp, () => validateReadable(db, table, found.files[table], config.today, unusable));
    }
    rawInfo = await readRawInfo();
    for (const problems of rawInfo.values()) fatal.push(...fileLevel(problems));

    let asOf = config.asOf;
    let vars: Record<string, unknown> | null = null;
    let stats: Map<TableName, TableStats> | null = null;
    let tables: TableSummary[] | null = null;
    const noFile = new Set(found.problems.map((p) => p.table).filter((t): t is TableName => t !== null));
    for (const model of listModels()) {
      if (model.layer !== "staging" && !vars) {
        // Every stg_ table is built by now (staging models come first): count them, the as-of date is their latest date.
        stats = await tableStats(db, fps);
        asOf ??= dataSpan(stats).hi ?? config.today;
        tables = await summarize(db, stats, rawInfo, noFile);
        options.onInputsStaged?.({ asOf, asOfSource: asOfLabel(config), tables });
        const v = sqlVariables(config, asOf);
        await db.run(v.sql);
        vars = v.values;
      }
      // Only the settings a model reads are part of its fingerprint: a threshold change rebuilds its users, not usage.
      const used = vars ? usedVariables(model.sql).map((k) => [k, vars![k] ?? null]) : [];
      const fp = hash("model", model.sql, model.deps.map((d) => [d, fps[d]]), used);
      await step(model.name, fp, async () => {
        await dropRelation(db, model.name);
        await db.run(`create ${model.materialized} ${ident(model.name)} as\n${model.sql}`).catch(async (err) => {
          // An analyst's SQL is input: its mistakes are plain messages with file and line, not internal errors.
          const message = modelError(model.path, err, [...await db.tables()], model.sql);
          throw model.layer === "reports" ? new ReportError(message) : new Error(message);
        });
        if (model.layer === "reports") {
          const n = await db.one<{ n: number }>(`select count(*)::integer as n from ${ident(model.name)}`);
          if (!n?.n) log(`warning: ${model.path}: the query returned no rows (its page will show an empty table)`);
        }
      });
    }
    stats ??= await tableStats(db, fps);
    asOf ??= dataSpan(stats).hi ?? config.today;
    tables ??= await summarize(db, stats, rawInfo, noFile);
    if (!vars) options.onInputsStaged?.({ asOf, asOfSource: asOfLabel(config), tables });
    const notices = [...found.notices, ...(await db.rows<{ n: string }>("select notices::varchar as n from _3r_raw_notices order by table_name"))
      .flatMap((r) => JSON.parse(r.n) as Notice[])
      .filter((n) => n.table && found.files[n.table]), ...await sanityNotices(db, config, asOf, tables, dataSpan(stats))];
    await saveMeta(db, { as_of: asOf, as_of_source: asOfLabel(config), currency: config.currency }, tables, notices);
    log(`staged ${tables.reduce((n, t) => n + t.rows_used, 0).toLocaleString("en-US")} rows in ${((Date.now() - started) / 1000).toFixed(1)}s` +
      (rebuilt.length ? ` (${rebuilt.length} steps rebuilt)` : " (nothing changed)"));
    return { dbPath, asOf, asOfSource: asOfLabel(config), fatal, tables, fingerprints: fps, rebuilt, ignoredFiles: found.ignored, discovery: found.problems, notices };
  } finally {
    db.close();
  }
}

/** Opens the warehouse; one written in an older storage format (slower to write) is only a cache: it starts over. */
async function openCurrent(dbPath: string, config: Config, log: Log): Promise<Db> {
  const open = () => Db.open(dbPath, { ...config.duckdb, timeZone: config.timeZone });
  const db = await open();
  const version = await db.storageVersion();
  if (version === null || version.startsWith(STORAGE_VERSION)) return db;
  db.close();
  log(`warehouse written in storage format ${version}: rebuilding it in ${STORAGE_VERSION}`);
  for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true });
  return open();
}

/**
 * Validates one table. A Parquet file is first read whole here, so a file
 * damaged inside (its footer intact) fails here: it is then unusable, named
 * with a plain reason, and validated as empty, like any unreadable file.
 */
async function validateReadable(db: Db, table: TableName, file: InputFile | undefined, today: string, unusable: Set<TableName>): Promise<void> {
  try {
    await validateTable(db, table, today, unusable);
  } catch (err) {
    if (file?.format !== "parquet") throw err;
    const [expected, got] = readerError(file, err);
    const problem: Problem = { table, file: file.path, line: null, column: null, expected, got };
    await createEmptyRaw(db, table);
    await db.run(`update _3r_raw set fatal = ${literal(JSON.stringify([problem]))} where table_name = ${literal(table)}`);
    unusable.add(table);
    await validateTable(db, table, today, unusable);
  }
}

/** Rows read, rejected and used per table; they must reconcile. */
async function summarize(db: Db, stats: Map<TableName, TableStats>, rawInfo: Map<string, Problem[]>, noFile: Set<TableName>): Promise<TableSummary[]> {
  const out: TableSummary[] = [];
  for (const table of TABLE_NAMES) {
    const meta = (await db.one<{ path: string | null; format: string | null; bytes: number | null; sha256: string | null; records: number; malformed: number }>(
      `select path, format, bytes, sha256, records, len(malformed_lines) as malformed from _3r_raw where table_name = ${literal(table)}`))!;
    const { rejected, used, lo, hi } = stats.get(table)!;
    const dc = DATE_COLUMN[table] ?? null;
    const unusable = noFile.has(table) || (rawInfo.get(table) ?? []).some((p) => p.line === null || p.line === 1);
    const read = meta.records + meta.malformed;
    const s: TableSummary = {
      table_name: table, file: meta.path ? meta.path.split("/").pop()! : null, format: meta.format, bytes: meta.bytes, sha256: meta.sha256,
      // An unusable file stages nothing: all the rows it was seen to hold are rejected (none if it could not be read).
      rows_read: read, rows_rejected: unusable ? read - used : rejected, rows_used: used, unusable,
      date_column: dc, date_min: lo, date_max: hi,
    };
    if (s.rows_read !== s.rows_used + s.rows_rejected) {
      throw new Error(`internal error: ${table} read ${s.rows_read} rows but used ${s.rows_used} and rejected ${s.rows_rejected}`);
    }
    out.push(s);
  }
  return out;
}

/** Keeps the run's facts in the warehouse, for the datasets that publish them. */
async function saveMeta(db: Db, meta: Record<string, string>, tables: TableSummary[], notices: Notice[]): Promise<void> {
  await db.run(`create or replace table _3r_notices (table_name varchar, file varchar, column_name varchar, message varchar)`);
  for (const n of notices) {
    await db.run(`insert into _3r_notices values ($t, $f, $c, $m)`, { t: n.table, f: n.file, c: n.column, m: n.message });
  }
  await db.run(`create or replace table _3r_meta as select * from (values ${Object.entries(meta).map(([k, v]) => `(${literal(k)}, ${literal(v)})`).join(", ")}) t(key, value)`);
  await db.run(`create or replace table _3r_files (table_name varchar, file varchar, format varchar, bytes bigint, sha256 varchar,
    rows_read bigint, rows_rejected bigint, rows_used bigint, date_column varchar, date_min date, date_max date)`);
  for (const t of tables) {
    const v = (x: string | number | null) => (x === null ? "null" : typeof x === "number" ? String(x) : literal(x));
    await db.run(`insert into _3r_files values (${[t.table_name, t.file, t.format, t.bytes, t.sha256, t.rows_read, t.rows_rejected, t.rows_used, t.date_column, t.date_min, t.date_max].map(v).join(", ")})`);
  }
}
