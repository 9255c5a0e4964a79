/**
 * Table figures (rows used and rejected, date range, the default as-of date) are kept per staged table and
 * counted again only when that table's staging changed: a changed file must show its new figures, an
 * unchanged one keeps its stored row (usage is not scanned again).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../loaders/engine/config.ts";
import { Db } from "../../loaders/engine/db.ts";
import { silent } from "../../loaders/engine/progress.ts";
import { ingest } from "../../loaders/engine/warehouse.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv("account_id,customer_since,csm,licenses", "A1,2024-01-05,Ann,5"),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", "R1,A1,2025-01-05,2025-01-02,Core,100,90"),
    "usage.csv": csv("account_id,user_id,date,feature,events", "A1,u1,2025-06-01,reports,3", "A1,u2,2025-06-04,reports,0"),
    "touches.csv": csv("account_id,date,type", "A1,2025-06-02,call"),
  });
});
afterAll(() => s.close());

const stored = async (db: Db) => new Map((await db.rows<{ t: string; fp: string }>("select table_name as t, fingerprint as fp from _3r_stats")).map((r) => [r.t, r.fp]));

describe("table figures", () => {
  it("counts a changed table again and keeps the others", async () => {
    const before = await stored(s.db);
    // usage: 2 rows read, the second rejected (events 0); its date range is its used rows' (June 1 only)
    expect(s.result.tables.find((t) => t.table_name === "usage")).toMatchObject({ rows_read: 2, rows_rejected: 1, rows_used: 1, date_min: "2025-06-01", date_max: "2025-06-01" });
    // the latest date of the inputs (renewal dates aside) is the touch of June 2
    expect(s.result.asOf).toBe("2025-06-02");
    s.db.close();
    writeFileSync(join(s.dir, "data", "touches.csv"), csv("account_id,date,type", "A1,2025-06-02,call", "A1,2025-06-09,email"));
    const c = loadConfig({ config: join(s.dir, "3r.config.json"), data: join(s.dir, "data"), stateDir: join(s.dir, "state") }, { THREER_TODAY: "2026-11-22" });
    const r = await ingest(c, silent);
    s.db = await Db.open(r.dbPath, { readOnly: true });
    expect(r.tables.find((t) => t.table_name === "touches")).toMatchObject({ rows_read: 2, rows_used: 2, date_min: "2025-06-02", date_max: "2025-06-09" });
    expect(r.asOf).toBe("2025-06-09");
    const after = await stored(s.db);
    expect(after.get("usage")).toBe(before.get("usage"));
    expect(after.get("touches")).not.toBe(before.get("touches"));
  });
});
