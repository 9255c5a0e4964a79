/**
 * The benchmark's large book: the sample generator's tables for N accounts,
 * then usage densified inside DuckDB to the target row count. Cached under
 * .3r/bench/<size>/data with a stamp; a second run with the same stamp reuses it.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { hash, listFiles, ROOT, sourceHash } from "../../loaders/engine/fingerprint.ts";
import { generateBook } from "../sample/book.ts";

/** Bump when the densification below changes. */
const BOOK_VERSION = 1;

/** The sizes `--size` accepts. */
export const SIZES = {
  small: { accounts: 2_000, usageRows: 5_000_000 },
  medium: { accounts: 5_000, usageRows: 20_000_000 },
  full: { accounts: 20_000, usageRows: 100_000_000 },
} as const;
export type Size = keyof typeof SIZES;

/** What the cached book holds (kept in its stamp). */
export interface BookInfo {
  key: string;
  seed: number;
  accounts: number;
  tables: Record<string, { rows: number; bytes: number }>;
  /** Usage copies per original row (users per account grow by about this factor). */
  usageFactor: number;
  window: { firstCustomerSince: string; usageFrom: string; usageTo: string; years: number };
}

const sq = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Makes sure the book of `size` exists under `dir` (…/data); returns its stamp. */
export async function ensureBook(dir: string, size: Size, seed: number, log: (m: string) => void): Promise<BookInfo> {
  const { accounts, usageRows } = SIZES[size];
  const generator = sourceHash(listFiles(join(ROOT, "tools", "sample"), (n) => n.endsWith(".ts")));
  const key = hash("bench-book", BOOK_VERSION, seed, accounts, usageRows, generator).slice(0, 16);
  // A name no table has and no input format claims, so the ingest neither reads nor lists it.
  const stampPath = join(dir, "bench.stamp");
  if (existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, "utf8")) as BookInfo;
    if (stamp.key === key) {
      log(`book cached in ${dir} (stamp ${key})`);
      return stamp;
    }
  }
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  log(`generating ${accounts.toLocaleString("en-US")} accounts with the sample generator (seed ${seed})`);
  const tables = await generateBook({ out: tmp, seed, accounts, log: (m) => log(`sample: ${m}`) });
  const densified = await densifyUsage(tmp, usageRows, tables.usage.rows, log);
  const info: BookInfo = { key, seed, accounts, tables: { ...tables, usage: densified.usage }, usageFactor: densified.factor, window: densified.window };
  writeFileSync(join(tmp, "bench.stamp"), JSON.stringify(info, null, 1));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return info;
}

/** Rewrites usage.parquet with ~`target` rows: extra users per account, same accounts and dates, events perturbed. */
async function densifyUsage(dir: string, target: number, have: number, log: (m: string) => void) {
  const factor = Math.max(1, target / have);
  const whole = Math.floor(factor), fracPpm = Math.round((factor - whole) * 1e6);
  const src = join(dir, "usage.parquet"), dest = join(dir, "usage.dense.parquet");
  const instance = await DuckDBInstance.create(":memory:", {
    threads: String(availableParallelism()), memory_limit: process.env.THREER_MEMORY ?? "3GB",
    temp_directory: join(dir, ".duckdb-tmp"), preserve_insertion_order: "false",
  });
  const conn = await instance.connect();
  try {
    const t0 = performance.now();
    log(`usage: densifying ${have.toLocaleString("en-US")} rows ×${factor.toFixed(3)} to ~${target.toLocaleString("en-US")}`);
    // DuckDB reports nothing while it sorts: say every 15 s that it is still working.
    const beat = setInterval(() => log(`usage: still densifying (${((performance.now() - t0) / 1000).toFixed(0)}s)`), 15_000);
    // Copy c > 0 is a new user of the same account on the same days; the last copy keeps a hashed fraction of rows.
    await conn.run(`copy (
      select account_id, case when c = 0 then user_id else user_id || '-X' || c end as user_id, date, feature,
        case when c = 0 then events else greatest(1, events + (hash(user_id, date, feature, c) % 3)::integer - 1) end as events
      from read_parquet(${sq(src)}), range(${Math.ceil(factor)}) r(c)
      where c < ${whole} or hash(user_id, date, feature, c, 'keep') % 1000000 < ${fracPpm}
      order by account_id, date, user_id, feature
    ) to ${sq(dest)} (format parquet, compression zstd, row_group_size 1000000)`).finally(() => clearInterval(beat));
    const r = (await conn.runAndReadAll(`select count(*)::bigint as n, min(date)::varchar as lo, max(date)::varchar as hi
      from read_parquet(${sq(dest)})`)).getRowObjectsJS()[0];
    const a = (await conn.runAndReadAll(`select min(customer_since)::varchar as lo from read_parquet(${sq(join(dir, "accounts.parquet"))})`)).getRowObjectsJS()[0];
    renameSync(dest, src);
    const rows = Number(r.n);
    log(`usage: ${rows.toLocaleString("en-US")} rows, ${(statSync(src).size / 1e6).toFixed(0)} MB (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
    const lo = String(a.lo), hi = String(r.hi);
    const years = (Date.parse(hi) - Date.parse(lo)) / (365.25 * 86_400_000);
    return {
      factor, usage: { rows, bytes: statSync(src).size },
      window: { firstCustomerSince: lo, usageFrom: String(r.lo), usageTo: hi, years: Math.round(years * 10) / 10 },
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(join(dir, ".duckdb-tmp"), { recursive: true, force: true });
  }
}
