/**
 * Data tests beside the models (dbt's "tests"): a model `x.sql` may have an `x.assert.sql` next to it holding
 * what must hold of its rows. Each check is a query that selects the rows breaking it; it passes when none do.
 *
 *   -- unique: renewal_id, lookback_days          no two rows share these columns
 *   -- not null: renewal_id, color                 none of these columns is null
 *   -- accepted: color in ('red', 'yellow', 'green', 'unscored')   a boolean expression every row meets
 *   -- assert: retained + upsell + cross_sell = ending             the query below it selects the rows that break it
 *   select * from revenue_cohort_facts where abs(retained + upsell + cross_sell - ending) > 0.005
 *
 * A query after `-- assert:` runs as written and may read any table and `getvariable(...)` setting.
 * The variables exist only while models are built, so assertions run on a connection that set them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db, Row } from "./db.ts";
import { ident } from "./db.ts";
import { listFiles, ROOT } from "./fingerprint.ts";

/** One check: where it is written, what it says, and the query selecting the rows that break it. */
export interface Assertion {
  model: string;
  path: string;
  line: number;
  what: string;
  sql: string;
}

/** A check that found rows breaking it (or could not run). */
export interface Failure extends Assertion {
  rows: number;
  sample: Row[];
  error?: string;
}

const columns = (list: string) => list.split(",").map((c) => c.trim()).filter(Boolean);

/** The checks of one assertion file's text. */
export function parseAssertions(text: string, model: string, path: string): Assertion[] {
  const out: Assertion[] = [];
  const lines = text.split("\n");
  const table = ident(model);
  for (let i = 0; i < lines.length; i++) {
    const m = /^--\s*(unique|not null|accepted|assert):\s*(.+?)\s*$/.exec(lines[i]);
    if (!m) continue;
    const kind = m[1];
    const arg = m[2].replace(/\s+--\s.*$/, "");  // a comment after the check says why, and is not part of it
    const at = { model, path, line: i + 1, what: `${kind}: ${arg}` };
    if (kind === "unique") {
      const cols = columns(arg).map(ident).join(", ");
      out.push({ ...at, sql: `select ${cols}, count(*) as copies from ${table} group by all having count(*) > 1` });
    } else if (kind === "not null") {
      out.push({ ...at, sql: `select * from ${table} where ${columns(arg).map((c) => `${ident(c)} is null`).join(" or ")}` });
    } else if (kind === "accepted") {
      out.push({ ...at, sql: `select * from ${table} where not coalesce((${arg}), false)` });
    } else {
      // The query is every line up to the next check or the end of the file.
      const body: string[] = [];
      for (let j = i + 1; j < lines.length && !/^--\s*(unique|not null|accepted|assert):/.test(lines[j]); j++) body.push(lines[j]);
      const sql = body.join("\n").replace(/;\s*$/, "").trim();
      if (!sql) throw new Error(`${path}:${i + 1}: "-- assert:" needs a query below it selecting the rows that break it`);
      out.push({ ...at, sql });
    }
  }
  return out;
}

/** Every assertion file under loaders/sql, parsed. */
export function listAssertions(root = join(ROOT, "loaders", "sql")): Assertion[] {
  return listFiles(root, (n) => n.endsWith(".assert.sql")).flatMap((path) => {
    const model = path.split("/").pop()!.replace(/\.assert\.sql$/, "");
    return parseAssertions(readFileSync(join(ROOT, path), "utf8"), model, path);
  });
}

/** Runs checks on a warehouse; returns the ones that failed, each with up to 5 offending rows. */
export async function runAssertions(db: Db, checks: Assertion[] = listAssertions()): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const a of checks) {
    try {
      const n = await db.one<{ n: number }>(`select count(*)::integer as n from (${a.sql})`);
      if (n && n.n > 0) failures.push({ ...a, rows: n.n, sample: await db.rows(`select * from (${a.sql}) limit 5`) });
    } catch (err) {
      failures.push({ ...a, rows: 0, sample: [], error: (err as Error).message.split("\n")[0] });
    }
  }
  return failures;
}

/** A failure as one readable line: `path:line: what — N rows break it, e.g. {...}`. */
export function formatFailure(f: Failure): string {
  const why = f.error ? `could not run: ${f.error}` : `${f.rows} row${f.rows === 1 ? " breaks" : "s break"} it, e.g. ${JSON.stringify(f.sample[0])}`;
  return `${f.path}:${f.line}: ${f.what} — ${why}`;
}
