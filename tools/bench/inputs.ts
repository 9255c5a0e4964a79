/**
 * The folder each run builds from: symbolic links to the cached book, in a
 * folder named after the run. Fingerprints include the input paths, so a new
 * folder makes the first build of a run a full one even though Framework's
 * loader cache (shared with the developer's builds) may hold a previous run's
 * outputs; and the small-table change below replaces a link, never the cache.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

const sq = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Makes `<root>/inputs-<runId>` linking every file of `book`; removes earlier runs' folders. */
export function linkInputs(root: string, book: string, runId: string): string {
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    if (name.startsWith("inputs-")) rmSync(join(root, name), { recursive: true, force: true });
  }
  const dir = join(root, `inputs-${runId}`);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(book)) if (name.endsWith(".parquet")) symlinkSync(join(book, name), join(dir, name));
  return dir;
}

/** Replaces `<dir>/touches.parquet` (a link) by a copy whose first row has another type; returns what changed. */
export async function changeOneTouch(dir: string, original: string): Promise<string> {
  const target = join(dir, "touches.parquet");
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const conn = await instance.connect();
  try {
    // The link must go first: writing through it would overwrite the cached book.
    unlinkSync(target);
    // file_row_number keeps the file's order, so exactly one row differs from the original.
    await conn.run(`copy (
      select * exclude (file_row_number)
        replace (case when file_row_number = 0 then (case when type = 'call' then 'email' else 'call' end) else type end as type)
      from read_parquet(${sq(original)}, file_row_number = true) order by file_row_number
    ) to ${sq(target)} (format parquet, compression zstd, row_group_size 1000000)`);
    const first = (await conn.runAndReadAll(`select account_id, date::varchar as date, type from read_parquet(${sq(original)}) limit 1`)).getRowObjectsJS()[0];
    return `touches row 1 (${first.account_id} ${first.date}): type ${first.type} → ${first.type === "call" ? "email" : "call"}`;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Puts the link to the original touches file back. */
export function restoreTouches(dir: string, original: string): void {
  rmSync(join(dir, "touches.parquet"), { force: true });
  symlinkSync(original, join(dir, "touches.parquet"));
}
