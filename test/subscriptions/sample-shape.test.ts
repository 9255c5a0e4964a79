/**
 * `--shape subscriptions`: the same seed gives byte-identical files; every file but the revenue record is the
 * renewals shape's; the billing export has the contract's columns, monthly and annual plans, upgrades and
 * downgrades, and the very values of the renewal timeline it is written from.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateBook } from "../../tools/sample/book.js";
import { openDuckDB } from "../../tools/sample/write.js";

let root: string;
let conn: DuckDBConnection;
const dir = (name: string) => join(root, name);
const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
const subs = () => `read_parquet('${join(dir("s1"), "subscriptions.parquet")}')`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "sample-shape-"));
  await generateBook({ out: dir("r"), seed: 7, accounts: 150 });
  await generateBook({ out: dir("s1"), seed: 7, accounts: 150, shape: "subscriptions" });
  await generateBook({ out: dir("s2"), seed: 7, accounts: 150, shape: "subscriptions" });
  conn = await openDuckDB();
}, 300_000);
afterAll(() => {
  conn?.closeSync();
  rmSync(root, { recursive: true, force: true });
});

describe("the subscriptions shape of the sample book", () => {
  it("is byte-identical for the same seed, and shares every other file with the renewals shape", () => {
    const files = readdirSync(dir("s1")).sort();
    expect(files).toEqual(readdirSync(dir("r")).map((f) => f.replace("renewals", "subscriptions")).sort());
    for (const f of files) {
      expect(readFileSync(join(dir("s1"), f)).equals(readFileSync(join(dir("s2"), f))), f).toBe(true);
      if (f !== "subscriptions.parquet") expect(readFileSync(join(dir("s1"), f)).equals(readFileSync(join(dir("r"), f))), f).toBe(true);
    }
  });

  it("has the contract's columns, one value column (mrr), and rows that end after they start", async () => {
    expect((await rows(`describe select * from ${subs()}`)).map((r) => `${r.column_name} ${r.column_type}`).join(", "))
      .toBe("subscription_id VARCHAR, account_id VARCHAR, product VARCHAR, start_date DATE, end_date DATE, mrr DOUBLE, churn_reason VARCHAR");
    expect(await rows(`select count(*)::int as n from ${subs()} where end_date <= start_date or mrr <= 0 or start_date > date '2026-09-30'`)).toEqual([{ n: 0 }]);
  });

  it("mixes monthly and annual plans, with upgrades and downgrades", async () => {
    const [plans] = await rows(`with p as (select account_id, max(end_date - start_date) as mx from ${subs()} group by account_id)
      select count(*) filter (where mx <= 31)::int as monthly, count(*) filter (where mx > 300)::int as annual from p`);
    expect(plans.monthly).toBeGreaterThan(20);
    expect(plans.annual).toBeGreaterThan(20);
    // consecutive periods of one line at another value
    const [moves] = await rows(`with s as (select mrr, lag(mrr) over w as prev, lag(end_date) over w as prev_end, start_date from ${subs()}
        window w as (partition by account_id, product order by start_date))
      select count(*) filter (where prev_end = start_date and mrr > prev)::int as up, count(*) filter (where prev_end = start_date and mrr < prev)::int as down from s`);
    expect(moves.up).toBeGreaterThan(10);
    expect(moves.down).toBeGreaterThan(3);
  });

  it("bills each line at its renewal timeline's value: a twelfth of its annual value, to the cent", async () => {
    // Every annual row of a line matches the arr_before of the renewal that closes its term in the renewals shape
    // (an overdue renewal, unresolved, keeps billing one more term at the same value: it opens that term).
    const [r] = await rows(`select count(*)::int as n, count(*) filter (where exists (select 1 from read_parquet('${join(dir("r"), "renewals.parquet")}') as x
        where x.account_id = s.account_id and x.product = s.product and round(x.arr_before / 12, 2) = s.mrr
          and (x.renewal_date = s.end_date or (x.renewal_date = s.start_date and x.resolved_date is null))))::int as matched
      from ${subs()} as s where s.end_date - s.start_date > 300`);
    expect(r.n).toBeGreaterThan(50);
    expect(r.matched).toBe(r.n);
  });
});
