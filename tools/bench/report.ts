/** The benchmark's figures: the machine they were taken on, a JSON file and a Markdown table. */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import type { BookInfo } from "./book.ts";
import type { DatasetTiming, TableTiming } from "./datasets.ts";
import type { AccountPagesCost, BuildFigures, RunFigures } from "./measure.ts";
import type { AccountView, PageData } from "./pages.ts";

/** Everything one bench run measured. */
export interface BenchResult {
  size: string;
  date: string;
  /** The commit measured, and how many files differed from it (the snapshot includes uncommitted work). */
  code: string;
  machine: { nproc: number; memoryBytes: number; cpu: string; node: string; duckdb: string; loadAvgAtStart: number[] };
  book: BookInfo;
  ingest: RunFigures;
  build: BuildFigures & { slowestSteps: { name: string; seconds: number }[]; rssPerSecond: [number, number, number][] };
  rebuildUnchanged: BuildFigures;
  rebuildTouches: BuildFigures & { change: string };
  datasetCount: number;
  /** Size of the full build's warehouse file. */
  warehouseBytes: number;
  datasets: DatasetTiming[];
  tables: TableTiming[];
  pages: PageData[];
  /** Issue 15: what the account pages add to the full build, and what one account view downloads. */
  accountPages: AccountPagesCost;
  accountView: AccountView | null;
}

/** The checked-out commit and the count of changed files, read from git. */
export function codeVersion(): string {
  try {
    const git = (...a: string[]) => execFileSync("git", a, { cwd: ROOT, encoding: "utf8" }).trim();
    const changed = git("status", "--porcelain").split("\n").filter(Boolean).length;
    return `${git("rev-parse", "--short", "HEAD")}${changed ? ` + ${changed} uncommitted files` : ""}`;
  } catch {
    return "unknown (no git)";
  }
}

/** The machine, as far as Node and /proc tell. */
export function machine(duckdb: string): BenchResult["machine"] {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch { /* not Linux */ }
  const api = JSON.parse(readFileSync(join(ROOT, "node_modules", "@duckdb", "node-api", "package.json"), "utf8")).version;
  return { nproc: availableParallelism(), memoryBytes: totalmem(), cpu, node: process.version, duckdb: `${duckdb} (@duckdb/node-api ${api})`, loadAvgAtStart: loadavg() };
}

const GiB = 1024 ** 3;
/** Bytes for people: MiB below a GiB. */
export const bytes = (n: number) => (n >= GiB ? `${(n / GiB).toFixed(2)} GiB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
const secs = (s: number) => `${s.toFixed(1)} s`;
const ms = (x: number | null) => (x === null ? "n/a (TS)" : `${x.toFixed(1)} ms`);
const ratio = (r: number | null) => (r === null ? "—" : `${r.toFixed(2)}×`);
const mark = (ok: boolean) => (ok ? "yes" : "**NO**");
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/** The Markdown report. */
export function markdown(r: BenchResult): string {
  // Issue 19's measure: the toolkit against the same SQL on a bare connection plus reading its rows into JS.
  const worst = r.datasets.reduce<DatasetTiming | null>((a, d) => (d.ratioJs !== null && (!a || d.ratioJs > a.ratioJs!) ? d : a), null);
  const biggest = r.pages.reduce<(typeof r.pages)[number] | undefined>((a, p) => (!a || p.gzipBytes > a.gzipBytes ? p : a), undefined);
  const share = r.rebuildTouches.seconds / r.build.seconds;
  const u = r.book.tables.usage, w = r.book.window;
  const m = r.machine;
  const builds: [string, BuildFigures][] = [["full build", r.build], ["rebuild, nothing changed", r.rebuildUnchanged], ["rebuild, one touches row changed", r.rebuildTouches]];
  const phase = (b: BuildFigures, i: number) => `${secs(b.phases[i].seconds)} / ${bytes(b.phases[i].peakRssBytes)}`;
  const loaderOf = (d: string) => { const l = r.build.loaders.find((x) => x.name === d); return l ? secs(l.seconds) : "—"; };
  const jsonOf = (d: string) => r.tables.filter((t) => t.dataset === d).reduce((n, t) => n + t.jsonBytes, 0);
  return [
    `# Benchmark: --size ${r.size} (${r.date}; code ${r.code})`,
    "",
    `Machine: ${m.nproc} cores (${m.cpu}), ${bytes(m.memoryBytes)} RAM, load average at start ${m.loadAvgAtStart.map((x) => x.toFixed(2)).join(" / ")}; Node ${m.node}; DuckDB ${m.duckdb}.`,
    "",
    `Book: ${r.book.accounts.toLocaleString("en-US")} accounts, ${u.rows.toLocaleString("en-US")} usage rows (${bytes(u.bytes)} Parquet; the sample's usage ×${r.book.usageFactor.toFixed(2)} as extra users on the same accounts and days), ` +
      `${Object.entries(r.book.tables).filter(([t]) => t !== "usage").map(([t, s]) => `${t} ${s.rows.toLocaleString("en-US")}`).join(", ")}. ` +
      `Seed ${r.book.seed}. Warehouse after staging: ${bytes(r.warehouseBytes)}. Window: customers from ${w.firstCustomerSince}, usage ${w.usageFrom} … ${w.usageTo} — ${w.years} years (the sample generator's calendar; not stretched to 5).`,
    "",
    "## Summary (targets are for --size full)",
    "",
    table(["measure", "value", "target", "met"], [
      ["ingestion (npm run check): time", secs(r.ingest.seconds), "", ""],
      ["ingestion: peak RSS (process tree)", bytes(r.ingest.peakRssBytes), "≤ 4 GiB", mark(r.ingest.peakRssBytes <= 4 * GiB)],
      ["full build: time", secs(r.build.seconds), "≤ 90 s", mark(r.build.seconds <= 90)],
      ["full build: peak RSS (process tree)", bytes(r.build.peakRssBytes), "≤ 3 GiB", mark(r.build.peakRssBytes <= 3 * GiB)],
      ["rebuild, nothing changed", `${secs(r.rebuildUnchanged.seconds)} (${r.rebuildUnchanged.recomputed.length} datasets, ${r.rebuildUnchanged.stepsRebuilt} steps)`, "", ""],
      ["rebuild, one touches row changed", `${secs(r.rebuildTouches.seconds)} = ${(share * 100).toFixed(0)}% of full (${r.rebuildTouches.recomputed.length} of ${r.datasetCount} datasets, ${r.rebuildTouches.stepsRebuilt} steps)`, "≤ 25% of full", mark(share <= 0.25)],
      ["worst dataset: toolkit / (bare DuckDB + reading its rows)", worst ? `${ratio(worst.ratioJs)} (${worst.dataset}; ${ratio(worst.ratio)} against bare runAndReadAll alone)` : "—", "≤ 2×", mark(!worst || worst.ratioJs! <= 2)],
      ["account pages: added to the full build", `${secs(r.accountPages.seconds)} (SQL ${secs(r.accountPages.sqlSeconds)}, datasets ${secs(r.accountPages.datasetSeconds)}, placing shard files ${secs(r.accountPages.placingSeconds)}) = ${(r.accountPages.share * 100).toFixed(1)}% of the build without them`, "≤ 15%", mark(r.accountPages.share <= 0.15)],
      ["one account view downloads", r.accountView ? `${bytes(r.accountView.bytes)} (the page's ${bytes(r.accountView.pageBytes)} + the largest of ${r.accountView.shards} shards, ${bytes(r.accountView.largestShardBytes)})` : "— (no account page)", "≤ 300 KB", mark(!r.accountView || r.accountView.bytes <= 300_000)],
      ["largest page data", biggest ? `${bytes(biggest.bytes)} (${biggest.page}; gzip ${bytes(biggest.gzipBytes)})` : "—", "≤ 1 MB gzipped", mark(!biggest || biggest.gzipBytes <= 1e6)],
    ]),
    "",
    `Datasets recomputed after the touches change: ${r.rebuildTouches.recomputed.join(", ") || "none"} (${r.rebuildTouches.change}).`,
    "",
    "## Builds by phase (time / peak RSS of the process tree)",
    "",
    "Staging ends at the build's \"datasets to compute\" line; the second phase ends when the last dataset loader reports; the rest is Framework rendering and bundling pages.",
    "",
    table(["run", "time", "peak RSS", "max processes", "staging", "until last loader done", "rest of Framework"],
      builds.map(([name, b]) => [name, secs(b.seconds), bytes(b.peakRssBytes), String(b.peakProcesses), phase(b, 0), phase(b, 1), phase(b, 2)])),
    "",
    "## Datasets: toolkit vs bare DuckDB",
    "",
    "Medians of 3 after a warm-up. Toolkit = computeDataset (query, plain JS values, rounding, zod, columns) per table; bare = the same SQL with runAndReadAll on its own READ_ONLY instance, same threads and memory (the rows stay in DuckDB's vectors); bare + JS = the same, then getColumnsJS(). Ratios compare SQL tables only.",
    "",
    "The loader column is the wall time of the dataset's loader process in the full build (Framework runs them one at a time): process start, tsx, opening the warehouse, computing, writing.",
    "",
    table(["dataset", "tables", "JSON", "toolkit", "of it TS tables", "bare (SQL tables)", "ratio", "bare + JS", "ratio to bare + JS", "loader in the build"],
      r.datasets.map((d) => [d.dataset, String(d.tables), bytes(jsonOf(d.dataset)), ms(d.toolkitMs), d.tsTables ? ms(d.toolkitMs - d.toolkitSqlMs) : "—", ms(d.bareMs), ratio(d.ratio), ms(d.bareJsMs), ratio(d.ratioJs), loaderOf(d.dataset)])),
    "",
    "<details><summary>Per table</summary>",
    "",
    table(["dataset.table", "rows", "JSON", "toolkit", "toolkit query (Db.rows)", "bare", "bare + JS", "ratio"],
      r.tables.map((t) => [`${t.dataset}.${t.table}`, t.rows.toLocaleString("en-US"), bytes(t.jsonBytes), ms(t.toolkitMs), t.queryMs === null ? "—" : ms(t.queryMs), ms(t.bareMs), ms(t.bareJsMs), ratio(t.ratio)])),
    "",
    "</details>",
    "",
    "## Data each page downloads",
    "",
    table(["page", "files", "bytes", "gzip", "largest file"],
      r.pages.map((p) => [p.page, String(p.files.length), bytes(p.bytes), bytes(p.gzipBytes), p.largest ?? "—"])),
    "",
    "## Slowest steps of the full build",
    "",
    table(["step", "time"], r.build.slowestSteps.map((s) => [s.name, secs(s.seconds)])),
    "",
  ].join("\n");
}

/** Writes bench.json and bench.md into `dir`; returns the Markdown. */
export function writeReport(dir: string, r: BenchResult): string {
  writeFileSync(join(dir, "bench.json"), JSON.stringify(r, null, 1) + "\n");
  const md = markdown(r);
  writeFileSync(join(dir, "bench.md"), md);
  return md;
}
