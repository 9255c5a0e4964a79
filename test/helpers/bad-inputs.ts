/**
 * The bad-input corpus (test/fixtures/bad/): reading a case folder, and making
 * the files that are too big or too binary to commit, at run time.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Db } from "../../loaders/engine/db.ts";
import type { StagedFile } from "./stage.ts";

export const CORPUS = join(import.meta.dirname, "..", "fixtures", "bad");
/** Today's date for every case (the "date in the future" rule depends on it). */
export const TODAY = "2025-06-30";

/** Files of a case folder that describe the case rather than being input. */
const META = new Set(["expected.txt", "notices.txt", "counts.json", "staged.json", "README.md", "3r.config.json"]);

/** One case: its input files, config, and what it must produce. */
export interface BadCase {
  name: string;
  dir: string;
  files: Record<string, StagedFile>;
  config: Record<string, unknown>;
  /** Problem lines as `npm run check` prints them (paths relative to the case folder); [] for an accepted case. */
  expected: string[];
  /** Warning lines as `npm run check` prints them after the summary (paths relative to the case folder); null: not checked. */
  notices: string[] | null;
  /** Per table with a file: [rows read, rows rejected, rows used]. */
  counts: Record<string, [number, number, number]>;
  /** For accepted cases: SQL over the warehouse → the rows it must return. */
  staged: Record<string, unknown[]>;
}

/** The names of all case folders, in order. */
export function caseNames(): string[] {
  return readdirSync(CORPUS).filter((n) => statSync(join(CORPUS, n)).isDirectory()).sort();
}

/**
 * Cases too large to share the machine with others: each runs alone, after the
 * rest, with a budget that no machine speed decides (a 50 MB field took 60 s
 * beside four other cases on 2 busy cores).
 */
export const HEAVY = new Set(["36-field-of-50-mb"]);

/** Half k (0 or 1) of the ordinary cases, every other one, so both halves mix quick and slow cases. */
export function half(k: 0 | 1): string[] {
  return caseNames().filter((n) => !HEAVY.has(n)).filter((_, i) => i % 2 === k);
}

/** Reads a case folder and adds its generated files. */
export async function loadCase(name: string): Promise<BadCase> {
  const dir = join(CORPUS, name);
  const files: Record<string, StagedFile> = {};
  for (const f of readdirSync(dir)) if (!META.has(f)) files[f] = readFileSync(join(dir, f));
  Object.assign(files, await (GENERATED[name] ?? (async () => ({})))());
  const json = (f: string, empty: unknown) => (existsSync(join(dir, f)) ? JSON.parse(readFileSync(join(dir, f), "utf8")) : empty);
  const text = readFileSync(join(dir, "expected.txt"), "utf8").split("\n").filter((l) => l !== "");
  return {
    name, dir, files, config: json("3r.config.json", {}),
    expected: text.length === 1 && text[0] === "OK" ? [] : text,
    notices: existsSync(join(dir, "notices.txt")) ? readFileSync(join(dir, "notices.txt"), "utf8").split("\n").filter((l) => l !== "") : null,
    counts: json("counts.json", {}), staged: json("staged.json", {}),
  };
}

/** Deterministic "random" bytes, so a generated file is the same on every run. */
function noise(n: number, seed = 42): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

/** A Parquet file written by DuckDB from a SELECT. */
async function parquet(select: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "3r-bad-"));
  const path = join(dir, "x.parquet");
  const db = await Db.open();
  try {
    await db.run(`copy (${select}) to '${path}' (format parquet)`);
    return readFileSync(path);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renewals whose resolved_date is a TIMESTAMP WITH TIME ZONE, 2025-01-10 23:30 UTC. */
const timestamptzRenewals = () => parquet(`select * from (values
  ('R1', 'A1', date '2025-01-15', timestamptz '2025-01-10 23:30:00+00', 'Core', 1000, 1200),
  ('R2', 'A2', date '2025-09-01', null, 'Core', 500, null))
  t(renewal_id, account_id, renewal_date, resolved_date, product, arr_before, arr_after)`);

const ACCOUNTS = "account_id,account_name,customer_since,licenses\nA1,Acme,2023-01-15,10\nA2,Globex,2024-03-01,25\n";

/** Files made at run time, by case (each such case folder has a README.md saying so). */
const GENERATED: Record<string, () => Promise<Record<string, StagedFile>>> = {
  // What Excel's "Unicode Text" export writes: UTF-16 little-endian with a byte-order mark.
  "27-utf16-text": async () => ({ "accounts.csv": Buffer.from(`\uFEFF${ACCOUNTS}`, "utf16le") }),
  // An image saved under a CSV name.
  "28-not-text": async () => ({ "accounts.csv": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(4096)]) }),
  // A workbook renamed to .csv: .xlsx files are ZIP archives.
  "29-excel-file-named-csv": async () => ({ "accounts.csv": Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), noise(4096, 7)]) }),
  // 2,000 accounts written as Parquet, then cut in half (an interrupted download).
  "33-truncated-parquet": async () => {
    const full = await parquet("select 'A' || i as account_id, date '2023-01-01' + i::int as customer_since, i::int as licenses from range(1, 2001) t(i)");
    return { "accounts.parquet": full.subarray(0, Math.floor(full.length / 2)) };
  },
  // Typed Parquet values: a negative double, a future resolved date, decimals and a null.
  "34-parquet-values": async () => ({
    "renewals.parquet": await parquet(`select * from (values
      ('R1', 'A1', date '2025-01-15', date '2025-01-10', 'Core', 1000.50::decimal(18,2), -3::double),
      ('R2', 'A2', date '2025-09-01', null, 'Core', 500::decimal(18,2), null),
      ('R3', 'A2', date '2025-03-01', date '2025-07-01', 'Core', 5::decimal(18,2), 5::double))
      t(renewal_id, account_id, renewal_date, resolved_date, product, arr_before, arr_after)`),
  }),
  // A .csv.gz cut short (an interrupted copy): 3,000 accounts compressed, then only the first 5,000 bytes.
  "66-truncated-gzip": async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `A${i + 1},Name ${i + 1},2023-01-15,${i + 1}`);
    return { "accounts.csv.gz": gzipSync(Buffer.from(`account_id,account_name,customer_since,licenses\n${lines.join("\n")}\n`)).subarray(0, 5000) };
  },
  // Usage Parquet damaged inside (its footer intact): Snappy pages overwritten with noise mid-file.
  "67-corrupt-parquet": async () => {
    const b = await parquet(`select 'A' || (i % 2 + 1) as account_id, 'u' || i as user_id, date '2024-01-01' + (i % 300)::int as date,
      'f' || (i % 7) as feature, (i % 9 + 1)::int as events from range(0, 200000) t(i)`);
    noise(2000, 3).copy(b, Math.floor(b.length / 2));
    return { "usage.parquet": b };
  },
  "68-dangling-symlink": async () => ({ "health.csv": { symlink: "exports/health-2025.csv" } }),
  "69-symlink-loop": async () => ({ "loop-a": { symlink: "loop-b" }, "loop-b": { symlink: "loop-a" }, "tickets.csv": { symlink: "loop-a" } }),
  // accounts.csv is a link to a readable file elsewhere: used like the file itself.
  "70-symlink-to-readable-file": async () => {
    const dir = mkdtempSync(join(tmpdir(), "3r-link-"));
    writeFileSync(join(dir, "accounts-export.csv"), ACCOUNTS);
    return { "accounts.csv": { symlink: join(dir, "accounts-export.csv") } };
  },
  // arr_before as DECIMAL(38,2) in Parquet: 1e16 does not fit the staged DECIMAL(18,2).
  "72-parquet-amount-too-large": async () => ({
    "renewals.parquet": await parquet(`select * from (values
      ('R1', 'A1', date '2025-01-15', date '2025-01-10', 'Core', 10000000000000000::decimal(38,2), 1200::decimal(38,2)),
      ('R2', 'A2', date '2025-09-01', null, 'Core', 999999999999999.99::decimal(38,2), null))
      t(renewal_id, account_id, renewal_date, resolved_date, product, arr_before, arr_after)`),
  }),
  // A TIMESTAMP WITH TIME ZONE late on 2025-01-10 UTC (already 2025-01-11 in Tokyo).
  "86-parquet-timestamptz": async () => ({ "renewals.parquet": await timestamptzRenewals() }),
  "87-time-zone-setting": async () => ({ "renewals.parquet": await timestamptzRenewals() }),
  // A 50 MB quoted field (1,872,457 line breaks and many commas inside) where a date belongs; a bad date after it.
  "36-field-of-50-mb": async () => {
    const unit = "lorem ipsum, dolor\nsit amet "; // 28 characters, one line break
    const big = unit.repeat(Math.ceil(50 * 1024 * 1024 / unit.length)).slice(0, 50 * 1024 * 1024);
    return { "accounts.csv": Buffer.from(`account_id,account_name,customer_since\nA1,Acme,2023-01-15\nA2,Globex,"${big}"\nA3,Initech,2024-5-1\n`) };
  },
};
