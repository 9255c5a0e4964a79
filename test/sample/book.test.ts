import { readFileSync, readdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateBook } from "../../tools/sample/book.js";
import { openDuckDB } from "../../tools/sample/write.js";

const TABLES = ["accounts", "renewals", "health", "usage", "features", "contacts", "touches", "tickets", "nps", "milestones"];
/** Column names and DuckDB types per table, as docs/contract.md lists them. */
const CONTRACT: Record<string, string> = {
  accounts: "account_id VARCHAR, account_name VARCHAR, segment VARCHAR, region VARCHAR, industry VARCHAR, csm VARCHAR, customer_since DATE, licenses INTEGER",
  renewals: "renewal_id VARCHAR, account_id VARCHAR, renewal_date DATE, resolved_date DATE, product VARCHAR, arr_before DOUBLE, arr_after DOUBLE, loss_reason VARCHAR",
  health: "account_id VARCHAR, as_of DATE, color VARCHAR, score INTEGER, source VARCHAR",
  usage: "account_id VARCHAR, user_id VARCHAR, date DATE, feature VARCHAR, events INTEGER",
  features: "feature VARCHAR, sticky BOOLEAN",
  contacts: "contact_id VARCHAR, account_id VARCHAR, role VARCHAR, is_exec_sponsor BOOLEAN, title VARCHAR",
  touches: "account_id VARCHAR, date DATE, type VARCHAR, contact_id VARCHAR, csm VARCHAR",
  tickets: "ticket_id VARCHAR, account_id VARCHAR, opened_at DATE, closed_at DATE, severity VARCHAR",
  nps: "account_id VARCHAR, responded_at DATE, score INTEGER",
  milestones: "account_id VARCHAR, stage VARCHAR, reached_at DATE",
};

let root: string;
let conn: DuckDBConnection;
const dir = (name: string) => join(root, name);
const t = (name: string) => `read_parquet('${join(root, "a", name)}.parquet')`;
/** First column of the first row. */
async function scalar(sql: string): Promise<unknown> {
  return (await conn.runAndReadAll(sql)).getRowsJS()[0][0];
}
async function count(sql: string): Promise<number> {
  return Number(await scalar(`select count(*) from (${sql})`));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "sample-test-"));
  await generateBook({ out: dir("a"), seed: 7, accounts: 150 });
  await generateBook({ out: dir("b"), seed: 7, accounts: 150 });
  await generateBook({ out: dir("c"), seed: 8, accounts: 150 });
  conn = await openDuckDB();
}, 120_000);

afterAll(() => {
  conn?.closeSync();
  rmSync(root, { recursive: true, force: true });
});

describe("sample book files", () => {
  it("are byte-identical for the same seed", () => {
    for (const name of TABLES) {
      expect(readFileSync(join(dir("a"), `${name}.parquet`)).equals(readFileSync(join(dir("b"), `${name}.parquet`))), name).toBe(true);
    }
  });

  it("differ for another seed", () => {
    for (const name of ["accounts", "renewals", "usage", "health"]) {
      expect(readFileSync(join(dir("a"), `${name}.parquet`)).equals(readFileSync(join(dir("c"), `${name}.parquet`))), name).toBe(false);
    }
  });

  it("are exactly the ten contract tables, with the contract's columns and types", async () => {
    expect(readdirSync(dir("a")).sort()).toEqual(TABLES.map((n) => `${n}.parquet`).sort());
    for (const name of TABLES) {
      const rows = (await conn.runAndReadAll(`describe select * from ${t(name)}`)).getRowObjectsJS();
      expect(rows.map((r) => `${r.column_name} ${r.column_type}`).join(", "), name).toBe(CONTRACT[name]);
      expect(await count(`select * from ${t(name)}`), name).toBeGreaterThan(0);
    }
  });
});

describe("sample book integrity", () => {
  it("has unique keys", async () => {
    expect(await count(`select account_id from ${t("accounts")} group by 1 having count(*) > 1`)).toBe(0);
    expect(await count(`select account_name from ${t("accounts")} group by 1 having count(*) > 1`)).toBe(0);
    expect(await count(`select contact_id from ${t("contacts")} group by 1 having count(*) > 1`)).toBe(0);
    expect(await count(`select ticket_id from ${t("tickets")} group by 1 having count(*) > 1`)).toBe(0);
    expect(await count(`select renewal_id, product from ${t("renewals")} group by all having count(*) > 1`)).toBe(0);
    expect(await count(`select account_id, user_id, date, feature from ${t("usage")} group by all having count(*) > 1`)).toBe(0);
  });

  it("refers only to existing accounts and contacts", async () => {
    for (const name of TABLES.filter((n) => n !== "accounts" && n !== "features")) {
      expect(await count(`select * from ${t(name)} x anti join ${t("accounts")} a using (account_id)`), name).toBe(0);
    }
    expect(await count(`select * from ${t("touches")} x where contact_id is not null and not exists
      (select 1 from ${t("contacts")} c where c.contact_id = x.contact_id and c.account_id = x.account_id)`)).toBe(0);
    expect(await count(`select * from ${t("usage")} u anti join ${t("features")} f using (feature)`)).toBe(0);
  });

  it("keeps the lines of a renewal event together and complete", async () => {
    expect(await count(`select renewal_id from ${t("renewals")} group by 1
      having count(distinct account_id) > 1 or count(distinct renewal_date) > 1
      or count(distinct coalesce(resolved_date, DATE '1900-01-01')) > 1`)).toBe(0);
    expect(await count(`select * from ${t("renewals")} where resolved_date is not null and arr_after is null`)).toBe(0);
    expect(await count(`select * from ${t("renewals")} where resolved_date is null and (arr_after is not null or loss_reason is not null)`)).toBe(0);
    expect(await count(`select * from ${t("renewals")} where arr_before < 0 or arr_after < 0
      or arr_before <> round(arr_before) or arr_after <> round(arr_after)`)).toBe(0);
    expect(await count(`select * from ${t("renewals")} where resolved_date < renewal_date - 60 or resolved_date > renewal_date + 30`)).toBe(0);
    expect(await count(`select * from ${t("renewals")} r join ${t("accounts")} a using (account_id)
      where renewal_id <> 'R' || substr(account_id, 2) || '-' || year(renewal_date)
      or renewal_date <> a.customer_since + to_years(year(renewal_date)::int - year(a.customer_since)::int)
      and not (month(a.customer_since) = 2 and day(a.customer_since) = 29)`)).toBe(0);
  });

  it("has nothing but renewal_date after the as-of date, which is the latest activity date", async () => {
    const asOf = "DATE '2026-09-30'";
    for (const [name, col] of [["accounts", "customer_since"], ["renewals", "resolved_date"], ["health", "as_of"], ["usage", "date"],
      ["touches", "date"], ["tickets", "opened_at"], ["tickets", "closed_at"], ["nps", "responded_at"], ["milestones", "reached_at"]]) {
      expect(await count(`select * from ${t(name)} where ${col} > ${asOf}`), `${name}.${col}`).toBe(0);
    }
    for (const [name, col] of [["usage", "date"], ["touches", "date"], ["health", "as_of"]]) {
      expect(String(await scalar(`select max(${col})::varchar from ${t(name)}`)), name).toBe("2026-09-30");
    }
    expect(await count(`select * from ${t("renewals")} where renewal_date > DATE '2027-09-30'`)).toBe(0);
    expect(await count(`select * from ${t("renewals")} where resolved_date is null and renewal_date > ${asOf}`)).toBeGreaterThan(0);
  });

  it("stops every churned account at its churn", async () => {
    const churn = `(select account_id, least(min(renewal_date), min(resolved_date)) ended, min(renewal_date) churn_date
      from (select renewal_id, any_value(account_id) account_id, any_value(renewal_date) renewal_date,
        any_value(resolved_date) resolved_date from ${t("renewals")} group by 1 having sum(arr_after) = 0) group by 1)`;
    expect(await count(`select * from ${churn}`)).toBeGreaterThan(0);
    expect(await count(`select * from ${t("renewals")} r join ${churn} c using (account_id) where r.renewal_date > c.churn_date`)).toBe(0);
    for (const [name, col] of [["usage", "date"], ["touches", "date"], ["health", "as_of"], ["tickets", "opened_at"], ["nps", "responded_at"]]) {
      expect(await count(`select * from ${t(name)} x join ${churn} c using (account_id) where x.${col} > c.ended`), name).toBe(0);
    }
  });

  it("uses the contract's value formats", async () => {
    expect(await count(`select * from ${t("usage")} where events < 1`)).toBe(0);
    expect(await count(`select * from ${t("health")} where color not in ('red', 'yellow', 'green')
      or (color = 'red' and score >= 40) or (color = 'yellow' and score not between 40 and 69) or (color = 'green' and score < 70)`)).toBe(0);
    expect(await count(`select * from ${t("contacts")} where role not in ('decision_maker', 'practitioner')`)).toBe(0);
    expect(await count(`select * from ${t("touches")} where type not in ('call', 'email', 'meeting', 'business_review', 'onsite', 'other')`)).toBe(0);
    expect(await count(`select * from ${t("tickets")} where severity not in ('low', 'normal', 'high', 'urgent') or closed_at < opened_at`)).toBe(0);
    expect(await count(`select * from ${t("nps")} where score not between 0 and 10`)).toBe(0);
    expect(await count(`select * from ${t("accounts")} where not regexp_full_match(account_id, 'A\\d{5}') or licenses < 0`)).toBe(0);
    expect(await count(`select * from ${t("features")} where sticky`)).toBe(3);
    expect(await count(`select account_id from ${t("contacts")} group by 1 having count(*) not between 2 and 8`)).toBe(0);
  });

  it("reaches milestones in order", async () => {
    const order = `list_position(['onboarded', 'adopted', 'first_value', 'expanded', 'renewed', 'advocate'], stage)`;
    expect(await count(`select * from ${t("milestones")} where ${order} is null`)).toBe(0);
    expect(await count(`select * from (select ${order} pos, max(${order}) over w <> count(*) over w gap,
      lag(reached_at) over (partition by account_id order by ${order}) prev, reached_at
      from ${t("milestones")} window w as (partition by account_id)) where gap or prev > reached_at`)).toBe(0);
  });
});
