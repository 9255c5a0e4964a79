/**
 * `npm run bench [-- --size small|medium|full] [--seed 42] [--only staging]`: generates (or
 * reuses) a large book, then measures ingestion, a full build, rebuilds with
 * nothing changed and with one touches row changed, every dataset against
 * bare DuckDB, and the data each page downloads. Progress goes to stderr; the
 * figures to .3r/bench/<size>/bench.json and bench.md, and the table to stdout.
 * `--only staging` measures ingestion alone (staging.ts): staging.json and staging.md.
 * `--only cold [--against <commit>] [--rounds 2]` times cold builds of the bundled sample, this commit
 * against another, side by side (cold.ts): .3r/bench/cold/cold.json and cold.md.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs, runMain, UsageError } from "../../loaders/cli/args.ts";
import { loadConfig } from "../../loaders/engine/config.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { progress } from "../../loaders/engine/progress.ts";
import { warehousePath } from "../../loaders/engine/warehouse.ts";
import { ensureBook, SIZES, type Size } from "./book.ts";
import { coldBuilds } from "./cold.ts";
import { compareDatasets, loadToolkit } from "./datasets.ts";
import { changeOneTouch, linkInputs, restoreTouches } from "./inputs.ts";
import { accountPagesCost, buildFigures, measure, type Measured, parseBuildLog, perSecond, runFigures } from "./measure.ts";
import { accountView, pageData } from "./pages.ts";
import { bytes, type BenchResult, codeVersion, machine, writeReport } from "./report.ts";
import { bareUsageSteps, type IngestRun, writeStagingReport } from "./staging.ts";
import { snapshotTree } from "./tree.ts";

const TSX = join(ROOT, "node_modules", ".bin", "tsx");

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ["size", "seed", "only", "against", "rounds"]);
  const only = args.values.only;
  if (only !== undefined && only !== "staging" && only !== "cold") throw new UsageError(`--only must be staging or cold; got ${JSON.stringify(only)}`);
  if (only === "cold") {
    const rounds = Number(args.values.rounds ?? 2);
    if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError("--rounds must be a whole number of at least 1");
    process.stdout.write(await coldBuilds(args.values.against, rounds, progress("bench")));
    return 0;
  }
  if (args.values.against !== undefined || args.values.rounds !== undefined) throw new UsageError("--against and --rounds go with --only cold");
  const size = (args.values.size ?? "full") as Size;
  if (!Object.hasOwn(SIZES, size)) throw new UsageError(`--size must be one of ${Object.keys(SIZES).join(", ")}; got ${JSON.stringify(size)}`);
  const seed = Number(args.values.seed ?? 42);
  if (!Number.isInteger(seed)) throw new UsageError("--seed must be an integer");
  const log = progress("bench");
  const root = join(ROOT, ".3r", "bench", size);
  const logs = join(root, "logs");
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  const loadAvgAtStart = machine("").loadAvgAtStart;

  const bookDir = join(root, "data");
  const book = await ensureBook(bookDir, size, seed, log);
  const inputs = linkInputs(root, bookDir, Date.now().toString(36));
  const code = codeVersion();
  const tree = snapshotTree(root);
  log(`project copied to ${tree}: the code measured, with its own Framework cache and build lock`);
  // Rejected rows must not stop a benchmark; everything else is the defaults.
  const configPath = join(root, "config.json");
  writeFileSync(configPath, JSON.stringify({ onRejectedRows: "publish" }) + "\n");
  const state = join(root, "state");
  rmSync(state, { recursive: true, force: true });
  const dist = join(root, "dist");

  /** Runs one of the project's commands in the snapshot, echoing its output indented and keeping it in logs/. */
  const tool = async (label: string, script: string, extra: string[], stateDir: string): Promise<Measured> => {
    const m = await measure(TSX, [join("loaders", "cli", script), "--data", inputs, "--config", configPath, ...extra],
      { cwd: tree, env: { THREER_STATE: stateDir }, echo: (line) => process.stderr.write(`    ${line}\n`) });
    writeFileSync(join(logs, `${label}.log`), m.lines.map((l) => `${l.t.toFixed(2).padStart(8)}  ${l.text}`).join("\n") + "\n");
    log(`${label}: ${m.seconds.toFixed(1)}s, peak RSS ${bytes(m.peakRssBytes)}, up to ${m.peakProcesses} processes (exit ${m.exitCode})`);
    return m;
  };
  const failed = (what: string, m: Measured) => new Error(`${what} failed (exit ${m.exitCode}):\n${m.lines.slice(-30).map((l) => l.text).join("\n")}`);
  if (only === "staging") {
    const head = `# Staging benchmark: --size ${size} (${new Date().toISOString()}; code ${code})\n\n` +
      `Machine: ${machine("").nproc} cores, load average at start ${loadAvgAtStart.map((x) => x.toFixed(2)).join(" / ")}. ` +
      `Book: ${book.tables.usage.rows.toLocaleString("en-US")} usage rows (${bytes(book.tables.usage.bytes)} Parquet).`;
    const ingestRun = async (label: string, stateDir: string): Promise<IngestRun> => {
      const m = await tool(label, "check.ts", [], stateDir);
      if (m.exitCode > 1) throw failed("npm run check", m);
      return { label, seconds: m.seconds, cpuSeconds: m.cpuSeconds, peakRssBytes: m.peakRssBytes, steps: parseBuildLog(m.lines).steps };
    };
    const stateDir = join(state, "staging");
    log("1/3 ingestion: fresh state, then nothing changed");
    const runs = [await ingestRun("fresh", stateDir), await ingestRun("nothing changed", stateDir)];
    log("2/3 ingestion after one touches row changed");
    const original = join(bookDir, "touches.parquet");
    log(`changed ${await changeOneTouch(inputs, original)}`);
    runs.push(await ingestRun("one touches row changed", stateDir));
    restoreTouches(inputs, original);
    log("3/3 usage steps on a bare DuckDB connection");
    const dbPath = warehousePath(loadConfig({ data: inputs, config: configPath, stateDir }));
    const bare = await bareUsageSteps(tree, dbPath, configPath, (m) => log(`  ${m}`));
    process.stdout.write(writeStagingReport(root, { runs, bare }, head));
    log(`wrote ${join(root, "staging.json")} and staging.md`);
    return 0;
  }

  log("1/5 ingestion: npm run check, fresh state");
  const ingest = await tool("ingest", "check.ts", [], join(state, "ingest"));
  if (ingest.exitCode > 1) throw failed("npm run check", ingest);
  rmSync(join(state, "ingest"), { recursive: true, force: true }); // a second warehouse would only take disk

  log("2/5 full build: fresh state, new input folder");
  const buildState = join(state, "build");
  const build = (label: string) => tool(label, "build.ts", ["--out", dist], buildState);
  const full = await build("build-full");
  if (full.exitCode !== 0) throw failed("the build", full);
  const { figures: fullFigures, log: fullLog } = buildFigures(full);

  log("3/5 data each page downloads");
  const pages = pageData(dist);
  const view = accountView(dist, pages);

  log("4/5 datasets: toolkit vs bare DuckDB");
  const kit = await loadToolkit(tree);
  const dbPath = warehousePath(loadConfig({ data: inputs, config: configPath, stateDir: buildState }));
  const compared = await compareDatasets(dbPath, kit, (m) => log(`  ${m}`));

  log("5/5 rebuilds: nothing changed, then one touches row changed");
  const same = await build("build-unchanged");
  if (same.exitCode !== 0) throw failed("the rebuild", same);
  const original = join(bookDir, "touches.parquet");
  const change = await changeOneTouch(inputs, original);
  log(`changed ${change}`);
  const touched = await build("build-touches");
  restoreTouches(inputs, original);
  if (touched.exitCode !== 0) throw failed("the rebuild", touched);

  const result: BenchResult = {
    size, date: new Date().toISOString(), code, machine: { ...machine(await duckdbVersion()), loadAvgAtStart }, book,
    ingest: runFigures(ingest),
    build: { ...fullFigures, slowestSteps: fullLog.steps.slice(0, 12), rssPerSecond: perSecond(full.samples) },
    rebuildUnchanged: buildFigures(same).figures,
    rebuildTouches: { ...buildFigures(touched).figures, change },
    datasetCount: fullLog.datasetCount ?? kit.DATASETS.length, warehouseBytes: statSync(dbPath).size,
    datasets: compared.datasets, tables: compared.tables, pages,
    accountPages: accountPagesCost(fullLog, full.seconds), accountView: view,
  };
  process.stdout.write(writeReport(root, result));
  log(`wrote ${join(root, "bench.json")}, bench.md and logs/`);
  return 0;
});

async function duckdbVersion(): Promise<string> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    return String((await conn.runAndReadAll("select version() as v")).getRowObjectsJS()[0].v);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
