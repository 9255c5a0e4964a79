/**
 * The seeded sample subscription book (`npm run sample -- --shape subscriptions`): on its monthly plans the
 * account-basis TTM logo churn is exactly (accounts active 365 days before the month end and not on it) /
 * (accounts active 365 days before), as a second, independent SQL query over the Parquet files computes it;
 * and the cohort rate, which counts every monthly term as a renewal, reads far lower.
 */
import { mkdtempSync, rmSync, unlinkSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../loaders/engine/config.ts";
import { Db, type Row } from "../../loaders/engine/db.ts";
import { silent } from "../../loaders/engine/progress.ts";
import { ingest } from "../../loaders/engine/warehouse.ts";
import { generateBook } from "../../tools/sample/book.js";

const root = mkdtempSync(join(tmpdir(), "3r-subs-sample-"));
const full = join(root, "full");
const monthly = join(root, "monthly");

/** Stages a folder and returns an open warehouse. */
async function staged(dir: string): Promise<Db> {
  const config = loadConfig({ data: dir, stateDir: join(root, `state-${dir.split("/").pop()}`) }, { THREER_TODAY: "2026-11-22" });
  const r = await ingest(config, silent);
  expect(r.fatal).toEqual([]);
  expect(r.tables.reduce((n, t) => n + t.rows_rejected, 0)).toBe(0);
  return Db.open(r.dbPath, { readOnly: true });
}

/** The reference: from the billing rows alone, who billed anything on a day. Nothing of the toolkit's SQL is used. */
const REFERENCE = (dir: string) => `
  with subs as (select account_id, start_date, end_date from read_parquet('${join(dir, "subscriptions.parquet")}') where mrr > 0),
  month_ends as (
    select distinct last_day(start_date) as m from subs where last_day(start_date) <= date '2026-09-30'
  ),
  active as (
    select m.m, s.account_id,
      bool_or(s.start_date <= m.m - 365 and (s.end_date is null or s.end_date > m.m - 365)) as then_,
      bool_or(s.start_date <= m.m and (s.end_date is null or s.end_date > m.m)) as now_
    from month_ends m, subs s
    group by m.m, s.account_id
  )
  select strftime(m, '%Y-%m-%d') as period_end,
    count(*) filter (where then_) as starting_logos,
    count(*) filter (where then_ and not now_) as churned_logos
  from active group by m having count(*) filter (where then_) > 0 order by m`;

describe("the sample subscription book", () => {
  let dbFull: Db;
  let dbMonthly: Db;
  beforeAll(async () => {
    // seed 42 and 2,000 accounts, as the README's planted truths; only accounts and the billing record are staged
    await generateBook({ out: full, seed: 42, accounts: 2000, shape: "subscriptions" });
    for (const f of readdirSync(full)) if (!["accounts.parquet", "subscriptions.parquet"].includes(f)) unlinkSync(join(full, f));
    // the book of monthly plans: the accounts whose every billed row is one calendar month or less
    const tmp = await Db.open();
    await tmp.run(`copy (select * from read_parquet('${join(full, "subscriptions.parquet")}')
        where account_id not in (select account_id from read_parquet('${join(full, "subscriptions.parquet")}') where end_date - start_date > 31))
      to '${join(root, "m-subs.parquet")}' (format parquet)`);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(monthly);
    await tmp.run(`copy (select * from read_parquet('${join(root, "m-subs.parquet")}')) to '${join(monthly, "subscriptions.parquet")}' (format parquet)`);
    await tmp.run(`copy (select * from read_parquet('${join(full, "accounts.parquet")}') where account_id in
        (select account_id from read_parquet('${join(monthly, "subscriptions.parquet")}'))) to '${join(monthly, "accounts.parquet")}' (format parquet)`);
    tmp.close();
    dbFull = await staged(full);
    dbMonthly = await staged(monthly);
  }, 600_000);
  afterAll(() => {
    dbFull?.close();
    dbMonthly?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const ttm = (db: Db): Promise<Row[]> => db.rows(`select strftime(period_end, '%Y-%m-%d') as period_end, starting_logos, churned_logos, logo_churn_rate
    from arr_bridge where "window" = 'ttm' and dimension = 'all' and starting_logos > 0 order by period_end`);

  for (const [name, db, dir] of [["monthly plans", () => dbMonthly, () => monthly], ["the whole book (monthly and annual)", () => dbFull, () => full]] as const) {
    it(`gives the reference TTM logo churn on every month end: ${name}`, async () => {
      const ours = await ttm(db());
      const reference = await db().rows(REFERENCE(dir()));
      expect(ours.length).toBeGreaterThan(24);
      expect(ours.map(({ logo_churn_rate: _, ...r }) => r)).toEqual(reference);
      for (const r of ours) expect(r.logo_churn_rate).toBe(Number(r.churned_logos) / Number(r.starting_logos));
    });
  }

  it("is a book of monthly plans with a median term of a month", async () => {
    expect(await dbMonthly.rows("select basis, median_term_days from revenue_term_length")).toEqual([{ basis: "subscription rows", median_term_days: 31 }]);
    expect(Number((await dbMonthly.rows("select count(*) as n from stg_accounts"))[0].n)).toBeGreaterThan(500);
  });

  it("reads a cohort logo churn several times lower than the account basis: each monthly term counts as a renewal", async () => {
    const [row] = await dbMonthly.rows(`select b.logo_churn_rate as account_basis, t.logo_churn_rate as cohort
      from arr_bridge b join revenue_ttm_rates t on t.month_end = b.period_end and t.dimension = 'all'
      where b."window" = 'ttm' and b.dimension = 'all' and b.period_end = date '2025-12-31'`);
    expect(Number(row.account_basis)).toBeGreaterThan(4 * Number(row.cohort));
  });
});
