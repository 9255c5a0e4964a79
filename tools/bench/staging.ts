/**
 * `npm run bench -- --size full --only staging`: ingestion alone, three times
 * (fresh state, nothing changed, one touches row changed), each step's wall
 * and CPU time from the engine's log, then every usage step again with the
 * same SQL on a bare DuckDB connection (DuckDB's defaults: every core, 80% of
 * RAM, insertion order kept) over the staged warehouse. CPU seconds are the
 * figure to compare on a shared machine: wall time grows with the load of
 * other processes, CPU time far less. Figures go to staging.json / staging.md.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Db } from "../../loaders/engine/db.ts";
import { bytes } from "./report.ts";

/** One warehouse step of an ingest, as its log line tells it. */
export interface StepTime { name: string; seconds: number; cpuSeconds: number | null }

/** One ingest run. */
export interface IngestRun { label: string; seconds: number; cpuSeconds: number; peakRssBytes: number; steps: StepTime[] }

/** A usage step on a bare connection. */
export interface BareStep { name: string; seconds: number; cpuSeconds: number; rows: number }

/** What `--only staging` measured. */
export interface StagingResult { runs: IngestRun[]; bare: BareStep[] }

/** The steps that read usage, in build order: validation, then every model whose name says usage. */
export const isUsageStep = (name: string) => /(^|_)usage(_|$)/.test(name);

/**
 * Runs each usage step's SQL again on a bare connection to the warehouse at `dbPath`, built by the
 * project copy at `tree`: validation through its own validateTable, models as `create table` from their
 * files. The toolkit's tables are replaced by the bare ones, which are identical (same SQL, same input).
 */
export async function bareUsageSteps(tree: string, dbPath: string, configPath: string, log: (m: string) => void): Promise<BareStep[]> {
  const load = (p: string) => import(pathToFileURL(join(tree, "loaders", "engine", p)).href);
  const [{ validateTable }, { listModels }, { createMacros }, { createFigureMacros }, { ident }, vars] =
    await Promise.all([load("ingest/validate.ts"), load("models.ts"), load("ingest/macros.ts"), load("figure-macros.ts"), load("db.ts"), load("variables.ts")]);
  const instance = await DuckDBInstance.create(dbPath);
  const conn = await instance.connect();
  // The same contract as Db for the engine's functions, with nothing of Db's own settings.
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const bare = {
    run: async (sql: string) => { await conn.run(sql); },
    rows, one: async (sql: string) => (await rows(sql))[0],
    tables: async () => new Set((await rows("select table_name as t from information_schema.tables where table_schema = 'main'")).map((r) => String(r.t))),
  } as unknown as Db;
  const out: BareStep[] = [];
  const time = async (name: string, fn: () => Promise<void>, table: string) => {
    const t0 = performance.now(), c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    const n = Number((await rows(`select count(*) as n from ${ident(table)}`))[0].n);
    out.push({ name, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, rows: n });
    log(`bare ${name}: ${out.at(-1)!.seconds.toFixed(1)}s, ${out.at(-1)!.cpuSeconds.toFixed(1)}s cpu, ${n.toLocaleString("en-US")} rows`);
  };
  try {
    await conn.run("set TimeZone = 'UTC'");
    await createMacros(bare);
    await createFigureMacros(bare);
    // The settings the models read were set by the ingest on its own connection: set them again.
    const config = (await load("config.ts")).loadConfig({ config: configPath });
    const asOf = (await rows("select value from _3r_meta where key = 'as_of'"))[0].value;
    await conn.run(vars.sqlVariables(config, String(asOf)).sql);
    await time("_rej_usage", () => validateTable(bare, "usage", config.today, new Set()), "_rej_usage");
    for (const m of listModels() as { name: string; sql: string; materialized: string }[]) {
      if (!isUsageStep(m.name)) continue;
      await time(m.name, async () => {
        const kind = await rows(`select table_type as k from information_schema.tables where table_schema = 'main' and table_name = '${m.name}'`);
        if (kind[0]) await conn.run(`drop ${kind[0].k === "VIEW" ? "view" : "table"} ${ident(m.name)}`);
        await conn.run(`create ${m.materialized} ${ident(m.name)} as\n${m.sql}`);
      }, m.name);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return out;
}

const secs = (s: number | null) => (s === null ? "—" : `${s.toFixed(1)} s`);

/** The Markdown report of a staging run. */
export function stagingMarkdown(r: StagingResult, head: string): string {
  const full = r.runs[0];
  const usage = full.steps.filter((s) => isUsageStep(s.name));
  const lines = [head, "", "## Ingestion runs (npm run check; wall / CPU of the process tree / peak RSS)", "",
    "| run | wall | CPU | peak RSS | steps rebuilt |", "|---|---|---|---|---|",
    ...r.runs.map((x) => `| ${x.label} | ${secs(x.seconds)} | ${secs(x.cpuSeconds)} | ${bytes(x.peakRssBytes)} | ${x.steps.length} |`),
    "", "## Usage steps: toolkit (fresh ingest) vs the same SQL on a bare DuckDB connection (defaults)", "",
    "| step | toolkit wall | toolkit CPU | bare wall | bare CPU | rows |", "|---|---|---|---|---|---|",
    ...usage.map((s) => {
      const b = r.bare.find((x) => x.name === s.name);
      return `| ${s.name} | ${secs(s.seconds)} | ${secs(s.cpuSeconds)} | ${secs(b?.seconds ?? null)} | ${secs(b?.cpuSeconds ?? null)} | ${b ? b.rows.toLocaleString("en-US") : "—"} |`;
    }),
    "", "## Slowest steps of the fresh ingest", "", "| step | wall | CPU |", "|---|---|---|",
    ...full.steps.slice(0, 15).map((s) => `| ${s.name} | ${secs(s.seconds)} | ${secs(s.cpuSeconds)} |`), ""];
  return lines.join("\n");
}

/** Writes staging.json and staging.md into `dir`; returns the Markdown. */
export function writeStagingReport(dir: string, r: StagingResult, head: string): string {
  writeFileSync(join(dir, "staging.json"), JSON.stringify(r, null, 1) + "\n");
  const md = stagingMarkdown(r, head);
  writeFileSync(join(dir, "staging.md"), md);
  return md;
}
