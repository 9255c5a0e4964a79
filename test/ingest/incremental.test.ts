/**
 * Ingest once, rebuild only what changed: every staging step and model has a
 * fingerprint of what it reads, so a change to one small table or one
 * threshold rebuilds its dependants and nothing else.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../loaders/engine/config.ts";
import { Db, STORAGE_VERSION } from "../../loaders/engine/db.ts";
import { silent } from "../../loaders/engine/progress.ts";
import { usedVariables } from "../../loaders/engine/variables.ts";
import { ingest } from "../../loaders/engine/warehouse.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
const files = {
  "accounts.csv": csv("account_id,customer_since,csm,licenses", "A1,2024-01-05,Ann,5"),
  "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", "R1,A1,2025-01-05,2025-01-02,Core,100,90"),
  "usage.csv": csv("account_id,user_id,date,feature,events", "A1,u1,2025-06-01,reports,3"),
  "touches.csv": csv("account_id,date,type", "A1,2025-06-02,call"),
  "health.csv": csv("account_id,as_of,color", "A1,2025-06-03,green"),
};

/** Re-ingests the staged folder with a config file's content; returns the steps rebuilt. */
async function again(config: Record<string, unknown> = { onRejectedRows: "publish" }): Promise<string[]> {
  s.db.close();
  writeFileSync(join(s.dir, "3r.config.json"), JSON.stringify(config));
  const c = loadConfig({ config: join(s.dir, "3r.config.json"), data: join(s.dir, "data"), stateDir: join(s.dir, "state") }, { THREER_TODAY: "2026-11-22" });
  const r = await ingest(c, silent);
  s.db = await Db.open(r.dbPath, { readOnly: true });
  return r.rebuilt;
}

beforeAll(async () => { s = await stage(files); });
afterAll(() => s.close());

describe("incremental staging", () => {
  it("rebuilds nothing when nothing changed", async () => {
    expect(await again()).toEqual([]);
  });

  it("rebuilds a changed small table's steps and dependants, never usage", async () => {
    writeFileSync(join(s.dir, "data", "touches.csv"), csv("account_id,date,type", "A1,2025-06-02,meeting"));
    const rebuilt = await again();
    expect(rebuilt).toEqual(expect.arrayContaining(["raw_touches", "_rej_touches", "stg_touches"]));
    for (const untouched of ["raw_usage", "_rej_usage", "stg_usage", "int_usage_user_months", "int_usage_feature_days", "int_usage_account_days", "raw_renewals", "int_renewal_events", "int_health_intervals"]) {
      expect(rebuilt, untouched).not.toContain(untouched);
    }
  });

  it("rebuilds, for a changed threshold, only the models that read it", async () => {
    const rebuilt = await again({ onRejectedRows: "publish", thresholds: { flipDays: 45 } });
    expect(rebuilt).toContain("health_flips");
    expect(rebuilt.every((m) => !m.startsWith("stg_") && !m.startsWith("int_usage_") && !m.startsWith("raw_"))).toBe(true);
    expect(rebuilt).not.toContain("revenue_cohort_facts");
  });

  it("writes a warehouse found in an older storage format again, in the current one", async () => {
    const path = (await s.db.one<{ p: string }>("select path as p from duckdb_databases() where database_name = current_database()"))!.p;
    s.db.close();
    rmSync(path);
    rmSync(`${path}.wal`, { force: true });
    // DuckDB's default format when none is asked for: what every warehouse before this one was written in.
    const old = await DuckDBInstance.create(path, { storage_compatibility_version: "v1.0.0" });
    const conn = await old.connect();
    await conn.run("create table left_over as select 1 as x");
    conn.closeSync();
    old.closeSync();
    s.db = await Db.open(path, { readOnly: true });
    expect(await s.db.storageVersion()).toMatch(/^v1\.0\.0/);
    const rebuilt = await again();
    expect(rebuilt).toEqual(expect.arrayContaining(["raw_usage", "_rej_usage", "int_usage_user_months"]));
    expect(await s.db.tables()).not.toContain("left_over");
    expect(await s.db.storageVersion()).toMatch(new RegExp(`^${STORAGE_VERSION.replaceAll(".", "\\.")}`));
    // u1 active on 2025-06-01 only: June's row, day 1 = bit 0
    expect(await s.db.rows("select account_id, user_key = hash('u1') as is_u1, strftime(month, '%Y-%m-%d') as month, days from int_usage_user_months"))
      .toEqual([{ account_id: "A1", is_u1: true, month: "2025-06-01", days: 1 }]);
    expect(await s.db.rows("select account_id, events from int_usage_account_days")).toEqual([{ account_id: "A1", events: 3 }]);
  });

  it("finds the variables a model reads, ignoring comments", () => {
    expect(usedVariables("select getvariable('as_of'), getvariable( 'flip_days' ) -- getvariable('nope')\nfrom x where getvariable('as_of') > 1"))
      .toEqual(["as_of", "flip_days"]);
  });
});
