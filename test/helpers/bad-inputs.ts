/**
 * The bad-input corpus (test/fixtures/bad/): reading a case folder, and making
 * the files that are too big or too binary to commit, at run time.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Db } from "../../loaders/engine/db.ts";

export const CORPUS = join(import.meta.dirname, "..", "fixtures", "bad");
/** Today's date for every case (the "date in the future" rule depends on it). */
export const TODAY = "2025-06-30";

/** Files of a case folder that describe the case rather than being input. */
const META = new Set(["expected.txt", "notices.txt", "counts.json", "staged.json", "README.md", "3r.config.json"]);

/** One case: its input files, config, and what it must produce. */
export interface BadCase {
  name: string;
  dir: string;
  files: Record<string, Buffer>;
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

/** Reads a case folder and adds its generated files. */
export async function loadCase(name: string): Promise<BadCase> {
  const dir = join(CORPUS, name);
  const files: Record<string, Buffer> = {};
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

const ACCOUNTS = "account_id,account_name,customer_since,licenses\nA1,Acme,2023-01-15,10\nA2,Globex,2024-03-01,25\n";

/** Files made at run time, by case (each such case folder has a README.md saying so). */
const GENERATED: Record<string, () => Promise<Record<string, Buffer>>> = {
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
  // A 50 MB quoted field (1,872,457 line breaks and many commas inside) where a date belongs; a bad date after it.
  "36-field-of-50-mb": async () => {
    const unit = "lorem ipsum, dolor\nsit amet "; // 28 characters, one line break
    const big = unit.repeat(Math.ceil(50 * 1024 * 1024 / unit.length)).slice(0, 50 * 1024 * 1024);
    return { "accounts.csv": Buffer.from(`account_id,account_name,customer_since\nA1,Acme,2023-01-15\nA2,Globex,"${big}"\nA3,Initech,2024-5-1\n`) };
  },
};
