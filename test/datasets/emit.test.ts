import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeDataset } from "../../loaders/datasets/emit.ts";
import { defineDataset, type TableDef } from "../../loaders/datasets/define.ts";
import { csv, stage, type Staged } from "../helpers/stage.ts";

let s: Staged;
beforeAll(async () => {
  s = await stage({
    "accounts.csv": csv("account_id,customer_since,licenses", "A1,2024-01-05,5", "A2,2024-02-01,"),
    "renewals.csv": csv("renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after", "R1,A1,2025-01-05,2025-01-02,Core,100,90"),
  });
});
afterAll(() => s.close());

const run = (table: TableDef) => computeDataset(s.db, defineDataset({ name: "t", title: "T", doc: "test", tables: { x: table } }));

describe("computing a dataset", () => {
  it("publishes documented columns in their declared order, column-oriented", async () => {
    const file = await run({
      doc: "accounts", sql: "select customer_since, account_id, licenses from stg_accounts order by account_id",
      columns: { account_id: { type: "string", doc: "id" }, customer_since: { type: "date", doc: "start" }, licenses: { type: "int", nullable: true, doc: "seats" } },
    });
    expect(file.tables.x).toEqual({ account_id: ["A1", "A2"], customer_since: ["2024-01-05", "2024-02-01"], licenses: [5, null] });
    expect(Object.keys(file.tables.x)).toEqual(["account_id", "customer_since", "licenses"]);
  });

  it("refuses an undocumented column, a wrong type, and a null where none is allowed, naming row and column", async () => {
    await expect(run({ doc: "d", sql: "select account_id, licenses from stg_accounts", columns: { account_id: { type: "string", doc: "id" } } }))
      .rejects.toThrow("dataset t, table x: undocumented column licenses");
    await expect(run({ doc: "d", sql: "select account_id from stg_accounts order by 1", columns: { account_id: { type: "int", doc: "id" } } }))
      .rejects.toThrow(/dataset t, table x, row 1: account_id: .* \(got "A1"\)/);
    await expect(run({ doc: "d", sql: "select licenses from stg_accounts order by account_id", columns: { licenses: { type: "int", doc: "seats" } } }))
      .rejects.toThrow(/row 2: licenses: .* \(got null\)/);
  });
});
